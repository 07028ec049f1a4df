using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Clv;

namespace Rapport.Plugins.Clv;

/// <summary>
/// rapport_FitClvModel: fits a model of the given Kind from the ledgers stored on contacts and accounts (at most
/// SampleCap customers, default 50,000) and writes it as a Draft model with its diagnostics, verdict and holdout check;
/// activate it by setting its status to Active (refused for an Unusable model). HoldoutMae is left out when the holdout
/// could not be run; HoldoutSummary says why.
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
        if (outcome.HoldoutMae is double mae)
        {
            execution.OutputParameters["HoldoutMae"] = mae;
        }

        execution.OutputParameters["HoldoutMeasured"] = outcome.Holdout.Measured;
        execution.OutputParameters["HoldoutSummary"] = outcome.Holdout.Summary;
        execution.OutputParameters["HoldoutReport"] = outcome.Holdout.ToJson();
        execution.OutputParameters["Verdict"] = outcome.Diagnostics.VerdictLabel;
        execution.OutputParameters["VerdictReasons"] = outcome.Diagnostics.Summary;
        execution.OutputParameters["Converged"] = outcome.Diagnostics.Converged;
        execution.OutputParameters["Iterations"] = outcome.Diagnostics.Iterations;
        execution.OutputParameters["StandardErrorsFinite"] = outcome.Diagnostics.StandardErrorsFinite;
        execution.OutputParameters["Diagnostics"] = outcome.Diagnostics.ToJson();
        execution.OutputParameters["Retention"] = outcome.Retention;
        context.Trace("CLV fit: {0}", outcome.Sampling);
    }
}
