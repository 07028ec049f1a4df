using System;
using Rapport.Domain.Feed;

namespace Rapport.Feed.Tests;

public sealed class PostContentTests
{
    [Test]
    public void Post_text_is_trimmed()
    {
        var content = PostContent.ForPost("  Hello team \n");

        Assert.That(content.StoredText, Is.EqualTo("Hello team"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   \t\n ")]
    public void Empty_post_is_refused_with_the_limits(string? text)
    {
        var ex = Assert.Throws<FeedException>(() => PostContent.ForPost(text));

        Assert.That(ex!.Error, Is.EqualTo(FeedError.InvalidText));
        Assert.That(ex.Message, Does.Contain("empty").And.Contain("10,000"));
    }

    [Test]
    public void Post_of_exactly_10000_characters_is_accepted()
    {
        var content = PostContent.ForPost(new string('a', 10_000));

        Assert.That(content.PlainText, Has.Length.EqualTo(10_000));
    }

    [Test]
    public void Post_of_10001_characters_is_refused_saying_how_much_to_remove()
    {
        var ex = Assert.Throws<FeedException>(() => PostContent.ForPost(new string('a', 10_001)));

        Assert.That(ex!.Message, Does.Contain("10,001").And.Contain("Remove at least 1 characters"));
    }

    [Test]
    public void Mention_tokens_count_as_their_rendered_name_towards_the_limit()
    {
        var token = MentionParser.Format(Ids.AnaRef); // renders as "@Ana López" (10 characters)
        var text = token + " " + new string('a', 10_000 - 11);

        var content = PostContent.ForPost(text);

        Assert.That(content.PlainText, Has.Length.EqualTo(10_000));
        Assert.That(content.StoredText.Length, Is.GreaterThan(10_000));
    }

    [Test]
    public void Comment_over_the_limit_is_refused_as_a_comment()
    {
        var ex = Assert.Throws<FeedException>(() => PostContent.ForComment(new string('x', 10_050)));

        Assert.That(ex!.Message, Does.StartWith("The comment is 10,050 characters long"));
    }

    [Test]
    public void Post_gives_mentions_and_topics()
    {
        var content = PostContent.ForPost($"Thanks {MentionParser.Format(Ids.AnaRef)} for #fundraising and #[Year End Appeal]");

        Assert.That(content.PlainText, Is.EqualTo("Thanks @Ana López for #fundraising and #[Year End Appeal]"));
        Assert.That(content.Mentions, Is.EqualTo(new[] { Ids.AnaRef }));
        Assert.That(content.Topics, Is.EqualTo(new[] { new Topic("fundraising", "fundraising"), new Topic("year end appeal", "Year End Appeal") }));
    }

    [Test]
    public void Hash_inside_a_mentioned_name_is_not_a_topic()
    {
        var team = new RecordRef("team", Ids.SalesTeam, "Team #fundraising");

        var content = PostContent.ForPost("Ask " + MentionParser.Format(team));

        Assert.That(content.Topics, Is.Empty);
        Assert.That(content.Mentions, Has.Count.EqualTo(1));
    }

    [Test]
    public void Stored_text_with_a_broken_token_still_renders_as_written()
    {
        var content = PostContent.Read("Hi @[systemuser,nope");

        Assert.That(content.PlainText, Is.EqualTo("Hi @[systemuser,nope"));
        Assert.That(content.Mentions, Is.Empty);
    }
}
