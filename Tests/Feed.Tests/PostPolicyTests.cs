using System;
using Rapport.Domain.Feed;

namespace Rapport.Feed.Tests;

public sealed class PostPolicyTests
{
    [Test]
    public void Author_edit_keeps_the_old_text_as_the_next_revision()
    {
        var edit = PostPolicy.Edit(PostKind.UserPost, Ids.Ana, Ids.Ana, "First try", " Second try #gala ", existingRevisions: 2, Ids.Noon);

        Assert.That(edit.Content.StoredText, Is.EqualTo("Second try #gala"));
        Assert.That(edit.Content.Topics, Has.Count.EqualTo(1));
        Assert.That(edit.Revision, Is.EqualTo(new PostRevision(3, "First try", Ids.Noon, Ids.Ana)));
    }

    [Test]
    public void Someone_else_cannot_edit()
    {
        var ex = Assert.Throws<FeedException>(() => PostPolicy.Edit(PostKind.UserPost, Ids.Ana, Ids.Ben, "a", "b", 0, Ids.Noon));

        Assert.That(ex!.Error, Is.EqualTo(FeedError.NotAllowed));
        Assert.That(ex.Message, Is.EqualTo("Only the author or a moderator can edit this post."));
    }

    [Test]
    public void Auto_posts_cannot_be_edited_and_unchanged_text_is_not_a_revision()
    {
        Assert.That(() => PostPolicy.Edit(PostKind.AutoPost, Ids.Ana, Ids.Ana, "a", "b", 0, Ids.Noon), Throws.TypeOf<FeedException>().With.Message.Contains("cannot be edited"));
        Assert.That(() => PostPolicy.Edit(PostKind.UserPost, Ids.Ana, Ids.Ana, "same", " same ", 0, Ids.Noon), Throws.TypeOf<FeedException>().With.Message.Contains("unchanged"));
    }

    [Test]
    public void Edit_follows_the_comment_rules_for_comments()
    {
        Assert.That(
            () => PostPolicy.Edit(PostKind.UserPost, Ids.Ana, Ids.Ana, "a", new string('z', 10_001), 0, Ids.Noon, "comment"),
            Throws.TypeOf<FeedException>().With.Message.StartsWith("The comment is 10,001"));
    }

    [Test]
    public void Author_or_admin_may_delete()
    {
        Assert.That(PostPolicy.CanDelete(Ids.Ana, Ids.Ana, actorIsAdmin: false), Is.True);
        Assert.That(PostPolicy.CanDelete(Ids.Ana, Ids.Ben, actorIsAdmin: true), Is.True);
        Assert.That(() => PostPolicy.EnsureCanDelete(Ids.Ana, Ids.Ben, actorIsAdmin: false, "comment"), Throws.TypeOf<FeedException>().With.Message.EqualTo("Only the author or a moderator can delete this comment."));
    }

    [Test]
    public void Second_like_by_the_same_user_is_not_created()
    {
        Assert.That(PostPolicy.ShouldCreateLike(new[] { Ids.Ben }, Ids.Ana), Is.True);
        Assert.That(PostPolicy.ShouldCreateLike(new[] { Ids.Ben, Ids.Ana }, Ids.Ana), Is.False);
    }
}
