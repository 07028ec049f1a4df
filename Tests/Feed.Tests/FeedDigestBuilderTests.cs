using System;
using System.Globalization;
using Rapport.Domain.Feed;

namespace Rapport.Feed.Tests;

public sealed class FeedDigestBuilderTests
{
    private static readonly DateTime From = Ids.Noon.AddDays(-1);

    private static FeedItem Item(int n, RecordRef regarding, string text, DateTime createdOn) =>
        FeedItem.FromStored(new Guid(n, 0, 0, new byte[8]), PostKind.UserPost, text, regarding, Ids.BenRef, createdOn);

    [Test]
    public void Digest_renders_script_as_text()
    {
        var evil = new RecordRef("account", Ids.Contoso, "<b>Contoso</b>");
        var items = new[] { Item(1, evil, "<img src=x onerror=alert(1)>", Ids.Noon.AddHours(-1)) };

        var digest = FeedDigestBuilder.Build("Ana <script>", From, Ids.Noon, items);

        Assert.That(digest.Html, Does.Contain("&lt;img src=x onerror=alert(1)&gt;"));
        Assert.That(digest.Html, Does.Not.Contain("<img").And.Not.Contain("<script").And.Not.Contain("<b>"));
        Assert.That(digest.PlainText, Does.Contain("<img src=x onerror=alert(1)>"));
    }

    [Test]
    public void Digest_groups_by_record_most_recent_first_with_counts()
    {
        var items = new[]
        {
            Item(1, Ids.ContosoRef, "older on Contoso", Ids.Noon.AddHours(-5)),
            Item(2, Ids.BigDealRef, "deal news", Ids.Noon.AddHours(-3)),
            Item(3, Ids.ContosoRef, "newest on Contoso", Ids.Noon.AddHours(-1)),
            Item(4, Ids.ContosoRef, "before the period", From.AddMinutes(-1)),
        };

        var digest = FeedDigestBuilder.Build("Ana", From, Ids.Noon, items);

        Assert.That(digest.ItemCount, Is.EqualTo(3));
        Assert.That(digest.RecordCount, Is.EqualTo(2));
        Assert.That(digest.Subject, Is.EqualTo("Rapport digest: 3 updates on 2 records"));
        var text = digest.PlainText;
        Assert.That(text.IndexOf("Contoso (2 updates)", StringComparison.Ordinal), Is.LessThan(text.IndexOf("Big deal (1 update)", StringComparison.Ordinal)).And.GreaterThan(0));
        Assert.That(text.IndexOf("newest on Contoso", StringComparison.Ordinal), Is.LessThan(text.IndexOf("older on Contoso", StringComparison.Ordinal)));
        Assert.That(text, Does.Not.Contain("before the period"));
        Assert.That(text, Does.Contain("Ben Ode, 2026-11-25 11:00 UTC: newest on Contoso"));
    }

    [Test]
    public void Empty_digest_says_nothing_new()
    {
        var digest = FeedDigestBuilder.Build("Ana", From, Ids.Noon, Array.Empty<FeedItem>());

        Assert.That(digest.Subject, Is.EqualTo("Rapport digest: nothing new"));
        Assert.That(digest.PlainText, Does.Contain("Nothing new in your feed for 2026-11-24 12:00 UTC – 2026-11-25 12:00 UTC."));
        Assert.That(digest.Html, Does.Contain("Nothing new in your feed"));
        Assert.That(digest.ItemCount, Is.Zero);
    }

    [Test]
    public void Only_web_links_are_used_for_records()
    {
        var items = new[] { Item(1, Ids.ContosoRef, "hi", Ids.Noon.AddHours(-1)), Item(2, Ids.BigDealRef, "yo", Ids.Noon.AddHours(-2)) };
        var options = new DigestOptions(RecordUrl: r => r.Table == "account" ? "https://org.crm.dynamics.com/main.aspx?etn=account&id=" + r.Id : "javascript:alert(1)");

        var digest = FeedDigestBuilder.Build("Ana", From, Ids.Noon, items, options);

        Assert.That(digest.Html, Does.Contain("href=\"https://org.crm.dynamics.com/main.aspx?etn=account&amp;id="));
        Assert.That(digest.Html, Does.Not.Contain("javascript:"));
    }

    [Test]
    public void Times_follow_the_recipient_time_zone_and_culture()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Plus2", TimeSpan.FromHours(2), "Plus2", "Plus2");
        var items = new[] { Item(1, Ids.ContosoRef, "hi", Ids.Noon.AddHours(-1)) };

        var digest = FeedDigestBuilder.Build("Ana", From, Ids.Noon, items, new DigestOptions(CultureInfo.InvariantCulture, zone));

        Assert.That(digest.PlainText, Does.Contain("Ben Ode, 11/25/2026 13:00: hi"));
    }
}
