using System;
using Rapport.Domain.Feed;

namespace Rapport.Feed.Tests;

public sealed class FeedRulesTests
{
    private static readonly Guid PostId = new Guid("90570000-0000-4000-8000-000000000001");

    private static FeedCandidate Post(PostKind kind, ChangeEvents evt, Guid author, bool mentionsViewer = false) =>
        new FeedCandidate(PostId, Ids.Noon, Ids.BigDealRef, kind, evt, author, mentionsViewer);

    [Test]
    public void Follower_who_wants_only_status_changes_does_not_see_updates()
    {
        var pref = new FollowerPreference(ChangeEvents.StatusChange);

        Assert.That(FeedRules.ShouldShow(Post(PostKind.AutoPost, ChangeEvents.Update, Ids.Ben), pref, Ids.Ana), Is.False);
        Assert.That(FeedRules.ShouldShow(Post(PostKind.AutoPost, ChangeEvents.StatusChange, Ids.Ben), pref, Ids.Ana), Is.True);
    }

    [Test]
    public void Own_changes_do_not_echo_back_unless_asked_for()
    {
        var own = Post(PostKind.AutoPost, ChangeEvents.Update, Ids.Ana);

        Assert.That(FeedRules.ShouldShow(own, FollowerPreference.Default, Ids.Ana), Is.False);
        Assert.That(FeedRules.ShouldShow(own, FollowerPreference.Default with { ShowOwnChanges = true }, Ids.Ana), Is.True);
    }

    [Test]
    public void Mention_of_the_viewer_shows_whatever_the_preference()
    {
        var pref = new FollowerPreference(ChangeEvents.None, UserPosts: false);

        Assert.That(FeedRules.ShouldShow(Post(PostKind.UserPost, ChangeEvents.None, Ids.Ben), pref, Ids.Ana), Is.False);
        Assert.That(FeedRules.ShouldShow(Post(PostKind.UserPost, ChangeEvents.None, Ids.Ben, mentionsViewer: true), pref, Ids.Ana), Is.True);
    }

    [Test]
    public void Record_wall_without_a_follow_shows_everything()
    {
        Assert.That(FeedRules.ShouldShow(Post(PostKind.AutoPost, ChangeEvents.Update, Ids.Ana), null, Ids.Ana), Is.True);
    }

    [Test]
    public void Daily_digest_is_due_a_day_after_the_last_and_never_for_none()
    {
        var last = Ids.Noon.AddDays(-1);

        Assert.That(FeedRules.IsDigestDue(DigestCadence.Daily, last, Ids.Noon), Is.True);
        Assert.That(FeedRules.IsDigestDue(DigestCadence.Daily, last, Ids.Noon.AddHours(-6)), Is.False);
        Assert.That(FeedRules.IsDigestDue(DigestCadence.Weekly, last, Ids.Noon), Is.False);
        Assert.That(FeedRules.IsDigestDue(DigestCadence.None, null, Ids.Noon), Is.False);
        Assert.That(FeedRules.DigestPeriodStart(DigestCadence.Weekly, null, Ids.Noon), Is.EqualTo(Ids.Noon.AddDays(-7)));
    }
}
