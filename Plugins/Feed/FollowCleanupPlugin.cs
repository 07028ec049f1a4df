using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>
/// A followed row was deleted: its follows go with it. One post-operation Delete step per followed table, registered
/// at run time by <see cref="FollowCleanupService.EnsureDeleteStep"/> when the table gets its first follow.
/// </summary>
public sealed class FollowCleanupPlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var removed = FollowService.RemoveAll(context.SystemService, context.ExecutionContext.PrimaryEntityName, context.ExecutionContext.PrimaryEntityId);
        context.Trace("FollowCleanupPlugin: {0} follow(s) of the deleted {1} removed.", removed, context.ExecutionContext.PrimaryEntityName);
    }
}
