using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>rapport_SweepFollows: removes follows whose follower lost read access or whose row is gone (a batch per call).</summary>
public sealed class SweepFollowsApiPlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var input = context.ExecutionContext.InputParameters;
        var sweep = FollowCleanupService.Sweep(
            context,
            input.TryGetValue("MaxFollows", out var max) && max is int n ? n : FollowCleanupService.DefaultBatch,
            input.TryGetValue("Continuation", out var c) ? c as string : null);
        var output = context.ExecutionContext.OutputParameters;
        output["Checked"] = sweep.Checked;
        output["Removed"] = sweep.Removed;
        output["Continuation"] = sweep.Continuation;
        output["HasMore"] = sweep.Continuation.Length > 0;
    }
}
