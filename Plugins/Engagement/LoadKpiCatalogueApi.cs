using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Engagement;

namespace Rapport.Plugins.Engagement;

/// <summary>rapport_LoadKpiCatalogue: creates the starter KPIs an organization lacks (by code); idempotent, edits are kept.</summary>
public sealed class LoadKpiCatalogueApi : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var counts = KpiService.LoadStarter(context.UserService);
        context.ExecutionContext.OutputParameters["Created"] = counts.First;
        context.ExecutionContext.OutputParameters["Existing"] = counts.Second;
    }
}
