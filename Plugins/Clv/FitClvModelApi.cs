using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Clv;

namespace Rapport.Plugins.Clv;

/// <summary>
/// rapport_FitClvModel: fits a model of the given Kind from the ledgers stored on contacts and accounts (at most
/// SampleCap customers, default 50,000) and writes it as a Draft model; activate it by setting its status to Active.
/// </summary>
public sealed class FitClvModelApi : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var execution = context.ExecutionContext;
        var outcome = ClvModelFitter.Fit(
            context.UserService,
            ApiParameters.RequiredString(execution, "Kind"),
            ApiParameters.OptionalInt(execution, "SampleCap"),
            execution.OperationCreatedOn);
        execution.OutputParameters["ModelId"] = outcome.ModelId;
        execution.OutputParameters["LogLikelihood"] = outcome.LogLikelihood;
        execution.OutputParameters["SampleSize"] = outcome.SampleSize;
        execution.OutputParameters["HoldoutMae"] = outcome.HoldoutMae ?? -1;
        context.Trace("CLV fit: {0}", outcome.Sampling);
    }
}
