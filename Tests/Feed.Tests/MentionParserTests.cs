using System;
using System.Linq;
using Rapport.Domain.Feed;

namespace Rapport.Feed.Tests;

public sealed class MentionParserTests
{
    private const string AnaToken = "@[systemuser,7d0c2b1e-0000-4000-8000-000000000001,\"Ana López\"]";

    [Test]
    public void Mention_of_a_user_renders_as_at_name_with_its_place()
    {
        var parsed = MentionParser.Parse("Thanks " + AnaToken + " for #fundraising");

        Assert.That(parsed.PlainText, Is.EqualTo("Thanks @Ana López for #fundraising"));
        var m = parsed.Occurrences.Single();
        Assert.That(m.Record, Is.EqualTo(Ids.AnaRef));
        Assert.That(parsed.PlainText.Substring(m.Start, m.Length), Is.EqualTo("@Ana López"));
        Assert.That(m.IsUser, Is.True);
    }

    [Test]
    public void Mentions_of_teams_and_records_are_read()
    {
        var team = new RecordRef("team", Ids.SalesTeam, "Sales");
        var parsed = MentionParser.Parse($"{MentionParser.Format(team)} see {MentionParser.Format(Ids.ContosoRef)}");

        Assert.That(parsed.Mentioned.Select(r => r.Table), Is.EqualTo(new[] { "team", "account" }));
        Assert.That(parsed.PlainText, Is.EqualTo("@Sales see @Contoso"));
        Assert.That(parsed.Occurrences[0].IsTeam, Is.True);
    }

    [Test]
    public void Escaped_quotes_and_backslashes_in_names_round_trip()
    {
        var odd = new RecordRef("contact", Ids.Cleo, "Cleo \"The Boss\" O\\Brien");

        var parsed = MentionParser.Parse("cc " + MentionParser.Format(odd));

        Assert.That(parsed.Mentioned.Single().Name, Is.EqualTo("Cleo \"The Boss\" O\\Brien"));
        Assert.That(parsed.PlainText, Is.EqualTo("cc @Cleo \"The Boss\" O\\Brien"));
    }

    [Test]
    public void Repeated_mention_counts_once_but_renders_each_time()
    {
        var parsed = MentionParser.Parse(AnaToken + " and again " + AnaToken);

        Assert.That(parsed.Mentioned, Has.Count.EqualTo(1));
        Assert.That(parsed.Occurrences, Has.Count.EqualTo(2));
    }

    [TestCase("Hi @[systemuser,not-a-guid,\"Ana\"]", 4, "the id is not a GUID")]
    [TestCase("Hi @[systemuser,7d0c2b1e-0000-4000-8000-000000000001,Ana]", 4, "double quotes")]
    [TestCase("x @[systemuser,7d0c2b1e-0000-4000-8000-000000000001,\"Ana\"", 3, "closing ']'")]
    [TestCase("@[,7d0c2b1e-0000-4000-8000-000000000001,\"Ana\"]", 1, "table logical name")]
    [TestCase("ok @[systemuser,7d0c2b1e-0000-4000-8000-000000000001,\"Ana]", 4, "no closing quote")]
    [TestCase("a@[systemuser,7d0c2b1e-0000-4000-8000-000000000001,\"  \"]", 2, "1 to 400")]
    public void Mention_of_malformed_token_names_its_position(string text, int position, string reason)
    {
        var ex = Assert.Throws<FeedException>(() => MentionParser.Parse(text));

        Assert.That(ex!.Error, Is.EqualTo(FeedError.InvalidMention));
        Assert.That(ex.Message, Does.Contain($"at character {position} ").And.Contain(reason).And.Contain(text.Substring(position - 1)));
    }

    [Test]
    public void At_sign_without_bracket_is_plain_text()
    {
        var parsed = MentionParser.Parse("mail ana@contoso.com @ noon");

        Assert.That(parsed.Occurrences, Is.Empty);
        Assert.That(parsed.PlainText, Is.EqualTo("mail ana@contoso.com @ noon"));
    }

    [Test]
    public void Twenty_five_distinct_mentions_are_accepted()
    {
        var text = string.Concat(Enumerable.Range(1, 25).Select(Token));

        Assert.That(MentionParser.Parse(text).Mentioned, Has.Count.EqualTo(25));
    }

    [Test]
    public void Twenty_six_distinct_mentions_are_refused()
    {
        var text = string.Concat(Enumerable.Range(1, 26).Select(Token));

        var ex = Assert.Throws<FeedException>(() => MentionParser.Parse(text));

        Assert.That(ex!.Error, Is.EqualTo(FeedError.TooManyMentions));
        Assert.That(ex.Message, Does.Contain("26").And.Contain("limit is 25"));
    }

    private static string Token(int i) =>
        MentionParser.Format(new RecordRef("systemuser", new Guid(i, 0, 0, new byte[8]), "User " + i)) + " ";
}
