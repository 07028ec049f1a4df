using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>
/// Comments: validated before the write; edits and deletes by the author or a moderator (a moderator's delete is
/// logged); the post's comment count and latest comments follow creates, edits and deletes.
/// </summary>
[Step("Create", "rapport_comment", Stage.PreOperation, StepMode.Synchronous)]
[Step("Create", "rapport_comment", Stage.PostOperation, StepMode.Synchronous)]
[Step("Update", "rapport_comment", Stage.PreOperation, StepMode.Synchronous, FilteringAttributes = "rapport_text")]
[Step("Update", "rapport_comment", Stage.PostOperation, StepMode.Synchronous, FilteringAttributes = "rapport_text")]
[Step("Delete", "rapport_comment", Stage.PreOperation, StepMode.Synchronous)]
[Step("Delete", "rapport_comment", Stage.PostOperation, StepMode.Synchronous)]
[Image("Update", ImageKind.PreImage, "before", "rapport_postid,rapport_authorid,rapport_text")]
[Image("Delete", ImageKind.PreImage, "before", "rapport_postid,rapport_authorid,rapport_text")]
public sealed class CommentPlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var ctx = context.ExecutionContext;
        var pre = ctx.Stage == (int)Stage.PreOperation;
        switch (ctx.MessageName)
        {
            case "Create" when pre:
                PostService.ValidateNewComment(context, context.Target);
                break;
            case "Create":
                PostService.AfterCommentChange(context, ctx.PrimaryEntityId, context.Target, created: true);
                break;
            case "Update" when pre:
                PostService.EditComment(context, context.Target, context.PreImage("before"));
                break;
            case "Update":
                PostService.RefreshLatestComments(context, context.PreImage("before"));
                break;
            case "Delete" when pre:
                var before = context.PreImage("before");
                PostService.CheckDelete(context, before, FeedData.Post, FeedData.Text(before.GetAttributeValue<Microsoft.Xrm.Sdk.EntityReference>("rapport_postid")?.Id ?? System.Guid.Empty));
                break;
            default:
                PostService.AfterCommentChange(context, ctx.PrimaryEntityId, context.PreImage("before"), created: false);
                break;
        }
    }
}
