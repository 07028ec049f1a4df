using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Engagement;
using A = Rapport.Plugins.Engagement.EngagementApiParameters;

namespace Rapport.Plugins.Engagement;

/// <summary>rapport_IngestInteractions: up to 1,000 interactions as CSV or JSON; idempotent by external id; per-row results as JSON.</summary>
public sealed class IngestInteractionsApi : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var x = context.ExecutionContext;
        var ingested = IngestionService.Ingest(context.UserService, A.RequiredString(x, "Format"), A.RequiredString(x, "Interactions"), x.OperationCreatedOn);
        x.OutputParameters["Created"] = ingested.Result.Created;
        x.OutputParameters["Skipped"] = ingested.Result.SkippedDuplicates;
        x.OutputParameters["Errors"] = ingested.Result.Errors;
        x.OutputParameters["Results"] = IngestionService.ToJson(ingested.Result, ingested.Ids);
    }
}
