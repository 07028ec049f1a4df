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

public sealed record FeedResponse(string Items, string? ContinuationToken, int FollowerCount, bool IsFollowing, FeedPage Page)
{
    /// <summary>The page's items as objects (what <see cref="Items"/> serialises), for server-side callers such as the digest.</summary>
    public IReadOnlyList<FeedItem> FeedItems { get; init; } = Array.Empty<FeedItem>();
}

/// <summary>
/// One feed page, read as the caller. Candidates come from ONE query per batch (posts joined to the caller's follows,
/// their teams' follows, mentions, likes, the caller's feed preference and the token secret); each batch's regarding
/// records are checked with ONE query per table as the caller, so a post about a record the caller cannot read never
/// appears. A page therefore costs 1 + distinct regarding tables (more batches only when many candidates are unreadable).
/// </summary>
/// <remarks>
/// The token secret: the candidate query runs with the SYSTEM service (posts are organisation-owned and trimmed by the
/// per-table check), so it can carry the admin-only rapport_feedsettings row as an outer link on statecode — a column
/// every post and the one settings row (alternate key on its name) share as 0 — at no extra request. Users never see
/// it: it is read server-side only. The price: the key is known only after the first batch, so a continuation token is
/// decoded first (<see cref="ContinuationToken.Peek"/>) and verified before any row of that batch is used; when that
/// batch is empty, nothing is returned and there is nothing to verify (an empty page discloses nothing). The rejected
/// alternatives: a secret compiled into this open-source assembly is public; Custom APIs have no secure step
/// configuration; ids alone (organisation, user) are not secret. The first page ever creates the secret (one Create,
/// once per organisation).
/// </remarks>
public static class FeedService
{
    private const string SettingsName = "Feed settings";

    /// <summary>What a mention of a record the reader can't read shows instead of its name.</summary>
    private const string HiddenRecordName = "a record you can't open";

    private static readonly string[] PostColumns =
    {
        "rapport_postid", "createdon", "modifiedon", "rapport_regardingtable", "rapport_regardingid", "rapport_regardingname", "rapport_kind",
        "rapport_event", "rapport_authorid", "rapport_authorname", "rapport_text", "rapport_changes", "rapport_edited", "rapport_commentcount", "rapport_likecount",
        "rapport_latestcomments",
    };

    public static FeedResponse GetPage(LocalPluginContext ctx, FeedRequest request) =>
        GetPage(ctx, request, ctx.ExecutionContext.InitiatingUserId, ctx.UserService);

    /// <summary>One page of <paramref name="viewer"/>'s feed; <paramref name="reader"/> (a service acting as the viewer) decides which records are readable.</summary>
    public static FeedResponse GetPage(LocalPluginContext ctx, FeedRequest request, Guid viewer, IOrganizationService reader)
    {
        var me = viewer;
        var query = FeedData.Domain(() => ToQuery(request));
        var token = string.IsNullOrWhiteSpace(request.ContinuationToken) ? null : request.ContinuationToken!.Trim();
        var start = token is null ? null : FeedData.Domain(() => ContinuationToken.Peek(token));
        var rows = new Dictionary<Guid, Entity>();
        var visible = new HashSet<string>(StringComparer.Ordinal);
        FeedPageAssembler? assembler = null;
        FollowerPreference? preference = null;
        var fetch = FeedPageAssembler.FirstFetch(query, start);
        if (query.Scope == FeedScope.Record)
        {
            // A record's wall needs the record: refused as Dataverse refuses the read (403 + its code), never "no posts yet".
            // This read replaces the record's own row in the per-table readable check, so the page costs no more.
            ReadAccess.Require(reader, query.Record!.Table, query.Record.Id);
            visible.Add(query.Record.Key);
        }

        while (assembler is null || !assembler.IsComplete)
        {
            var found = ctx.SystemService.RetrieveMultiple(Candidates(query, fetch, me)).Entities;
            if (assembler is null)
            {
                if (found.Count == 0)
                {
                    return Respond(ctx, query, request, me, new FeedPage(Array.Empty<FeedCandidate>(), null, Array.Empty<string>(), 1, 0), rows, visible);
                }

                var key = ContinuationToken.DeriveKey(Secret(ctx.SystemService, found), ctx.ExecutionContext.OrganizationId, me);
                assembler = FeedData.Domain(() => new FeedPageAssembler(query, token, key));
                preference = query.Scope == FeedScope.Following ? Preference(found) : null;
            }

            var batch = new List<FeedCandidate>();
            foreach (var row in found)
            {
                var candidate = ToCandidate(row, me);
                batch.Add(candidate);
                if (!rows.TryGetValue(candidate.PostId, out var seen) || (candidate.MentionsViewer && !ToCandidate(seen, me).MentionsViewer))
                {
                    rows[candidate.PostId] = row;
                }
            }

            var readable = Readable(reader, WithMentionedRecords(FeedPageAssembler.RegardingByTable(batch), found), visible);
            visible.UnionWith(readable);
            var mentionsMe = new HashSet<Guid>(batch.Where(c => c.MentionsViewer).Select(c => c.PostId));
            assembler.Accept(batch, c => readable.Contains(c.Regarding.Key) && FeedRules.ShouldShow(c with { MentionsViewer = mentionsMe.Contains(c.PostId) }, preference, me));
            if (!assembler.IsComplete)
            {
                fetch = assembler.NextFetch();
            }
        }

        return Respond(ctx, query, request, me, assembler.Result(), rows, visible);
    }

    /// <summary>
    /// The records a batch's posts mention (not people, teams or topics) join the regarding records' per-table check:
    /// a mention of a record the reader can't read is shown without its name. A mentioned table that is also a
    /// regarding table costs nothing more; another table costs one query.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<Guid>> WithMentionedRecords(IReadOnlyDictionary<string, IReadOnlyList<Guid>> regarding, IEnumerable<Entity> rows)
    {
        var all = regarding.ToDictionary(p => p.Key, p => new HashSet<Guid>(p.Value), StringComparer.Ordinal);
        foreach (var record in rows.SelectMany(r => StoredTexts(r).SelectMany(MentionedRecords)))
        {
            if (!all.TryGetValue(record.Table, out var ids))
            {
                all[record.Table] = ids = new HashSet<Guid>();
            }

            ids.Add(record.Id);
        }

        return all.ToDictionary(p => p.Key, p => (IReadOnlyList<Guid>)p.Value.ToList(), StringComparer.Ordinal);
    }

    /// <summary>The post's text and the texts of the latest comments it carries: both reach the reader.</summary>
    private static IEnumerable<string> StoredTexts(Entity row) =>
        new[] { FeedData.Str(row, "rapport_text") }.Concat(LatestComments.Read(FeedData.Str(row, "rapport_latestcomments")).Select(c => c.StoredText));

    private static IEnumerable<RecordRef> MentionedRecords(string storedText)
    {
        try
        {
            return PostContent.Read(storedText).Mentions.Where(m => m.Table is not ("systemuser" or "team" or FeedData.Topic));
        }
        catch (FeedException)
        {
            return Array.Empty<RecordRef>();
        }
    }

    /// <summary>The stored text with the name of every mentioned record the reader can't read replaced.</summary>
    private static string HideUnreadableMentions(string storedText, HashSet<string> visible)
    {
        foreach (var record in MentionedRecords(storedText).Where(r => !visible.Contains(r.Key)))
        {
            storedText = storedText.Replace(MentionParser.Format(record), MentionParser.Format(new RecordRef(record.Table, record.Id, HiddenRecordName)));
        }

        return storedText;
    }

    private static FeedResponse Respond(LocalPluginContext ctx, FeedQuery query, FeedRequest request, Guid me, FeedPage page, Dictionary<Guid, Entity> rows, HashSet<string> visible)
    {
        var items = page.Items.Select(c => ToItem(rows[c.PostId], visible)).ToList();
        var followers = 0;
        var following = false;
        if (query.Scope == FeedScope.Record && string.IsNullOrWhiteSpace(request.ContinuationToken))
        {
            // The record's own wall, first page only: its follower count (one query; not part of the "my" feed figure).
            var follows = FeedData.Where(FeedData.Follow, "rapport_followerid");
            follows.Criteria.AddCondition("rapport_regardingid", ConditionOperator.Equal, FeedData.Text(query.Record!.Id));
            var all = ctx.SystemService.RetrieveMultiple(follows).Entities;
            followers = all.Count;
            following = all.Any(f => string.Equals(FeedData.Str(f, "rapport_followerid"), FeedData.Text(me), StringComparison.OrdinalIgnoreCase));
        }

        return new FeedResponse(FeedItemJson.Write(items), page.ContinuationToken, followers, following, page) { FeedItems = items };
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

        // Auto-posts store only the author's id (one request per change): the name rides on the candidate query.
        var author = query.AddLink("systemuser", "rapport_authorid", "systemuserid", JoinOperator.LeftOuter);
        author.EntityAlias = "au";
        author.Columns = new ColumnSet("fullname");

        // Constant join (statecode 0 on both sides): the one active settings row rides along every candidate row.
        var settings = query.AddLink(FeedData.Settings, "statecode", "statecode", JoinOperator.LeftOuter);
        settings.EntityAlias = "s";
        settings.Columns = new ColumnSet("rapport_secret");
        settings.LinkCriteria.AddCondition("rapport_name", ConditionOperator.Equal, SettingsName);
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
                // Follows of the caller's teams: team follow (owned by the team) -> the caller's membership of that team.
                var teamFollowed = query.AddLink(FeedData.Follow, "rapport_regardingid", "rapport_regardingid", JoinOperator.LeftOuter);
                teamFollowed.EntityAlias = "tf";
                teamFollowed.LinkCriteria.AddCondition("rapport_followertable", ConditionOperator.Equal, "team");
                var member = teamFollowed.AddLink("teammembership", "owningteam", "teamid", JoinOperator.LeftOuter);
                member.EntityAlias = "tm";
                member.Columns = new ColumnSet("teammembershipid");
                member.LinkCriteria.AddCondition("systemuserid", ConditionOperator.Equal, me);

                // The caller's preference (same constant join, restricted to rows the caller owns).
                var preference = query.AddLink(FeedData.Preference, "statecode", "statecode", JoinOperator.LeftOuter);
                preference.EntityAlias = "p";
                preference.Columns = new ColumnSet("rapport_events", "rapport_userposts", "rapport_showownchanges");
                preference.LinkCriteria.AddCondition("ownerid", ConditionOperator.Equal, me);
                which.AddCondition("f", "rapport_followid", ConditionOperator.NotNull);
                which.AddCondition("tm", "teammembershipid", ConditionOperator.NotNull);
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
    private static HashSet<string> Readable(IOrganizationService reader, IReadOnlyDictionary<string, IReadOnlyList<Guid>> byTable, HashSet<string> known)
    {
        var readable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in byTable)
        {
            // Records already checked (the wall's own record) are not queried again.
            var ids = pair.Value.Where(id => !known.Contains(new RecordRef(pair.Key, id).Key)).ToList();
            readable.UnionWith(pair.Value.Where(id => known.Contains(new RecordRef(pair.Key, id).Key)).Select(id => new RecordRef(pair.Key, id).Key));
            if (ids.Count == 0)
            {
                continue;
            }

            var query = new QueryExpression(pair.Key) { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition(pair.Key + "id", ConditionOperator.In, ids.Cast<object>().ToArray());
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

    private static FeedItem ToItem(Entity row, HashSet<string> visible)
    {
        var author = row.GetAttributeValue<EntityReference>("rapport_authorid");
        var item = FeedItem.FromStored(
            row.Id,
            FeedData.ToKind(row.GetAttributeValue<OptionSetValue>("rapport_kind")?.Value ?? FeedData.KindUser),
            HideUnreadableMentions(FeedData.Str(row, "rapport_text"), visible),
            new RecordRef(FeedData.Str(row, "rapport_regardingtable") is { Length: > 0 } t ? t : "unknown", Guid.TryParse(FeedData.Str(row, "rapport_regardingid"), out var id) ? id : Guid.Empty, FeedData.Str(row, "rapport_regardingname")),
            new RecordRef("systemuser", author?.Id ?? Guid.Empty, AuthorName(row, author)),
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
            LatestComments = LatestComments.Read(FeedData.Str(row, "rapport_latestcomments"))
                .Select(c => (c with { StoredText = HideUnreadableMentions(c.StoredText, visible) }).ToFeedComment()).ToList(),
        };
    }

    /// <summary>The stored name (user and system posts), else the author's current full name (auto-posts store only the id).</summary>
    private static string AuthorName(Entity row, EntityReference? author) =>
        FeedData.Str(row, "rapport_authorname") is { Length: > 0 } stored ? stored
            : row.GetAttributeValue<AliasedValue>("au.fullname")?.Value as string is { Length: > 0 } current ? current
            : author?.Name ?? string.Empty;

    /// <summary>The caller's preference from the candidate rows (alias "p"), or the default when they have none.</summary>
    private static FollowerPreference Preference(IEnumerable<Entity> rows)
    {
        var row = rows.FirstOrDefault(r => r.Contains("p.rapport_events") || r.Contains("p.rapport_userposts") || r.Contains("p.rapport_showownchanges"));
        if (row is null)
        {
            return FollowerPreference.Default;
        }

        T? Value<T>(string column) => row.GetAttributeValue<AliasedValue>("p." + column)?.Value is T v ? v : default;
        var events = ChangeEvents.All;
        try
        {
            events = Value<string>("rapport_events") is { Length: > 0 } text ? ChangeEventsText.Parse(text) : ChangeEvents.All;
        }
        catch (FeedException)
        {
            // A preference an admin typed wrongly must not empty the feed: all events show.
        }

        var userPosts = row.GetAttributeValue<AliasedValue>("p.rapport_userposts")?.Value as bool? ?? true;
        var own = row.GetAttributeValue<AliasedValue>("p.rapport_showownchanges")?.Value as bool? ?? false;
        return new FollowerPreference(events, userPosts, own);
    }

    /// <summary>The organisation's feed secret (one query; created the first time), for tokens issued outside a feed page.</summary>
    internal static byte[] ReadSecret(IOrganizationService system)
    {
        var query = FeedData.Where(FeedData.Settings, "rapport_secret");
        query.Criteria.AddCondition("rapport_name", ConditionOperator.Equal, SettingsName);
        var text = system.RetrieveMultiple(query).Entities.Select(e => FeedData.Str(e, "rapport_secret")).FirstOrDefault(t => t.Length > 0);
        return Convert.FromBase64String(text ?? CreateSecret(system));
    }

    /// <summary>The token secret from the candidate rows (alias "s"); created (32 random bytes) the first time, once per organisation.</summary>
    private static byte[] Secret(IOrganizationService system, IEnumerable<Entity> rows)
    {
        var text = rows.Select(r => r.GetAttributeValue<AliasedValue>("s.rapport_secret")?.Value as string).FirstOrDefault(t => !string.IsNullOrEmpty(t));
        return Convert.FromBase64String(text ?? CreateSecret(system));
    }

    private static string CreateSecret(IOrganizationService system)
    {
        var bytes = new byte[32];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(bytes);
        }

        var text = Convert.ToBase64String(bytes);
        try
        {
            system.Create(new Entity(FeedData.Settings) { ["rapport_name"] = SettingsName, ["rapport_secret"] = text });
            return text;
        }
        catch (FaultException<OrganizationServiceFault> fault) when (FeedData.FaultCode(fault) == FeedData.DuplicateKey)
        {
            // Created concurrently, or deactivated by an admin (the join reads active rows only): use the stored one.
            var query = FeedData.Where(FeedData.Settings, "rapport_secret");
            query.Criteria.AddCondition("rapport_name", ConditionOperator.Equal, SettingsName);
            return system.RetrieveMultiple(query).Entities.Select(e => FeedData.Str(e, "rapport_secret")).FirstOrDefault(t => t.Length > 0) ?? text;
        }
    }
}
