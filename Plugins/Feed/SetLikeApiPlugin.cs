using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>rapport_SetLike: one like per person per post (alternate key), on posts about records the caller can read; returns the like count.</summary>
public sealed class SetLikeApiPlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var ctx = context.ExecutionContext;
        var postId = FeedData.ParseId(ctx.InputParameters.TryGetValue("PostId", out var p) ? p as string : null, "post id");
        var liked = ctx.InputParameters.TryGetValue("Liked", out var l) && l is true;
        var system = context.SystemService;
        PostHistoryService.VisiblePost(context, postId, "rapport_likecount");
        var mine = FeedData.Where(FeedData.Reaction, "rapport_reactionid");
        mine.Criteria.AddCondition("rapport_postid", ConditionOperator.Equal, postId);
        mine.Criteria.AddCondition("rapport_userid", ConditionOperator.Equal, ctx.InitiatingUserId);
        var existing = system.RetrieveMultiple(mine).Entities.FirstOrDefault();
        if (liked && existing is null)
        {
            system.Create(new Entity(FeedData.Reaction)
            {
                ["rapport_name"] = "Like",
                ["rapport_postid"] = new EntityReference(FeedData.Post, postId),
                ["rapport_userid"] = new EntityReference("systemuser", ctx.InitiatingUserId),
            });
        }
        else if (!liked && existing is not null)
        {
            system.Delete(FeedData.Reaction, existing.Id);
        }

        var post = system.Retrieve(FeedData.Post, postId, new ColumnSet("rapport_likecount"));
        ctx.OutputParameters["LikeCount"] = FeedData.Int(post, "rapport_likecount");
        ctx.OutputParameters["Liked"] = liked;
    }
}
