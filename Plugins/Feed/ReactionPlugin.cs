using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>Likes: the liker defaults to the caller; the post's like count follows creates and deletes.</summary>
[Step("Create", "rapport_reaction", Stage.PreOperation, StepMode.Synchronous)]
[Step("Create", "rapport_reaction", Stage.PostOperation, StepMode.Synchronous)]
[Step("Delete", "rapport_reaction", Stage.PostOperation, StepMode.Synchronous)]
[Image("Delete", ImageKind.PreImage, "before", "rapport_postid")]
public sealed class ReactionPlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var ctx = context.ExecutionContext;
        if (ctx.MessageName == "Create" && ctx.Stage == (int)Stage.PreOperation)
        {
            if (!context.Target.Contains("rapport_userid"))
            {
                context.Target["rapport_userid"] = new EntityReference("systemuser", ctx.InitiatingUserId);
            }

            return;
        }

        var row = ctx.MessageName == "Create" ? context.Target : context.PreImage("before");
        if (row.GetAttributeValue<EntityReference>("rapport_postid") is { } post)
        {
            PostService.AddToCount(context.SystemService, post.Id, "rapport_likecount", ctx.MessageName == "Create" ? 1 : -1);
        }
    }
}
