using System;
using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>rapport_Follow, rapport_Unfollow and rapport_GetFollowState (main operation).</summary>
public sealed class FollowApiPlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var input = context.ExecutionContext.InputParameters;
        var output = context.ExecutionContext.OutputParameters;
        var table = FeedData.Table(input.TryGetValue("RecordTable", out var t) ? t as string : null, "record table");
        var id = FollowService.ResolveRecordId(context, table, input.TryGetValue("RecordId", out var r) ? r as string : null, context.ExecutionContext.MessageName == "rapport_Follow");
        var followerTable = input.TryGetValue("FollowerTable", out var ft) && ft is string { Length: > 0 } given ? given.Trim().ToLowerInvariant() : "systemuser";
        var followerId = input.TryGetValue("FollowerId", out var fi) && fi is string { Length: > 0 } who
            ? FeedData.ParseId(who, "follower id")
            : context.ExecutionContext.InitiatingUserId;
        switch (context.ExecutionContext.MessageName)
        {
            case "rapport_Follow":
                var result = FollowService.Follow(context, table, id, followerTable, followerId);
                output["FollowId"] = FeedData.Text(result.FollowId);
                output["AlreadyFollowing"] = result.AlreadyFollowing;
                break;
            case "rapport_Unfollow":
                output["Removed"] = FollowService.Unfollow(context, table, id, followerId);
                break;
            case "rapport_GetFollowState":
                // Nothing about a record the caller can't read: not whether it exists, is tracked or is followed.
                if (!PostService.CanRead(context.InitiatingUserService, new Rapport.Domain.Feed.RecordRef(table, id)))
                {
                    throw new InvalidPluginExecutionException("You don't have access to this record (or it does not exist).");
                }

                var state = FollowService.State(context, table, id, followerId);
                output["IsFollowing"] = state.IsFollowing;
                output["FollowerCount"] = state.FollowerCount;
                output["IsTracked"] = state.IsTracked;
                break;
            default:
                throw new InvalidPluginExecutionException($"{nameof(FollowApiPlugin)} does not implement the message {context.ExecutionContext.MessageName}.");
        }
    }
}
