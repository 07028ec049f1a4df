using System.Activities;
using Microsoft.Xrm.Sdk;
using Rapport.WorkflowActivities.Common;
using Rapport.WorkflowActivities.Engagement;

namespace Rapport.WorkflowActivities.Clv;

/// <summary>The CLV activities' customer inputs and money outputs. Inputs: a Contact and an Account input (an input targets one table), exactly one set.</summary>
internal static class ClvInputs
{
    public const string Contact = "Contact";
    public const string Account = "Account";

    /// <summary>The customer, each input checked to point at its own table; exactly one of them as the engagement activities require.</summary>
    public static EntityReference Customer(LocalActivityContext context, InArgument<EntityReference> contact, InArgument<EntityReference> account) =>
        CustomerArguments.One(context.Reference(contact, Contact, "contact"), context.Reference(account, Account, "account"), context.ActivityName);

    /// <summary>An amount as the Money output a workflow shows (cents), or null for "not computed".</summary>
    public static Money? AsMoney(double? value) => value is double v ? new Money(decimal.Round((decimal)v, 2)) : null;
}
