using Microsoft.Xrm.Sdk;

namespace Rapport.WorkflowActivities.Engagement;

/// <summary>A workflow input names one table, so the activities take a contact and an account input: exactly one must be set.</summary>
internal static class CustomerArguments
{
    public static EntityReference One(EntityReference? contact, EntityReference? account, string activity)
    {
        if (contact is not null && account is not null)
        {
            throw new InvalidPluginExecutionException($"{activity}: set the Contact or the Account input, not both.");
        }

        return contact ?? account ?? throw new InvalidPluginExecutionException($"{activity}: set the Contact or the Account input.");
    }
}
