using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Engagement;
using A = Rapport.Plugins.Engagement.EngagementApiParameters;

namespace Rapport.Plugins.Engagement;

/// <summary>
/// rapport_CompareFollowers: followers (Definition social, engaged or follow) vs the others over [From, To), as JSON:
/// group sizes, spend, CLV, repeat and retention rates, mean P(alive), bootstrap intervals (no ratio below MinGroupSize,
/// default 30, per group) and the self-selection caveat.
/// </summary>
public sealed class CompareFollowersApi : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var x = context.ExecutionContext;
        var table = (A.OptionalString(x, "Table") ?? "contact").ToLowerInvariant();
        var result = FollowerComparisonService.Compare(context.UserService, table, A.RequiredDate(x, "From"), A.RequiredDate(x, "To"), A.OptionalString(x, "Definition"), A.OptionalInt(x, "MinGroupSize"));
        x.OutputParameters["Result"] = FollowerComparisonService.ToJson(result);
    }
}
