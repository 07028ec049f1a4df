using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>Posts are deleted by their author or an administrator; comments, likes and mentions cascade.</summary>
[Step("Delete", "rapport_post", Stage.PreOperation, StepMode.Synchronous)]
[Image("Delete", ImageKind.PreImage, "before", "rapport_authorid")]
public sealed class PostDeletePlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context) => PostService.CheckDelete(context, context.PreImage("before"));
}
