using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Engagement;

namespace Rapport.Plugins.Engagement;

/// <summary>rapport_RefreshKpiPlan: computes the actuals of automatic KPIs and every row's progress.</summary>
public sealed class RefreshKpiPlanApi : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var counts = KpiService.RefreshPlan(context.UserService);
        context.ExecutionContext.OutputParameters["Computed"] = counts.First;
        context.ExecutionContext.OutputParameters["Manual"] = counts.Second;
    }
}
