using Microsoft.Xrm.Sdk;
using Rapport.Domain.Engagement;
using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Engagement;
using I = Rapport.Plugins.Services.Engagement.EngagementSchema.I;

namespace Rapport.Plugins.Engagement;

/// <summary>
/// Refuses a bad social interaction before anything is written: unknown channel or kind, rating out of 1–5, sentiment
/// out of -1..1, a negative monetary value, a date in the future, a referral without a referred customer or pointing
/// to its own customer. Fills the customer from the social profile when only the profile is given (1 Retrieve).
/// </summary>
[Step("Create", EngagementSchema.Interaction, Stage.PreOperation, StepMode.Synchronous)]
[Step("Update", EngagementSchema.Interaction, Stage.PreOperation, StepMode.Synchronous, FilteringAttributes = I.All)]
[Image("Update", ImageKind.PreImage, Alias, I.All)]
public sealed class InteractionValidationPlugin : PluginBase
{
    private const string Alias = "interaction";

    protected override void ExecuteStep(LocalPluginContext context)
    {
        var target = context.Target;
        var merged = new Entity(EngagementSchema.Interaction, target.Id);
        if (context.ExecutionContext.MessageName == "Update")
        {
            foreach (var column in context.PreImage(Alias).Attributes)
            {
                merged[column.Key] = column.Value;
            }
        }

        foreach (var column in target.Attributes)
        {
            merged[column.Key] = column.Value;
        }

        if (merged.GetAttributeValue<EntityReference>(I.Customer) is null && merged.GetAttributeValue<EntityReference>(I.Profile) is { } profile)
        {
            var customer = context.SystemService.Retrieve(EngagementSchema.Profile, profile.Id, new Microsoft.Xrm.Sdk.Query.ColumnSet(EngagementSchema.P.Customer))
                .GetAttributeValue<EntityReference>(EngagementSchema.P.Customer);
            target[I.Customer] = customer;
            merged[I.Customer] = customer;
        }

        var owner = merged.GetAttributeValue<EntityReference>(I.Customer);
        if (owner is null || !EngagementSchema.IsCustomerTable(owner.LogicalName))
        {
            throw new InvalidPluginExecutionException("Customer is required: set the contact or account, or a social profile linked to one.");
        }

        var interaction = Refusal.Guard(() =>
        {
            var read = InteractionRows.ToInteraction(merged);
            InteractionValidator.EnsureValid(read, context.ExecutionContext.OperationCreatedOn);
            return read;
        });
        if (string.IsNullOrWhiteSpace(merged.GetAttributeValue<string>(EngagementSchema.Name)))
        {
            target[EngagementSchema.Name] = $"{InteractionKinds.Code(interaction.Kind)} on {Channels.Code(interaction.Channel)}";
        }
    }
}
