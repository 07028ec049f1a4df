using System;
using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>Follows, posts and mentions move to the survivor of a merge (a deleted record's follows go through FollowCleanupPlugin's run-time steps).</summary>
[Step("Merge", "contact", Stage.PostOperation, StepMode.Synchronous)]
[Step("Merge", "account", Stage.PostOperation, StepMode.Synchronous)]
public sealed class RecordLifecyclePlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var ctx = context.ExecutionContext;
        var survivor = ctx.InputParameters.TryGetValue("Target", out var t) && t is EntityReference r ? r
            : throw new InvalidPluginExecutionException("Merge carries no Target (the surviving record).");
        var subordinate = ctx.InputParameters.TryGetValue("SubordinateId", out var s) && s is Guid id ? id
            : throw new InvalidPluginExecutionException("Merge carries no SubordinateId (the merged-away record).");
        FollowService.MoveOnMerge(context.SystemService, survivor.LogicalName, subordinate, survivor.Id);
        FollowService.MoveFeedOnMerge(context.SystemService, survivor.LogicalName, subordinate, survivor.Id);
    }
}
