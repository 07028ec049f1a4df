using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Clv;
using M = Rapport.Plugins.Services.Clv.ClvSchema.ModelColumns;

namespace Rapport.Plugins.Clv;

/// <summary>
/// Only one model per kind is active: a model set to Active is checked (its parameters must load, and a fit judged
/// Unusable is refused with its reasons) and the other active model of its kind is set back to Draft, in the same
/// transaction.
/// </summary>
[Step("Create", ClvSchema.Model, Stage.PostOperation, StepMode.Synchronous)]
[Step("Update", ClvSchema.Model, Stage.PostOperation, StepMode.Synchronous, FilteringAttributes = "rapport_modelstatus,rapport_kind,rapport_parameters,rapport_verdict,statecode")]
[Image("Create", ImageKind.PostImage, Alias, Columns)]
[Image("Update", ImageKind.PostImage, Alias, Columns)]
public sealed class ClvModelActivationPlugin : PluginBase
{
    private const string Alias = "model";
    private const string Columns = "rapport_name,rapport_kind,rapport_parameters,rapport_fittedon,rapport_modelstatus,rapport_verdict,rapport_verdictreasons,statecode";

    protected override void ExecuteStep(LocalPluginContext context)
    {
        var model = context.PostImage(Alias);
        var active = model.GetAttributeValue<OptionSetValue>(M.Status)?.Value == ClvSchema.ModelStatusActive
            && (model.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? 0) == 0;
        if (!active)
        {
            return;
        }

        if (model.GetAttributeValue<OptionSetValue>(M.Verdict)?.Value == ClvSchema.VerdictUnusable)
        {
            throw new InvalidPluginExecutionException(
                $"CLV model '{model.GetAttributeValue<string>(M.Name)}' cannot be activated: its fit was judged unusable. {model.GetAttributeValue<string>(M.VerdictReasons)} Fit again on more or different data, or choose another model kind.");
        }

        var kind = ClvModelRepository.Read(model).Kind;
        var others = new QueryExpression(ClvSchema.Model) { ColumnSet = new ColumnSet(false) };
        others.Criteria.AddCondition(M.Status, ConditionOperator.Equal, ClvSchema.ModelStatusActive);
        others.Criteria.AddCondition(M.Kind, ConditionOperator.Equal, ClvSchema.KindOption(kind));
        others.Criteria.AddCondition(ClvSchema.Model + "id", ConditionOperator.NotEqual, context.ExecutionContext.PrimaryEntityId);
        foreach (var other in context.SystemService.RetrieveMultiple(others).Entities)
        {
            context.Trace("CLV: model {0} ({1}) replaces {2} as the active {1} model.", context.ExecutionContext.PrimaryEntityId, kind, other.Id);
            context.SystemService.Update(new Entity(ClvSchema.Model, other.Id) { [M.Status] = new OptionSetValue(ClvSchema.ModelStatusDraft) });
        }
    }
}
