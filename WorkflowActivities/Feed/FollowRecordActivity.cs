using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Feed;
using Rapport.WorkflowActivities.Common;

namespace Rapport.WorkflowActivities.Feed;

/// <summary>
/// Follows any record for a user or a team: the Custom API rapport_Follow's service, so the follow is checked by the
/// same step (the record exists and the follower can read it). Following twice keeps one follow.
/// </summary>
[WorkflowActivity("Follow Record", Group = "Rapport", Description = "Makes a user or a team follow a record (its Record URL); without either, the user who started the workflow. Their feed then shows the record's posts.")]
public sealed class FollowRecordActivity : ActivityBase
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

    [Output("Follow")]
    [ReferenceTarget(FeedData.Follow)]
    public OutArgument<EntityReference> Follow { get; set; } = new();

    [Output("Already Following")]
    public OutArgument<bool> AlreadyFollowing { get; set; } = new();

    protected override void ExecuteActivity(LocalActivityContext context)
    {
        var follower = FeedInputs.Follower(context, FollowerUser, FollowerTeam);
        var record = FeedInputs.ReadableRecord(context, RecordUrl);
        var result = FollowService.Follow(context.Services, record.LogicalName, record.Id, follower.LogicalName, follower.Id);
        context.Set(Follow, new EntityReference(FeedData.Follow, result.FollowId));
        context.Set(AlreadyFollowing, result.AlreadyFollowing);
    }
}
