using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>A new follow must name an existing record its follower can read; names and owner are filled in.</summary>
[Step("Create", "rapport_follow", Stage.PreOperation, StepMode.Synchronous)]
public sealed class FollowValidationPlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context) => FollowService.Validate(context, context.Target);
}
