using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>Posts are deleted by their author or a moderator (logged); comments, likes, mentions and revisions cascade.</summary>
[Step("Delete", "rapport_post", Stage.PreOperation, StepMode.Synchronous)]
[Image("Delete", ImageKind.PreImage, "before", "rapport_authorid,rapport_text,rapport_regardingtable,rapport_regardingid")]
public sealed class PostDeletePlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var before = context.PreImage("before");
        PostService.CheckDelete(context, before, FeedData.Str(before, "rapport_regardingtable"), FeedData.Str(before, "rapport_regardingid"));
    }
}
