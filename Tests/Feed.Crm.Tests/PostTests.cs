using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Rapport.Feed.Crm.Tests;

public sealed class PostTests
{
    private FeedWorld _w = null!;

    [SetUp]
    public void SetUp() => _w = new FeedWorld();

    private string Mention(Guid user, string name) => $"@[systemuser,{user},\"{name}\"]";

    [Test]
    public void Mention_creates_a_mention_row_and_a_notification_for_the_user()
    {
        var account = _w.Account("Contoso");

        var post = _w.Post(_w.Ana, "account", account, "Thanks " + Mention(_w.Ben, "Ben Okafor") + " for the #Fundraising update");

        var notes = _w.Rows("appnotification");
        Assert.Multiple(() =>
        {
            Assert.That(_w.Rows("rapport_mention", "rapport_mentionedid", _w.Ben.ToString()), Has.Count.EqualTo(1));
            Assert.That(notes, Has.Count.EqualTo(1));
            Assert.That(((EntityReference)notes[0]["ownerid"]!).Id, Is.EqualTo(_w.Ben));
            Assert.That((string)notes[0]["title"]!, Does.Contain("mentioned you"));
            Assert.That(_w.Rows("rapport_topic").Select(t => t["rapport_key"]), Is.EqualTo(new[] { "fundraising" }));
            var row = _w.Env.SystemService.Retrieve("rapport_post", post, new ColumnSet(true));
            Assert.That(((EntityReference)row["rapport_authorid"]!).Id, Is.EqualTo(_w.Ana));
            Assert.That(row["rapport_regardingname"], Is.EqualTo("Contoso"));
        });
    }

    [Test]
    public void Empty_post_is_refused()
    {
        var account = _w.Account("C");
        _w.Refused(() => _w.Post(_w.Ana, "account", account, "   "), "The post is empty");
    }

    [Test]
    public void Over_long_post_is_refused()
    {
        var account = _w.Account("C");
        _w.Refused(() => _w.Post(_w.Ana, "account", account, new string('x', 10_001)), "the limit is 10,000");
    }

    [Test]
    public void Mention_of_an_unknown_user_is_refused()
    {
        var account = _w.Account("C");
        _w.Refused(() => _w.Post(_w.Ana, "account", account, "Hi " + Mention(Guid.NewGuid(), "Ghost")), "The mention of 'Ghost' was refused");
    }

    [Test]
    public void Mention_of_a_record_the_author_cannot_read_is_refused()
    {
        var account = _w.Account("C");
        var hidden = _w.Account("Hidden");
        _w.Policy.Deny(_w.Ana, hidden);

        _w.Refused(() => _w.Post(_w.Ana, "account", account, $"See @[account,{hidden},\"Hidden\"]"), "you cannot read the account");
    }

    [Test]
    public void Comments_and_likes_keep_the_post_counts()
    {
        var post = _w.Post(_w.Ana, "account", _w.Account("C"), "Hello");
        _w.As(_w.Ben).Create(new Entity("rapport_comment") { ["rapport_postid"] = new EntityReference("rapport_post", post), ["rapport_text"] = "Hi!" });
        var liked = _w.Call(_w.Ben, "rapport_SetLike", ("PostId", post.ToString()), ("Liked", true));
        var again = _w.Call(_w.Ben, "rapport_SetLike", ("PostId", post.ToString()), ("Liked", true));
        var byAna = _w.Call(_w.Ana, "rapport_SetLike", ("PostId", post.ToString()), ("Liked", true));
        var unliked = _w.Call(_w.Ben, "rapport_SetLike", ("PostId", post.ToString()), ("Liked", false));

        var row = _w.Env.SystemService.Retrieve("rapport_post", post, new ColumnSet("rapport_commentcount", "rapport_likecount"));
        Assert.Multiple(() =>
        {
            Assert.That(row["rapport_commentcount"], Is.EqualTo(1));
            Assert.That(liked["LikeCount"], Is.EqualTo(1));
            Assert.That(again["LikeCount"], Is.EqualTo(1));
            Assert.That(byAna["LikeCount"], Is.EqualTo(2));
            Assert.That(unliked["LikeCount"], Is.EqualTo(1));
        });
    }

    [Test]
    public void Comment_on_a_deleted_post_is_refused()
    {
        var post = _w.Post(_w.Ana, "account", _w.Account("C"), "Hello");
        _w.As(_w.Ana).Delete("rapport_post", post);

        _w.Refused(
            () => _w.As(_w.Ben).Create(new Entity("rapport_comment") { ["rapport_postid"] = new EntityReference("rapport_post", post), ["rapport_text"] = "Hi" }),
            "The post was deleted");
    }

    [Test]
    public void Edit_by_the_author_keeps_a_revision_and_edit_by_another_is_refused()
    {
        var post = _w.Post(_w.Ana, "account", _w.Account("C"), "First");

        _w.Refused(() => _w.As(_w.Ben).Update(new Entity("rapport_post", post) { ["rapport_text"] = "Hacked" }), "Only the author or a moderator can edit");
        _w.As(_w.Ana).Update(new Entity("rapport_post", post) { ["rapport_text"] = "Second" });

        var row = _w.Env.SystemService.Retrieve("rapport_post", post, new ColumnSet("rapport_text", "rapport_edited"));
        Assert.Multiple(() =>
        {
            Assert.That(row["rapport_text"], Is.EqualTo("Second"));
            Assert.That(row["rapport_edited"], Is.True);
            Assert.That(_w.Rows("rapport_postrevision").Select(r => r["rapport_text"]), Is.EqualTo(new[] { "First" }));
        });
    }

    [Test]
    public void Delete_by_someone_else_is_refused()
    {
        var post = _w.Post(_w.Ana, "account", _w.Account("C"), "Mine");

        _w.Refused(() => _w.As(_w.Ben).Delete("rapport_post", post), "Only the author or a moderator");
    }
}
