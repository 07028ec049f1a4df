using System.Linq;
using Rapport.Domain.Feed;

namespace Rapport.Feed.Tests;

public sealed class TopicExtractorTests
{
    [Test]
    public void Topics_are_deduplicated_case_insensitively_keeping_the_first_spelling()
    {
        var topics = TopicExtractor.Extract("#Fundraising kicks off. More #fundraising news and #FUNDRAISING tips");

        Assert.That(topics, Is.EqualTo(new[] { new Topic("fundraising", "Fundraising") }));
    }

    [Test]
    public void Unicode_letters_digits_underscore_and_hyphen_make_a_word()
    {
        var topics = TopicExtractor.Extract("#Año_2026 #données-clés #日本語");

        Assert.That(topics.Select(t => t.Key), Is.EqualTo(new[] { "año_2026", "données-clés", "日本語" }));
    }

    [Test]
    public void Bracketed_topic_may_have_spaces_and_is_normalised()
    {
        var topics = TopicExtractor.Extract("About #[Year   End Appeal] and #[year end appeal]");

        Assert.That(topics, Is.EqualTo(new[] { new Topic("year end appeal", "Year End Appeal") }));
    }

    [TestCase("C# and page#section and https://x.org/#anchor")]
    [TestCase("#a is too short")]
    [TestCase("## and #- and #_ are not topics")]
    [TestCase("#[ ] and #[unterminated")]
    public void Things_that_are_not_topics_stay_text(string text)
    {
        Assert.That(TopicExtractor.Extract(text), Is.Empty);
    }

    [Test]
    public void Topic_stops_at_punctuation_and_trailing_hyphens()
    {
        var topics = TopicExtractor.Extract("Go #team! Then #gala-, then (#q4).");

        Assert.That(topics.Select(t => t.Key), Is.EqualTo(new[] { "team", "gala", "q4" }));
    }

    [Test]
    public void Topic_of_100_characters_is_kept_and_101_is_not()
    {
        var hundred = new string('a', 100);
        var topics = TopicExtractor.Extract("#" + hundred + " #" + new string('b', 101));

        Assert.That(topics.Select(t => t.Key), Is.EqualTo(new[] { hundred }));
    }

    [TestCase("#Fundraising", "fundraising")]
    [TestCase("  #[Year  End] ", "year end")]
    [TestCase("GALA", "gala")]
    public void Filter_text_maps_to_the_topic_key(string filter, string key)
    {
        Assert.That(TopicExtractor.Key(filter), Is.EqualTo(key));
    }
}
