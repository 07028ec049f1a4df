using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>Comments: validated before the write; the post's comment count and latest comments follow creates and deletes.</summary>
[Step("Create", "rapport_comment", Stage.PreOperation, StepMode.Synchronous)]
[Step("Create", "rapport_comment", Stage.PostOperation, StepMode.Synchronous)]
[Step("Delete", "rapport_comment", Stage.PostOperation, StepMode.Synchronous)]
[Image("Delete", ImageKind.PreImage, "before", "rapport_postid")]
public sealed class CommentPlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var ctx = context.ExecutionContext;
        if (ctx.MessageName == "Create" && ctx.Stage == (int)Stage.PreOperation)
        {
            PostService.ValidateNewComment(context, context.Target);
            return;
        }

        var created = ctx.MessageName == "Create";
        PostService.AfterCommentChange(context, ctx.PrimaryEntityId, created ? context.Target : context.PreImage("before"), created);
    }
}
