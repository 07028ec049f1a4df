using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;

namespace Rapport.Solution.Fixtures;

/// <summary>An async post-update step with filtering attributes, a pre-image and a post-image.</summary>
[Step("Update", "contact", Stage.PostOperation, StepMode.Asynchronous, FilteringAttributes = "rapport_clv, rapport_segment", Rank = 5)]
[Image("Update", ImageKind.PreImage, "pre", "rapport_clv,rapport_segment")]
[Image("Update", ImageKind.PostImage, "post", "rapport_clv")]
public sealed class ContactClvChangedPlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
    }
}
