using System;

namespace Rapport.Domain.Feed;

public enum DigestCadence
{
    None = 0,
    Daily = 1,
    Weekly = 2,
}

/// <summary>
/// What one follower wants to hear about a followed record (Odoo's per-follower subtypes): which auto-post events,
/// whether people's posts, whether their own changes echo back (Chatter: they do not), and the e-mail digest cadence.
/// </summary>
public sealed record FollowerPreference(
    ChangeEvents Events = ChangeEvents.All,
    bool UserPosts = true,
    bool ShowOwnChanges = false,
    DigestCadence Digest = DigestCadence.None)
{
    public static FollowerPreference Default { get; } = new FollowerPreference();
}

/// <summary>The facts about a post the feed rule needs; the candidate rows of a feed query carry them.</summary>
public sealed record FeedCandidate(Guid PostId, DateTime CreatedOn, RecordRef Regarding, PostKind Kind, ChangeEvents Event, Guid AuthorId, bool MentionsViewer = false)
{
    public FeedPosition Position => new FeedPosition(CreatedOn, PostId);
}

/// <summary>Which posts a viewer sees; record access is checked separately (see <see cref="FeedPageAssembler"/>).</summary>
public static class FeedRules
{
    /// <summary>
    /// True when the post belongs in the viewer's feed given their preference for its record. Mentions of the viewer
    /// and system posts always show; with no preference (a record's own wall, not a followed feed) everything shows.
    /// </summary>
    public static bool ShouldShow(FeedCandidate post, FollowerPreference? preference, Guid viewerId)
    {
        if (post is null)
        {
            throw new ArgumentNullException(nameof(post));
        }

        if (preference is null || post.MentionsViewer || post.Kind == PostKind.System)
        {
            return true;
        }

        if (post.Kind == PostKind.UserPost)
        {
            return preference.UserPosts || post.AuthorId == viewerId;
        }

        if (post.AuthorId == viewerId && !preference.ShowOwnChanges)
        {
            return false;
        }

        return (preference.Events & post.Event) != ChangeEvents.None;
    }

    /// <summary>True when a digest is due: never for <see cref="DigestCadence.None"/>; otherwise a day or a week after the last one.</summary>
    public static bool IsDigestDue(DigestCadence cadence, DateTime? lastSentUtc, DateTime nowUtc)
    {
        var span = DigestSpan(cadence);
        return span.HasValue && (!lastSentUtc.HasValue || nowUtc - lastSentUtc.Value >= span.Value - TimeSpan.FromMinutes(5));
    }

    /// <summary>The start of the digest period ending now: the last digest, or one day/week back when none was sent.</summary>
    public static DateTime DigestPeriodStart(DigestCadence cadence, DateTime? lastSentUtc, DateTime nowUtc)
    {
        var span = DigestSpan(cadence) ?? TimeSpan.FromDays(1);
        return lastSentUtc ?? nowUtc - span;
    }

    private static TimeSpan? DigestSpan(DigestCadence cadence) => cadence switch
    {
        DigestCadence.Daily => TimeSpan.FromDays(1),
        DigestCadence.Weekly => TimeSpan.FromDays(7),
        _ => null,
    };
}
