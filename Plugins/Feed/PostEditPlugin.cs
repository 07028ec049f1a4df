using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>Edits of a post's text: author or moderator, with the old text kept as a revision (which names the editor).</summary>
[Step("Update", "rapport_post", Stage.PreOperation, StepMode.Synchronous, FilteringAttributes = "rapport_text")]
[Image("Update", ImageKind.PreImage, "before", "rapport_kind,rapport_authorid,rapport_text")]
public sealed class PostEditPlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context) => PostService.Edit(context, context.Target, context.PreImage("before"));
}
