using System.Globalization;
using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Engagement;

namespace Rapport.Plugins.Engagement;

/// <summary>A programme cost must be zero or more and belong to a programme or a campaign; refused before it is written.</summary>
[Step("Create", EngagementSchema.CostItem, Stage.PreOperation, StepMode.Synchronous)]
[Step("Update", EngagementSchema.CostItem, Stage.PreOperation, StepMode.Synchronous, FilteringAttributes = Columns)]
[Image("Update", ImageKind.PreImage, Alias, Columns)]
public sealed class ProgrammeCostValidationPlugin : PluginBase
{
    private const string Alias = "cost";
    private const string Columns = "rapport_name,rapport_amount,rapport_programmeid,rapport_campaignid";

    protected override void ExecuteStep(LocalPluginContext context)
    {
        var target = context.Target;
        var pre = context.ExecutionContext.MessageName == "Update" ? context.PreImage(Alias) : new Entity(EngagementSchema.CostItem);
        T? Value<T>(string column) => target.Contains(column) ? target.GetAttributeValue<T>(column) : pre.GetAttributeValue<T>(column);

        var name = Value<string>(EngagementSchema.Name) ?? "";
        var amount = Value<Money>("rapport_amount")?.Value;
        if (amount is null)
        {
            throw new InvalidPluginExecutionException($"Amount is required for programme cost '{name}'.");
        }

        if (amount < 0)
        {
            throw new InvalidPluginExecutionException(
                $"Amount {amount.Value.ToString(CultureInfo.InvariantCulture)} of programme cost '{name}' is negative; a cost must be zero or more (record income as a gain, not as a negative cost).");
        }

        if (Value<EntityReference>("rapport_programmeid") is null && Value<EntityReference>("rapport_campaignid") is null)
        {
            throw new InvalidPluginExecutionException($"Programme cost '{name}' needs a programme or a campaign: the ROI of one of them includes it.");
        }
    }
}
