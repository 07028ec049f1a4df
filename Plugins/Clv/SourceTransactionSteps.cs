using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Clv;

namespace Rapport.Plugins.Clv;

/// <summary>
/// The shared body of the steps on configurable transaction tables (opportunity, invoice): read the table's active
/// rapport_clvsource rows (1 request; none: nothing counts), then for each source apply what the row counted before
/// and counts now, as the gift steps do (3 requests per customer touched).
/// </summary>
internal static class SourceTransactionSteps
{
    public static void Execute(LocalPluginContext context, string alias, string imagedColumns)
    {
        var execution = context.ExecutionContext;
        var sources = TransactionFacts.ActiveSources(context.SystemService, execution.PrimaryEntityName, imagedColumns);
        if (sources.Count == 0)
        {
            context.Trace("CLV: no active transaction source for {0}; nothing counted.", execution.PrimaryEntityName);
            return;
        }

        var now = execution.OperationCreatedOn;
        var pre = execution.MessageName == "Create" ? null : context.PreImage(alias);
        var post = execution.MessageName == "Delete" ? null : context.PostImage(alias);
        foreach (var source in sources)
        {
            var before = TransactionFacts.FromSource(pre, source, now, strict: false);
            var after = TransactionFacts.FromSource(post, source, now, strict: true);
            ClvScoringService.ApplyChange(context.SystemService, before, after, now, context.Tracing);
        }
    }
}
