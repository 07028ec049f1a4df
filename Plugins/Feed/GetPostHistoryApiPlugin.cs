using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>rapport_GetPostHistory: a post's earlier texts, for a caller who can read the record the post is about.</summary>
public sealed class GetPostHistoryApiPlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var input = context.ExecutionContext.InputParameters;
        var postId = FeedData.ParseId(input.TryGetValue("PostId", out var p) ? p as string : null, "post id");
        context.ExecutionContext.OutputParameters["Revisions"] = PostHistoryService.History(context, postId);
    }
}
