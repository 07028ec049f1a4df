using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;

namespace Rapport.Solution.Fixtures;

/// <summary>Two steps on one class: a fixed id with configuration on Create, and a pre-validation Delete with a pre-image.</summary>
[Step("Create", "rapport_gift", Stage.PreOperation, StepMode.Synchronous, Id = "5b1f0c1e-0a55-4c8e-9a8e-2f7c9d3b6a11", Configuration = "mode=strict")]
[Step("Delete", "rapport_gift", Stage.PreValidation, StepMode.Synchronous)]
[Image("Delete", ImageKind.PreImage, "gift", "rapport_amount,rapport_donorid")]
public sealed class GiftPlugin : PluginBase
{
    public GiftPlugin(string unsecureConfiguration, string secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    protected override void ExecuteStep(LocalPluginContext context)
    {
    }
}
