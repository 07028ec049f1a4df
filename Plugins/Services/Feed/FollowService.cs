using System;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Feed;
using Rapport.Plugins.Common;

namespace Rapport.Plugins.Services.Feed;

public sealed record FollowResult(Guid FollowId, bool AlreadyFollowing);

public sealed record FollowState(bool IsFollowing, int FollowerCount, bool IsTracked);

/// <summary>Follow, unfollow and follow state; the checks on a new follow row (record exists, follower can read it).</summary>
public static class FollowService
{
    public static FollowResult Follow(LocalPluginContext ctx, string recordTable, Guid recordId, string followerTable, Guid followerId)
    {
        var existing = Find(ctx.SystemService, followerId, recordTable, recordId);
        if (existing is not null)
        {
            return new FollowResult(existing.Id, true);
        }

        try
        {
            // The pre-operation step on rapport_follow checks the record and the follower's access.
            var id = ctx.SystemService.Create(new Entity(FeedData.Follow)
            {
                ["rapport_followertable"] = followerTable,
                ["rapport_followerid"] = FeedData.Text(followerId),
                ["rapport_regardingtable"] = recordTable,
                ["rapport_regardingid"] = FeedData.Text(recordId),
            });
            return new FollowResult(id, false);
        }
        catch (FaultException<OrganizationServiceFault> fault) when (FeedData.FaultCode(fault) == FeedData.DuplicateKey)
        {
            // A concurrent follow won the race: the key made the duplicate impossible.
            return new FollowResult(Find(ctx.SystemService, followerId, recordTable, recordId)?.Id ?? Guid.Empty, true);
        }
    }

    public static bool Unfollow(LocalPluginContext ctx, string recordTable, Guid recordId, Guid followerId)
    {
        var existing = Find(ctx.SystemService, followerId, recordTable, recordId);
        if (existing is null)
        {
            return false;
        }

        ctx.SystemService.Delete(FeedData.Follow, existing.Id);
        return true;
    }

    public static FollowState State(LocalPluginContext ctx, string recordTable, Guid recordId, Guid followerId)
    {
        var query = FeedData.Where(FeedData.Follow, "rapport_followerid");
        query.Criteria.AddCondition("rapport_regardingid", ConditionOperator.Equal, FeedData.Text(recordId));
        query.Criteria.AddCondition("rapport_regardingtable", ConditionOperator.Equal, recordTable);
        var follows = ctx.SystemService.RetrieveMultiple(query).Entities;
        var me = FeedData.Text(followerId);
        var tracked = FeedData.Where(FeedData.Config, "rapport_active");
        tracked.Criteria.AddCondition("rapport_table", ConditionOperator.Equal, recordTable);
        tracked.Criteria.AddCondition("rapport_active", ConditionOperator.Equal, true);
        tracked.TopCount = 1;
        var isTracked = ctx.SystemService.RetrieveMultiple(tracked).Entities.Count > 0;
        var following = follows.Any(f => string.Equals(FeedData.Str(f, "rapport_followerid"), me, StringComparison.OrdinalIgnoreCase));

        // A follower who lost read access no longer follows (the sweep deletes the row); the caller's own access was checked by the API.
        if (following && followerId != ctx.ExecutionContext.InitiatingUserId)
        {
            following = PostService.CanRead(ctx.ServiceFor(followerId), new RecordRef(recordTable, recordId));
        }

        return new FollowState(following, follows.Count, isTracked);
    }

    /// <summary>
    /// Pre-operation check of a new follow: defaults the follower to the caller, refuses a missing table or record
    /// and a follower who cannot read the record (checked with the follower's own rights), fills names and owner.
    /// </summary>
    public static void Validate(LocalPluginContext ctx, Entity follow)
    {
        var table = FeedData.Table(follow.GetAttributeValue<string>("rapport_regardingtable"), "followed table");
        var id = FeedData.ParseId(follow.GetAttributeValue<string>("rapport_regardingid"), "followed record id");
        var followerTable = FeedData.Str(follow, "rapport_followertable").Trim().ToLowerInvariant();
        followerTable = followerTable.Length == 0 ? "systemuser" : followerTable;
        if (followerTable != "systemuser" && followerTable != "team")
        {
            throw new InvalidPluginExecutionException($"A follower is a user (systemuser) or a team, not '{followerTable}'.");
        }

        var followerId = follow.Contains("rapport_followerid") && FeedData.Str(follow, "rapport_followerid").Length > 0
            ? FeedData.ParseId(FeedData.Str(follow, "rapport_followerid"), "follower id")
            : ctx.ExecutionContext.InitiatingUserId;
        var followerName = FeedData.ReadableName(ctx.SystemService, followerTable, followerId, "The follow was refused", "Rapport");
        var reader = followerTable == "systemuser" ? ctx.ServiceFor(followerId) : ctx.InitiatingUserService;
        var who = followerTable == "systemuser" ? "the follower '" + followerName + "'" : "you";
        var name = FeedData.ReadableName(reader, table, id, "The follow was refused", who);

        follow["rapport_regardingtable"] = table;
        follow["rapport_regardingid"] = FeedData.Text(id);
        follow["rapport_regardingname"] = FeedData.Cut(name, 400);
        follow["rapport_followertable"] = followerTable;
        follow["rapport_followerid"] = FeedData.Text(followerId);
        follow["rapport_name"] = FeedData.Cut(followerName + " follows " + (name.Length == 0 ? table : name), 400);
        follow["ownerid"] = new EntityReference(followerTable, followerId);
        FollowCleanupService.EnsureDeleteStep(ctx.SystemService, table);
    }

    /// <summary>
    /// The followed row's id. A topic (table rapport_topic) is also given by name — "#fundraising", "fundraising",
    /// "#[year end]" — found by its key (one query); following a name no post has used yet creates the topic.
    /// </summary>
    public static Guid ResolveRecordId(LocalPluginContext ctx, string table, string? text, bool createTopic)
    {
        var given = (text ?? string.Empty).Trim();
        if (table != FeedData.Topic || Guid.TryParse(given, out _))
        {
            return FeedData.ParseId(given, "record id");
        }

        var key = TopicExtractor.Key(given);
        if (key.Length < TopicExtractor.MinLength || key.Length > TopicExtractor.MaxLength)
        {
            throw new InvalidPluginExecutionException($"'{given}' is not a topic: give its id or its name, e.g. '#fundraising' ({TopicExtractor.MinLength} to {TopicExtractor.MaxLength} characters).");
        }

        var query = FeedData.Where(FeedData.Topic, "rapport_topicid");
        query.Criteria.AddCondition("rapport_key", ConditionOperator.Equal, key);
        var found = ctx.SystemService.RetrieveMultiple(query).Entities.FirstOrDefault();
        if (found is not null)
        {
            return found.Id;
        }

        if (!createTopic)
        {
            throw new InvalidPluginExecutionException($"There is no topic #{key}.");
        }

        var display = given.TrimStart('#').Trim().TrimStart('[').TrimEnd(']').Trim();
        return ctx.SystemService.Create(new Entity(FeedData.Topic) { ["rapport_name"] = FeedData.Cut(display, 400), ["rapport_key"] = key });
    }

    /// <summary>Deletes every follow of a record (the record was deleted): one query, one delete per follow.</summary>
    public static int RemoveAll(IOrganizationService system, string table, Guid id)
    {
        var query = FeedData.Where(FeedData.Follow, "rapport_followid");
        query.Criteria.AddCondition("rapport_regardingid", ConditionOperator.Equal, FeedData.Text(id));
        var follows = system.RetrieveMultiple(query).Entities;
        foreach (var follow in follows)
        {
            system.Delete(FeedData.Follow, follow.Id);
        }

        return follows.Count;
    }

    /// <summary>Moves the follows of a merged-away record to the survivor; followers of both keep one follow.</summary>
    public static void MoveOnMerge(IOrganizationService system, string table, Guid subordinate, Guid survivor)
    {
        var query = FeedData.Where(FeedData.Follow, "rapport_followerid", "rapport_regardingid");
        var any = new FilterExpression(LogicalOperator.Or);
        any.AddCondition("rapport_regardingid", ConditionOperator.Equal, FeedData.Text(subordinate));
        any.AddCondition("rapport_regardingid", ConditionOperator.Equal, FeedData.Text(survivor));
        query.Criteria.AddFilter(any);
        var follows = system.RetrieveMultiple(query).Entities;
        var survivorFollowers = follows.Where(f => FeedData.Str(f, "rapport_regardingid") == FeedData.Text(survivor))
            .Select(f => FeedData.Str(f, "rapport_followerid")).ToList();
        foreach (var follow in follows.Where(f => FeedData.Str(f, "rapport_regardingid") == FeedData.Text(subordinate)))
        {
            if (survivorFollowers.Contains(FeedData.Str(follow, "rapport_followerid")))
            {
                system.Delete(FeedData.Follow, follow.Id);
            }
            else
            {
                system.Update(new Entity(FeedData.Follow, follow.Id) { ["rapport_regardingid"] = FeedData.Text(survivor), ["rapport_regardingtable"] = table });
            }
        }
    }

    /// <summary>
    /// Moves what the feed keeps about a merged-away record to the survivor: posts regarding it and mentions of it
    /// (one query each, one update per row), with the survivor's current name on the posts.
    /// </summary>
    public static int MoveFeedOnMerge(IOrganizationService system, string table, Guid subordinate, Guid survivor)
    {
        var name = FeedData.Cut(FeedData.NameOf(system.Retrieve(table, survivor, new ColumnSet(true))), 400);
        var posts = FeedData.Where(FeedData.Post, "rapport_postid");
        posts.Criteria.AddCondition("rapport_regardingid", ConditionOperator.Equal, FeedData.Text(subordinate));
        var moved = 0;
        foreach (var post in system.RetrieveMultiple(posts).Entities)
        {
            system.Update(new Entity(FeedData.Post, post.Id) { ["rapport_regardingid"] = FeedData.Text(survivor), ["rapport_regardingtable"] = table, ["rapport_regardingname"] = name });
            moved++;
        }

        var mentions = FeedData.Where(FeedData.Mention, "rapport_mentionid");
        mentions.Criteria.AddCondition("rapport_mentionedid", ConditionOperator.Equal, FeedData.Text(subordinate));
        foreach (var mention in system.RetrieveMultiple(mentions).Entities)
        {
            system.Update(new Entity(FeedData.Mention, mention.Id) { ["rapport_mentionedid"] = FeedData.Text(survivor), ["rapport_mentionedname"] = name });
        }

        return moved;
    }

    private static Entity? Find(IOrganizationService service, Guid followerId, string table, Guid id)
    {
        var query = FeedData.Where(FeedData.Follow, "rapport_followid");
        query.Criteria.AddCondition("rapport_followerid", ConditionOperator.Equal, FeedData.Text(followerId));
        query.Criteria.AddCondition("rapport_regardingtable", ConditionOperator.Equal, table);
        query.Criteria.AddCondition("rapport_regardingid", ConditionOperator.Equal, FeedData.Text(id));
        query.TopCount = 1;
        return service.RetrieveMultiple(query).Entities.FirstOrDefault();
    }
}
