using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>Comments: validated before the write; the post's comment count follows creates and deletes.</summary>
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

        var row = ctx.MessageName == "Create" ? context.Target : context.PreImage("before");
        if (row.GetAttributeValue<EntityReference>("rapport_postid") is { } post)
        {
            PostService.AddToCount(context.SystemService, post.Id, "rapport_commentcount", ctx.MessageName == "Create" ? 1 : -1);
        }
    }
}
