using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>New posts: text, mentions and access checked before the write; mentions, topics and notifications after it.</summary>
[Step("Create", "rapport_post", Stage.PreOperation, StepMode.Synchronous)]
[Step("Create", "rapport_post", Stage.PostOperation, StepMode.Synchronous)]
public sealed class PostCreatePlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        if (context.ExecutionContext.Stage == (int)Stage.PreOperation)
        {
            PostService.ValidateNewPost(context, context.Target);
        }
        else
        {
            PostService.AfterNewPost(context, context.ExecutionContext.PrimaryEntityId, context.Target);
        }
    }
}
