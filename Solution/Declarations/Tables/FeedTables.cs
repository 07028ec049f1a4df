using System.Collections.Generic;
using System.Linq;
using Rapport.Solution.Model;

namespace Rapport.Solution.Declarations.Tables;

/// <summary>
/// Follow &amp; feed (issue 7). Posts are organization-owned, like Dataverse's own post table: who sees a post is decided
/// by read access to the record it is about, checked when the feed is read. Followed records and followers are kept as
/// table + id text (not lookups), so any table, users, teams and topics can be followed without a relationship each;
/// the alternate key on follower + table + id makes duplicate follows impossible, concurrent ones included.
/// In-app notifications use the standard appnotification table (ownerid = recipient). A post carries its newest
/// comments as JSON (rapport_latestcomments, kept by the comment steps) so a feed page needs no comment query; the
/// feed reads the caller's (first active) preference row and the one settings row (key: its name) in its candidate query.
/// </summary>
public static class FeedTables
{
    public const string Follow = "rapport_follow";
    public const string Post = "rapport_post";
    public const string Comment = "rapport_comment";
    public const string Reaction = "rapport_reaction";
    public const string Mention = "rapport_mention";
    public const string Topic = "rapport_topic";
    public const string PostRevision = "rapport_postrevision";
    public const string FeedConfig = "rapport_feedconfig";
    public const string FeedPreference = "rapport_feedpreference";
    public const string AutoFollowRule = "rapport_autofollowrule";
    public const string FeedSettings = "rapport_feedsettings";
    public const string ModerationLog = "rapport_moderationlog";
    public const string DigestDelivery = "rapport_digestdelivery";

    public static OptionSetDefinition PostKind { get; } = new("rapport_post_rapport_kind",
    [
        new(107850000, "User post"),
        new(107850001, "Auto-post"),
        new(107850002, "System"),
    ]);

    public static OptionSetDefinition DigestCadence { get; } = new("rapport_feedpreference_rapport_digest",
    [
        new(107850000, "None"),
        new(107850001, "Daily"),
        new(107850002, "Weekly"),
    ]);

    public static IEnumerable<TableDefinition> Tables()
    {
        yield return Table(Follow, "Follow", "Follows", Ownership.UserOwned, "A follower (user or team; ownerid is the follower user) following a record, a user or a topic.",
        [
            Str("rapport_followertable", "Follower Table", 64),
            Str("rapport_followerid", "Follower Id", 36),
            Str("rapport_regardingtable", "Followed Table", 64),
            Str("rapport_regardingid", "Followed Id", 36),
            Str("rapport_regardingname", "Followed Name", 400),
        ], [new AlternateKeyDefinition("rapport_follow_key", "Follower and record", ["rapport_followerid", "rapport_regardingtable", "rapport_regardingid"])]);
        yield return Table(Post, "Post", "Posts", Ownership.OrganizationOwned, "A feed post about one record: written by a person, by the change tracker (auto-post) or by Rapport.",
        [
            Str("rapport_regardingtable", "Regarding Table", 64),
            Str("rapport_regardingid", "Regarding Id", 36),
            Str("rapport_regardingname", "Regarding Name", 400),
            new ColumnDefinition("rapport_authorid", "Author", ColumnType.Lookup) { Targets = ["systemuser"] },
            Str("rapport_authorname", "Author Name", 200),
            new ColumnDefinition("rapport_kind", "Kind", ColumnType.Picklist) { OptionSet = PostKind },
            Str("rapport_event", "Event", 20),
            Memo("rapport_text", "Text", 20000),
            Memo("rapport_changes", "Changes (JSON)", 100000),
            new ColumnDefinition("rapport_edited", "Edited", ColumnType.Boolean),
            Int("rapport_commentcount", "Comment Count"),
            Int("rapport_likecount", "Like Count"),
            Memo("rapport_topics", "Topics", 4000),
            Memo("rapport_latestcomments", "Latest Comments (JSON)", 20000),
        ]);
        yield return Table(Comment, "Comment", "Comments", Ownership.OrganizationOwned, "A comment on a post.",
        [
            new ColumnDefinition("rapport_postid", "Post", ColumnType.Lookup) { Targets = [Post], RequiredLevel = RequiredLevel.ApplicationRequired },
            Memo("rapport_text", "Text", 20000),
            new ColumnDefinition("rapport_authorid", "Author", ColumnType.Lookup) { Targets = ["systemuser"] },
        ]);
        yield return Table(Reaction, "Reaction", "Reactions", Ownership.OrganizationOwned, "A like: one per person per post.",
        [
            new ColumnDefinition("rapport_postid", "Post", ColumnType.Lookup) { Targets = [Post], RequiredLevel = RequiredLevel.ApplicationRequired },
            new ColumnDefinition("rapport_userid", "User", ColumnType.Lookup) { Targets = ["systemuser"], RequiredLevel = RequiredLevel.ApplicationRequired },
        ], [new AlternateKeyDefinition("rapport_reaction_key", "Post and user", ["rapport_postid", "rapport_userid"])]);
        yield return Table(Mention, "Mention", "Mentions", Ownership.OrganizationOwned, "A user, team or record mentioned in a post, or a topic it carries (table rapport_topic).",
        [
            new ColumnDefinition("rapport_postid", "Post", ColumnType.Lookup) { Targets = [Post], RequiredLevel = RequiredLevel.ApplicationRequired },
            Str("rapport_mentionedtable", "Mentioned Table", 64),
            Str("rapport_mentionedid", "Mentioned Id", 36),
            Str("rapport_mentionedname", "Mentioned Name", 400),
        ]);
        yield return Table(Topic, "Topic", "Topics", Ownership.OrganizationOwned, "A #topic; followable like a record.",
        [
            Str("rapport_key", "Key", 100),
        ], [new AlternateKeyDefinition("rapport_topic_key", "Key", ["rapport_key"])]);
        yield return Table(PostRevision, "Post Revision", "Post Revisions", Ownership.OrganizationOwned, "The text a post had before an edit.",
        [
            new ColumnDefinition("rapport_postid", "Post", ColumnType.Lookup) { Targets = [Post], RequiredLevel = RequiredLevel.ApplicationRequired },
            Int("rapport_number", "Number"),
            Memo("rapport_text", "Text", 20000),
            new ColumnDefinition("rapport_editedon", "Edited On", ColumnType.DateTime),
            new ColumnDefinition("rapport_editedby", "Edited By", ColumnType.Lookup) { Targets = ["systemuser"] },
        ]);
        yield return Table(FeedConfig, "Feed Tracking", "Feed Tracking", Ownership.OrganizationOwned, "Which columns and events of a table make auto-posts; saving it registers the steps.",
        [
            Str("rapport_table", "Table", 64),
            Memo("rapport_trackedcolumns", "Tracked Columns", 4000),
            Str("rapport_events", "Events", 200),
            Str("rapport_namecolumn", "Primary Name Column", 64),
            new ColumnDefinition("rapport_active", "Active", ColumnType.Boolean),
            Memo("rapport_columnlabels", "Column Labels", 4000),
        ], [new AlternateKeyDefinition("rapport_feedconfig_table", "Table", ["rapport_table"])]);
        yield return Table(FeedPreference, "Feed Preference", "Feed Preferences", Ownership.UserOwned, "What a user wants to hear about (events, people's posts) and the digest cadence.",
        [
            Str("rapport_events", "Events", 200),
            new ColumnDefinition("rapport_userposts", "People's Posts", ColumnType.Boolean),
            new ColumnDefinition("rapport_digest", "Digest", ColumnType.Picklist) { OptionSet = DigestCadence },
            new ColumnDefinition("rapport_showownchanges", "Show My Own Changes", ColumnType.Boolean),
        ]);
        yield return Table(AutoFollowRule, "Auto-Follow Rule", "Auto-Follow Rules", Ownership.OrganizationOwned, "Who follows new or reassigned records automatically (rule as JSON).",
        [
            Str("rapport_table", "Table", 64),
            Memo("rapport_rule", "Rule (JSON)", 10000),
            new ColumnDefinition("rapport_active", "Active", ColumnType.Boolean),
        ]);
        yield return Table(FeedSettings, "Feed Settings", "Feed Settings", Ownership.OrganizationOwned, "Server-side feed settings (the continuation-token secret); created by SYSTEM on first use, readable by administrators only.",
        [
            Str("rapport_secret", "Token Secret", 200),
        ], [new AlternateKeyDefinition("rapport_feedsettings_name", "Name", ["rapport_name"])]);
        yield return Table(ModerationLog, "Moderation Log", "Moderation Log", Ownership.OrganizationOwned, "A post or comment a moderator deleted or edited that someone else wrote: who, when, what it said; written by Rapport, readable by administrators only.",
        [
            Str("rapport_action", "Action", 20),
            Str("rapport_table", "Table", 64),
            Str("rapport_recordid", "Record Id", 36),
            Str("rapport_regardingtable", "Regarding Table", 64),
            Str("rapport_regardingid", "Regarding Id", 36),
            new ColumnDefinition("rapport_authorid", "Author", ColumnType.Lookup) { Targets = ["systemuser"] },
            new ColumnDefinition("rapport_moderatorid", "Moderator", ColumnType.Lookup) { Targets = ["systemuser"] },
            Memo("rapport_text", "Text", 20000),
        ]);
        yield return Table(DigestDelivery, "Digest Delivery", "Digest Deliveries", Ownership.OrganizationOwned, "One digest delivered (or found empty) for one follower and period; the key on user + period makes a rerun send nothing twice. Written by Rapport, readable by administrators only.",
        [
            new ColumnDefinition("rapport_userid", "User", ColumnType.Lookup) { Targets = ["systemuser"], RequiredLevel = RequiredLevel.ApplicationRequired },
            Str("rapport_period", "Period", 40),
            Int("rapport_itemcount", "Item Count"),
            Str("rapport_status", "Status", 20),
            Str("rapport_emailid", "E-mail Id", 36),
            Str("rapport_notificationid", "Notification Id", 36),
        ], [new AlternateKeyDefinition("rapport_digestdelivery_key", "User and period", ["rapport_userid", "rapport_period"])]);
    }

    public static IEnumerable<OneToManyRelationship> Relationships()
    {
        // Deleting a post deletes its comments, likes, mentions and revisions (Dataverse's post/comment rule).
        yield return new("rapport_post_rapport_comment", Post, Comment, "rapport_postid", CascadeDelete.Cascade);
        yield return new("rapport_post_rapport_reaction", Post, Reaction, "rapport_postid", CascadeDelete.Cascade);
        yield return new("rapport_post_rapport_mention", Post, Mention, "rapport_postid", CascadeDelete.Cascade);
        yield return new("rapport_post_rapport_postrevision", Post, PostRevision, "rapport_postid", CascadeDelete.Cascade);
        yield return new("rapport_systemuser_rapport_post_author", "systemuser", Post, "rapport_authorid", CascadeDelete.RemoveLink);
        yield return new("rapport_systemuser_rapport_comment_author", "systemuser", Comment, "rapport_authorid", CascadeDelete.RemoveLink);
        yield return new("rapport_systemuser_rapport_reaction_user", "systemuser", Reaction, "rapport_userid", CascadeDelete.Cascade);
        yield return new("rapport_systemuser_rapport_postrevision_by", "systemuser", PostRevision, "rapport_editedby", CascadeDelete.RemoveLink);
        yield return new("rapport_systemuser_rapport_moderationlog_author", "systemuser", ModerationLog, "rapport_authorid", CascadeDelete.RemoveLink);
        yield return new("rapport_systemuser_rapport_digestdelivery_user", "systemuser", DigestDelivery, "rapport_userid", CascadeDelete.Cascade);
        yield return new("rapport_systemuser_rapport_moderationlog_moderator", "systemuser", ModerationLog, "rapport_moderatorid", CascadeDelete.RemoveLink);
    }

    private static TableDefinition Table(string name, string display, string plural, Ownership ownership, string description, ColumnDefinition[] columns, AlternateKeyDefinition[]? keys = null)
    {
        var all = SystemColumns.For(name, display, ownership)
            .Append(new ColumnDefinition("rapport_name", "Name", ColumnType.String) { MaxLength = 400, IsPrimaryName = true })
            .Concat(columns)
            .ToList();
        var shown = new[] { "rapport_name" }.Concat(columns.Take(4).Select(c => c.LogicalName)).ToList();
        return new TableDefinition(name, display, plural)
        {
            Description = description,
            IsCustom = true,
            Ownership = ownership,
            PrimaryNameAttribute = "rapport_name",
            Columns = all,
            Keys = keys ?? [],
            States = SystemColumns.ActiveInactive,
            FormColumns = shown,
            ViewColumns = shown,
        };
    }

    private static ColumnDefinition Str(string name, string display, int max) => new(name, display, ColumnType.String) { MaxLength = max };

    private static ColumnDefinition Memo(string name, string display, int max) => new(name, display, ColumnType.Memo) { MaxLength = max };

    private static ColumnDefinition Int(string name, string display) => new(name, display, ColumnType.Integer) { MinValue = 0, MaxValue = int.MaxValue };
}
