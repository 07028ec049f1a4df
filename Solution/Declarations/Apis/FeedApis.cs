using System.Collections.Generic;
using Rapport.Solution.Model;

namespace Rapport.Solution.Declarations.Apis;

/// <summary>The follow &amp; feed Custom APIs (issue 7); implementations in Rapport.Plugins.Feed.</summary>
public static class FeedApis
{
    public const string FollowPlugin = "Rapport.Plugins.Feed.FollowApiPlugin";
    public const string LikePlugin = "Rapport.Plugins.Feed.SetLikeApiPlugin";
    public const string FeedPlugin = "Rapport.Plugins.Feed.GetFeedApiPlugin";
    public const string DigestPlugin = "Rapport.Plugins.Feed.GetFeedDigestApiPlugin";
    public const string HistoryPlugin = "Rapport.Plugins.Feed.GetPostHistoryApiPlugin";
    public const string DeliveryPlugin = "Rapport.Plugins.Feed.DigestApiPlugin";
    public const string SweepPlugin = "Rapport.Plugins.Feed.SweepFollowsApiPlugin";

    public static IEnumerable<CustomApiDefinition> Apis()
    {
        yield return new CustomApiDefinition("rapport_Follow", "Follow", FollowPlugin)
        {
            Description = "Follows a record, a user or a topic (the caller, or a user or team the caller may act for).",
            RequestParameters = RecordAndFollower(),
            ResponseProperties =
            [
                Field("FollowId", "Follow Id", CustomApiFieldType.String),
                Field("AlreadyFollowing", "Already Following", CustomApiFieldType.Boolean),
            ],
        };
        yield return new CustomApiDefinition("rapport_Unfollow", "Unfollow", FollowPlugin)
        {
            Description = "Stops following a record, a user or a topic.",
            RequestParameters = RecordAndFollower(),
            ResponseProperties = [Field("Removed", "Removed", CustomApiFieldType.Boolean)],
        };
        yield return new CustomApiDefinition("rapport_GetFollowState", "Get Follow State", FollowPlugin)
        {
            Description = "Whether the caller follows a record, how many follow it and whether its changes are tracked; refused for a record the caller can't read.",
            IsFunction = true,
            RequestParameters = RecordAndFollower(),
            ResponseProperties =
            [
                Field("IsFollowing", "Is Following", CustomApiFieldType.Boolean),
                Field("FollowerCount", "Follower Count", CustomApiFieldType.Integer),
                Field("IsTracked", "Is Tracked", CustomApiFieldType.Boolean),
            ],
        };
        yield return new CustomApiDefinition("rapport_SetLike", "Set Like", LikePlugin)
        {
            Description = "Likes or unlikes a post as the caller.",
            RequestParameters =
            [
                Field("PostId", "Post Id", CustomApiFieldType.String),
                Field("Liked", "Liked", CustomApiFieldType.Boolean),
            ],
            ResponseProperties =
            [
                Field("LikeCount", "Like Count", CustomApiFieldType.Integer),
                Field("Liked", "Liked", CustomApiFieldType.Boolean),
            ],
        };
        yield return new CustomApiDefinition("rapport_GetFeed", "Get Feed", FeedPlugin)
        {
            Description = "One page of the caller's feed (followed records and mentions), a record's feed or the caller's mentions, security-trimmed.",
            IsFunction = true,
            RequestParameters =
            [
                Optional("Scope", "Scope", CustomApiFieldType.String),
                Optional("RecordTable", "Record Table", CustomApiFieldType.String),
                Optional("RecordId", "Record Id", CustomApiFieldType.String),
                Optional("Kind", "Kind", CustomApiFieldType.String),
                Optional("Table", "Table", CustomApiFieldType.String),
                Optional("Topic", "Topic", CustomApiFieldType.String),
                Optional("PageSize", "Page Size", CustomApiFieldType.Integer),
                Optional("ContinuationToken", "Continuation Token", CustomApiFieldType.String),
            ],
            ResponseProperties =
            [
                Field("Items", "Items (JSON)", CustomApiFieldType.String),
                Field("ContinuationToken", "Continuation Token", CustomApiFieldType.String),
                Field("FollowerCount", "Follower Count", CustomApiFieldType.Integer),
                Field("IsFollowing", "Is Following", CustomApiFieldType.Boolean),
            ],
        };
        yield return new CustomApiDefinition("rapport_GetPostHistory", "Get Post History", HistoryPlugin)
        {
            Description = "The texts a post had before its edits (newest first), for a caller who can read the record the post is about.",
            IsFunction = true,
            RequestParameters = [Field("PostId", "Post Id", CustomApiFieldType.String)],
            ResponseProperties = [Field("Revisions", "Revisions (JSON)", CustomApiFieldType.String)],
        };
        yield return Digest();
        yield return new CustomApiDefinition("rapport_DeliverDigests", "Deliver Digests", DeliveryPlugin)
        {
            Description = "The recurring digest job: e-mails and notifies every follower whose daily or weekly digest is due, once per period; call again while HasMore. Needs a System or Rapport Administrator.",
            RequestParameters =
            [
                Optional("MaxFollowers", "Max Followers", CustomApiFieldType.Integer),
                Optional("UnsubscribeUrl", "Unsubscribe URL", CustomApiFieldType.String),
                Optional("SendEmail", "Send E-mail", CustomApiFieldType.Boolean),
            ],
            ResponseProperties =
            [
                Field("Sent", "Sent", CustomApiFieldType.Integer),
                Field("Empty", "Empty", CustomApiFieldType.Integer),
                Field("Skipped", "Skipped", CustomApiFieldType.Integer),
                Field("HasMore", "Has More", CustomApiFieldType.Boolean),
            ],
        };
        yield return new CustomApiDefinition("rapport_SweepFollows", "Sweep Follows", SweepPlugin)
        {
            Description = "Scheduled: removes follows whose follower can no longer read the followed row, or whose row is gone; a batch per call, pass Continuation back while HasMore.",
            RequestParameters =
            [
                Optional("MaxFollows", "Max Follows", CustomApiFieldType.Integer),
                Optional("Continuation", "Continuation", CustomApiFieldType.String),
            ],
            ResponseProperties =
            [
                Field("Checked", "Checked", CustomApiFieldType.Integer),
                Field("Removed", "Removed", CustomApiFieldType.Integer),
                Field("Continuation", "Continuation", CustomApiFieldType.String),
                Field("HasMore", "Has More", CustomApiFieldType.Boolean),
            ],
        };
        yield return new CustomApiDefinition("rapport_UnsubscribeDigest", "Unsubscribe Digest", DeliveryPlugin)
        {
            Description = "Stops the digests of the user an unsubscribe link's token names, at once.",
            RequestParameters = [Field("Token", "Token", CustomApiFieldType.String)],
            ResponseProperties = [Field("Unsubscribed", "Unsubscribed", CustomApiFieldType.Boolean)],
        };
    }

    /// <summary>The digest of a user's security-trimmed feed for a period (for e-mails; workflow activities call the same service).</summary>
    public static CustomApiDefinition Digest() => new("rapport_GetFeedDigest", "Get Feed Digest", DigestPlugin)
    {
        Description = "A digest (subject, HTML and plain text) of a user's feed between From and To, trimmed to what that user may read. Another user's digest needs the System Administrator role.",
        IsFunction = true,
        RequestParameters =
        [
            Optional("UserId", "User Id", CustomApiFieldType.String),
            Field("From", "From", CustomApiFieldType.DateTime),
            Field("To", "To", CustomApiFieldType.DateTime),
        ],
        ResponseProperties =
        [
            Field("Subject", "Subject", CustomApiFieldType.String),
            Field("Html", "Html", CustomApiFieldType.String),
            Field("PlainText", "Plain Text", CustomApiFieldType.String),
            Field("ItemCount", "Item Count", CustomApiFieldType.Integer),
        ],
    };

    private static IReadOnlyList<CustomApiFieldDefinition> RecordAndFollower() =>
    [
        Field("RecordTable", "Record Table", CustomApiFieldType.String),
        Field("RecordId", "Record Id", CustomApiFieldType.String),
        Optional("FollowerTable", "Follower Table", CustomApiFieldType.String),
        Optional("FollowerId", "Follower Id", CustomApiFieldType.String),
    ];

    private static CustomApiFieldDefinition Field(string name, string display, CustomApiFieldType type) => new(name, display, type);

    private static CustomApiFieldDefinition Optional(string name, string display, CustomApiFieldType type) => new(name, display, type) { IsOptional = true };
}
