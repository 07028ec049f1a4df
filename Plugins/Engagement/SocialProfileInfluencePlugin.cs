using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Engagement;
using P = Rapport.Plugins.Services.Engagement.EngagementSchema.P;

namespace Rapport.Plugins.Engagement;

/// <summary>
/// A social profile saved with new followers, reach or customer gets its influencer score and sub-scores in the same
/// write (pre-operation: no extra Update). Negative follower counts are refused.
/// </summary>
[Step("Create", EngagementSchema.Profile, Stage.PreOperation, StepMode.Synchronous)]
[Step("Update", EngagementSchema.Profile, Stage.PreOperation, StepMode.Synchronous, FilteringAttributes = Columns)]
[Image("Update", ImageKind.PreImage, Alias, Columns)]
public sealed class SocialProfileInfluencePlugin : PluginBase
{
    private const string Alias = "profile";
    private const string Columns = "rapport_customerid,rapport_followers,rapport_reach";

    protected override void ExecuteStep(LocalPluginContext context)
    {
        var target = context.Target;
        var pre = context.ExecutionContext.MessageName == "Update" ? context.PreImage(Alias) : new Entity(EngagementSchema.Profile);
        T? Value<T>(string column) => target.Contains(column) ? target.GetAttributeValue<T>(column) : pre.GetAttributeValue<T>(column);

        var followers = Value<int?>(P.Followers) ?? Value<int?>(P.Reach) ?? 0;
        if (followers < 0)
        {
            throw new InvalidPluginExecutionException($"Followers {followers} is negative; a follower count must be zero or more.");
        }

        var score = InfluencerService.Score(context.SystemService, Value<EntityReference>(P.Customer), followers);
        InfluencerService.Write(target, score);
    }
}
