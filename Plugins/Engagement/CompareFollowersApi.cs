using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Engagement;
using A = Rapport.Plugins.Engagement.EngagementApiParameters;

namespace Rapport.Plugins.Engagement;

/// <summary>rapport_CompareFollowers: average spend and CLV of followers vs non-followers over [From, To), as JSON.</summary>
public sealed class CompareFollowersApi : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var x = context.ExecutionContext;
        var table = (A.OptionalString(x, "Table") ?? "contact").ToLowerInvariant();
        var result = FollowerComparisonService.Compare(context.UserService, table, A.RequiredDate(x, "From"), A.RequiredDate(x, "To"));
        x.OutputParameters["Result"] = FollowerComparisonService.ToJson(result);
    }
}
