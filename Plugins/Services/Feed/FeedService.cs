using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Feed;
using Rapport.Plugins.Common;

namespace Rapport.Plugins.Services.Feed;

public sealed record FeedRequest(string? Scope, string? RecordTable, string? RecordId, string? Kind, string? Table, string? Topic, int? PageSize, string? ContinuationToken);

public sealed record FeedResponse(string Items, string? ContinuationToken, int FollowerCount, bool IsFollowing, FeedPage Page);

/// <summary>
/// One feed page, read as the caller. Candidates come from ONE query per batch (posts joined to the caller's follows,
/// mentions and likes); each batch's regarding records are checked with ONE query per table as the caller, so a post
/// about a record the caller cannot read never appears. The token secret is one SYSTEM read of rapport_feedsettings.
/// </summary>
public static class FeedService
{
    private static readonly string[] PostColumns =
    {
        "rapport_postid", "createdon", "modifiedon", "rapport_regardingtable", "rapport_regardingid", "rapport_regardingname", "rapport_kind",
        "rapport_event", "rapport_authorid", "rapport_authorname", "rapport_text", "rapport_changes", "rapport_edited", "rapport_commentcount", "rapport_likecount",
    };

    public static FeedResponse GetPage(LocalPluginContext ctx, FeedRequest request)
    {
        var me = ctx.ExecutionContext.InitiatingUserId;
        var query = FeedData.Domain(() => ToQuery(request));
        var key = ContinuationToken.DeriveKey(Secret(ctx.SystemService), ctx.ExecutionContext.OrganizationId, me);
        var assembler = FeedData.Domain(() => new FeedPageAssembler(query, request.ContinuationToken, key));
        var rows = new Dictionary<Guid, Entity>();
        var preference = query.Scope == FeedScope.Following ? FollowerPreference.Default : null;
        while (!assembler.IsComplete)
        {
            var fetch = assembler.NextFetch();
            var batch = new List<FeedCandidate>();
            foreach (var row in ctx.SystemService.RetrieveMultiple(Candidates(query, fetch, me)).Entities)
            {
                var candidate = ToCandidate(row, me);
                batch.Add(candidate);
                if (!rows.TryGetValue(candidate.PostId, out var seen) || (candidate.MentionsViewer && !ToCandidate(seen, me).MentionsViewer))
                {
                    rows[candidate.PostId] = row;
                }
            }

            var readable = Readable(ctx.UserService, FeedPageAssembler.RegardingByTable(batch));
            var mentionsMe = new HashSet<Guid>(batch.Where(c => c.MentionsViewer).Select(c => c.PostId));
            assembler.Accept(batch, c => readable.Contains(c.Regarding.Key) && FeedRules.ShouldShow(c with { MentionsViewer = mentionsMe.Contains(c.PostId) }, preference, me));
        }

        var page = assembler.Result();
        var items = page.Items.Select(c => ToItem(rows[c.PostId])).ToList();
        var followers = 0;
        var following = false;
        if (query.Scope == FeedScope.Record && page.Items.Count >= 0 && request.ContinuationToken is null)
        {
            var follows = FeedData.Where(FeedData.Follow, "rapport_followerid");
            follows.Criteria.AddCondition("rapport_regardingid", ConditionOperator.Equal, FeedData.Text(query.Record!.Id));
            var all = ctx.SystemService.RetrieveMultiple(follows).Entities;
            followers = all.Count;
            following = all.Any(f => string.Equals(FeedData.Str(f, "rapport_followerid"), FeedData.Text(me), StringComparison.OrdinalIgnoreCase));
        }

        return new FeedResponse(FeedItemJson.Write(items), page.ContinuationToken, followers, following, page);
    }

    private static FeedQuery ToQuery(FeedRequest r)
    {
        var scope = (r.Scope ?? "my").Trim().ToLowerInvariant() switch
        {
            "" or "my" or "following" => FeedScope.Following,
            "record" => FeedScope.Record,
            "mentions" => FeedScope.Mentions,
            _ => throw new FeedException(FeedError.InvalidQuery, $"Unknown feed scope '{r.Scope}': use my, record or mentions."),
        };
        RecordRef? record = null;
        if (scope == FeedScope.Record)
        {
            record = new RecordRef(FeedData.Table(r.RecordTable, "record table"), FeedData.ParseId(r.RecordId, "record id"));
        }

        PostKind? kind = (r.Kind ?? string.Empty).Trim().ToLowerInvariant() switch
        {
            "" => null,
            "user" or "userpost" => PostKind.UserPost,
            "auto" or "autopost" => PostKind.AutoPost,
            "system" => PostKind.System,
            _ => throw new FeedException(FeedError.InvalidQuery, $"Unknown post kind '{r.Kind}': use user, auto or system."),
        };
        return FeedQuery.Create(scope, record, kind, r.Table, r.Topic, r.PageSize ?? 25);
    }

    private static QueryExpression Candidates(FeedQuery q, FeedFetch fetch, Guid me)
    {
        var meText = FeedData.Text(me);
        var query = new QueryExpression(FeedData.Post) { ColumnSet = new ColumnSet(PostColumns), TopCount = fetch.Count };
        query.AddOrder("createdon", OrderType.Descending);
        query.AddOrder("rapport_postid", OrderType.Descending);
        var mention = query.AddLink(FeedData.Mention, "rapport_postid", "rapport_postid", q.Scope == FeedScope.Mentions ? JoinOperator.Inner : JoinOperator.LeftOuter);
        mention.EntityAlias = "m";
        mention.Columns = new ColumnSet("rapport_mentionedid");
        var liked = query.AddLink(FeedData.Reaction, "rapport_postid", "rapport_postid", JoinOperator.LeftOuter);
        liked.EntityAlias = "r";
        liked.Columns = new ColumnSet("rapport_reactionid");
        liked.LinkCriteria.AddCondition("rapport_userid", ConditionOperator.Equal, me);
        var which = new FilterExpression(LogicalOperator.Or);
        switch (q.Scope)
        {
            case FeedScope.Mentions:
                mention.LinkCriteria.AddCondition("rapport_mentionedid", ConditionOperator.Equal, meText);
                break;
            case FeedScope.Record:
                which.AddCondition("rapport_regardingid", ConditionOperator.Equal, FeedData.Text(q.Record!.Id));
                which.AddCondition("m", "rapport_mentionedid", ConditionOperator.Equal, FeedData.Text(q.Record.Id));
                break;
            default:
                var followed = query.AddLink(FeedData.Follow, "rapport_regardingid", "rapport_regardingid", JoinOperator.LeftOuter);
                followed.EntityAlias = "f";
                followed.Columns = new ColumnSet("rapport_followid");
                followed.LinkCriteria.AddCondition("rapport_followerid", ConditionOperator.Equal, meText);
                var topicFollowed = mention.AddLink(FeedData.Follow, "rapport_mentionedid", "rapport_regardingid", JoinOperator.LeftOuter);
                topicFollowed.EntityAlias = "mf";
                topicFollowed.Columns = new ColumnSet("rapport_followid");
                topicFollowed.LinkCriteria.AddCondition("rapport_followerid", ConditionOperator.Equal, meText);
                which.AddCondition("f", "rapport_followid", ConditionOperator.NotNull);
                which.AddCondition("mf", "rapport_followid", ConditionOperator.NotNull);
                which.AddCondition("m", "rapport_mentionedid", ConditionOperator.Equal, meText);
                which.AddCondition("rapport_regardingid", ConditionOperator.Equal, meText);
                break;
        }

        if (which.Conditions.Count > 0)
        {
            query.Criteria.AddFilter(which);
        }

        if (fetch.After is { } after)
        {
            var older = new FilterExpression(LogicalOperator.Or);
            older.AddCondition("createdon", ConditionOperator.LessThan, after.CreatedOn);
            var sameTime = older.AddFilter(LogicalOperator.And);
            sameTime.AddCondition("createdon", ConditionOperator.Equal, after.CreatedOn);
            sameTime.AddCondition("rapport_postid", ConditionOperator.LessThan, after.PostId);
            query.Criteria.AddFilter(older);
        }

        if (q.Kind is { } kind)
        {
            query.Criteria.AddCondition("rapport_kind", ConditionOperator.Equal, FeedData.FromKind(kind));
        }

        if (q.Table is { } table)
        {
            query.Criteria.AddCondition("rapport_regardingtable", ConditionOperator.Equal, table);
        }

        if (q.TopicKey is { } topic)
        {
            query.Criteria.AddCondition("rapport_topics", ConditionOperator.Like, "%|" + topic + "|%");
        }

        return query;
    }

    /// <summary>The regarding records the reader can read: one RetrieveMultiple per table, as the reader.</summary>
    private static HashSet<string> Readable(IOrganizationService reader, IReadOnlyDictionary<string, IReadOnlyList<Guid>> byTable)
    {
        var readable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in byTable)
        {
            var query = new QueryExpression(pair.Key) { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition(pair.Key + "id", ConditionOperator.In, pair.Value.Cast<object>().ToArray());
            try
            {
                foreach (var row in reader.RetrieveMultiple(query).Entities)
                {
                    readable.Add(new RecordRef(pair.Key, row.Id).Key);
                }
            }
            catch (FaultException<OrganizationServiceFault>)
            {
                // A table the reader may not read at all (or one removed since): none of its posts show.
            }
        }

        return readable;
    }

    private static FeedCandidate ToCandidate(Entity row, Guid me)
    {
        var regarding = new RecordRef(FeedData.Str(row, "rapport_regardingtable") is { Length: > 0 } t ? t : "unknown", Guid.TryParse(FeedData.Str(row, "rapport_regardingid"), out var id) ? id : Guid.Empty);
        var kind = FeedData.ToKind(row.GetAttributeValue<OptionSetValue>("rapport_kind")?.Value ?? FeedData.KindUser);
        var evt = ChangeEvents.None;
        try
        {
            evt = ChangeEventsText.Parse(FeedData.Str(row, "rapport_event"));
        }
        catch (FeedException)
        {
            evt = ChangeEvents.Update;
        }

        var mentioned = row.GetAttributeValue<AliasedValue>("m.rapport_mentionedid")?.Value as string;
        return new FeedCandidate(
            row.Id,
            row.GetAttributeValue<DateTime>("createdon"),
            regarding,
            kind,
            evt,
            row.GetAttributeValue<EntityReference>("rapport_authorid")?.Id ?? Guid.Empty,
            string.Equals(mentioned, FeedData.Text(me), StringComparison.OrdinalIgnoreCase));
    }

    private static FeedItem ToItem(Entity row)
    {
        var author = row.GetAttributeValue<EntityReference>("rapport_authorid");
        var item = FeedItem.FromStored(
            row.Id,
            FeedData.ToKind(row.GetAttributeValue<OptionSetValue>("rapport_kind")?.Value ?? FeedData.KindUser),
            FeedData.Str(row, "rapport_text"),
            new RecordRef(FeedData.Str(row, "rapport_regardingtable") is { Length: > 0 } t ? t : "unknown", Guid.TryParse(FeedData.Str(row, "rapport_regardingid"), out var id) ? id : Guid.Empty, FeedData.Str(row, "rapport_regardingname")),
            new RecordRef("systemuser", author?.Id ?? Guid.Empty, FeedData.Str(row, "rapport_authorname")),
            row.GetAttributeValue<DateTime>("createdon"),
            FeedData.Str(row, "rapport_changes"));
        var edited = row.GetAttributeValue<bool?>("rapport_edited") ?? false;
        return item with
        {
            Edited = edited,
            ModifiedOn = edited ? row.GetAttributeValue<DateTime?>("modifiedon") : null,
            CommentCount = FeedData.Int(row, "rapport_commentcount"),
            LikeCount = FeedData.Int(row, "rapport_likecount"),
            LikedByMe = row.Contains("r.rapport_reactionid"),
        };
    }

    /// <summary>The organisation's token secret: one SYSTEM read; created (32 random bytes) on first use.</summary>
    private static byte[] Secret(IOrganizationService system)
    {
        var query = FeedData.Where(FeedData.Settings, "rapport_secret");
        query.TopCount = 1;
        var text = system.RetrieveMultiple(query).Entities.FirstOrDefault()?.GetAttributeValue<string>("rapport_secret");
        if (string.IsNullOrEmpty(text))
        {
            var bytes = new byte[32];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            text = Convert.ToBase64String(bytes);
            system.Create(new Entity(FeedData.Settings) { ["rapport_name"] = "Feed settings", ["rapport_secret"] = text });
        }

        return Convert.FromBase64String(text);
    }
}
