using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Feed;
using Rapport.WorkflowActivities.Common;

namespace Rapport.WorkflowActivities.Feed;

/// <summary>Stops a user or a team following a record: the Custom API rapport_Unfollow's service.</summary>
[WorkflowActivity("Unfollow Record", Group = "Rapport", Description = "Stops a user or a team following a record (its Record URL); without either, the user who started the workflow. Removed is false when they did not follow it.")]
public sealed class UnfollowRecordActivity : ActivityBase
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

    [Output("Removed")]
    public OutArgument<bool> Removed { get; set; } = new();

    protected override void ExecuteActivity(LocalActivityContext context)
    {
        var follower = FeedInputs.Follower(context, FollowerUser, FollowerTeam);
        var record = FeedInputs.ReadableRecord(context, RecordUrl);
        context.Set(Removed, FollowService.Unfollow(context.Services, record.LogicalName, record.Id, follower.Id));
    }
}
