using System.Activities;
using Microsoft.Xrm.Sdk;
using Rapport.WorkflowActivities.Common;

namespace Rapport.WorkflowActivities.Feed;

/// <summary>What the feed activities share: the inputs' names as the designer shows them, the record and the follower.</summary>
internal static class FeedInputs
{
    public const string RecordUrl = "Record URL";
    public const string FollowerUser = "Follower User";
    public const string FollowerTeam = "Follower Team";

    /// <summary>The record the "Record URL" input names, checked readable by the workflow's user (its name filled in).</summary>
    public static EntityReference ReadableRecord(LocalActivityContext context, InArgument<string> recordUrl)
    {
        var record = context.RecordFromUrl(recordUrl, RecordUrl);
        record.Name = context.ReadableName(record);
        return record;
    }

    /// <summary>The follower user or team (not both); the user who started the workflow when neither is set.</summary>
    public static EntityReference Follower(LocalActivityContext context, InArgument<EntityReference> user, InArgument<EntityReference> team)
    {
        var givenUser = context.Reference(user, FollowerUser, "systemuser");
        var givenTeam = context.Reference(team, FollowerTeam, "team");
        if (givenUser is not null && givenTeam is not null)
        {
            throw new InvalidPluginExecutionException($"{context.ActivityName}: set '{FollowerUser}' or '{FollowerTeam}', not both.");
        }

        return givenUser ?? givenTeam ?? new EntityReference("systemuser", context.WorkflowContext.InitiatingUserId);
    }
}
