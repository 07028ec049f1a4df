using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Feed;
using Rapport.WorkflowActivities.Common;

namespace Rapport.WorkflowActivities.Feed;

/// <summary>A record's follower count and follow state: the Custom API rapport_GetFollowState's service (nothing written).</summary>
[WorkflowActivity("Get Follower Count", Group = "Rapport", Description = "How many users and teams follow a record (its Record URL), whether the given user or team (default: the user who started the workflow) is one of them, and whether the record's table is tracked.")]
public sealed class GetFollowerCountActivity : ActivityBase
{
    [RequiredArgument]
    [Input(FeedInputs.RecordUrl)]
    public InArgument<string> RecordUrl { get; set; } = new();

    [Input(FeedInputs.FollowerUser)]
    [ReferenceTarget("systemuser")]
    public InArgument<EntityReference> FollowerUser { get; set; } = new();

    [Input(FeedInputs.FollowerTeam)]
    [ReferenceTarget("team")]
    public InArgument<EntityReference> FollowerTeam { get; set; } = new();

    [Output("Follower Count")]
    public OutArgument<int> FollowerCount { get; set; } = new();

    [Output("Is Following")]
    public OutArgument<bool> IsFollowing { get; set; } = new();

    [Output("Is Tracked")]
    public OutArgument<bool> IsTracked { get; set; } = new();

    protected override void ExecuteActivity(LocalActivityContext context)
    {
        var follower = FeedInputs.Follower(context, FollowerUser, FollowerTeam);
        var record = FeedInputs.ReadableRecord(context, RecordUrl);
        var state = FollowService.State(context.Services, record.LogicalName, record.Id, follower.Id);
        context.Set(FollowerCount, state.FollowerCount);
        context.Set(IsFollowing, state.IsFollowing);
        context.Set(IsTracked, state.IsTracked);
    }
}
