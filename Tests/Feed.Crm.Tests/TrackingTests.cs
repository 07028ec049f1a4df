using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Rapport.Feed.Crm.Tests;

public sealed class TrackingTests
{
    private static readonly string[] FeedTables =
    [
        "rapport_post", "rapport_follow", "rapport_feedconfig", "rapport_mention", "rapport_topic", "appnotification", "rapport_feedsettings",
        "sdkmessageprocessingstep", "opportunity",
    ];

    private FeedWorld _w = null!;

    [SetUp]
    public void SetUp() => _w = new FeedWorld();

    private Entity Config(string columns, string events = "create,update,delete") => new("rapport_feedconfig")
    {
        ["rapport_name"] = "Opportunities",
        ["rapport_table"] = "opportunity",
        ["rapport_trackedcolumns"] = columns,
        ["rapport_events"] = events,
        ["rapport_active"] = true,
    };

    [Test]
    public void Change_to_three_tracked_columns_gives_one_post_listing_three_changes_in_at_most_two_requests()
    {
        var config = _w.Env.SystemService.Create(Config("name,estimatedvalue,closeprobability"));
        var deal = _w.As(_w.Ana).Create(new Entity("opportunity") { ["name"] = "Big deal", ["estimatedvalue"] = new Money(10_000m), ["closeprobability"] = 20 });
        var postsAfterCreate = _w.Rows("rapport_post").Count;

        int nested;
        using (var scope = _w.Env.Metrics.BeginScope())
        {
            _w.As(_w.Ana).Update(new Entity("opportunity", deal) { ["name"] = "Bigger deal", ["estimatedvalue"] = new Money(12_500m), ["closeprobability"] = 60, ["description"] = "untracked" });
            // Other features' steps on opportunity (CLV) run in the same request: count the feed's own requests.
            nested = scope.Requests.Count(r => r.Depth > 1 && FeedTables.Contains(r.Table));
            TestContext.Out.WriteLine(string.Join("; ", scope.Requests));
        }

        var updates = _w.Rows("rapport_post", "rapport_event", "update");
        Assert.Multiple(() =>
        {
            Assert.That(postsAfterCreate, Is.EqualTo(1), "the create posted once");
            Assert.That(updates, Has.Count.EqualTo(1));
            Assert.That((string)updates[0]["rapport_text"]!, Does.Contain("Topic changed from Big deal to Bigger deal").And.Contain("Est. Revenue changed from 10,000.00 to 12,500.00").And.Contain("Probability changed from 20 to 60"));
            Assert.That((string)updates[0]["rapport_changes"]!, Does.Contain("\"column\":\"closeprobability\""));
            Assert.That(nested, Is.LessThanOrEqualTo(2), "requests per auto-post");
        });
        TestContext.Out.WriteLine($"requests per auto-post: {nested}");

        _w.As(_w.Ana).Update(new Entity("opportunity", deal) { ["description"] = "only untracked" });
        Assert.That(_w.Rows("rapport_post", "rapport_event", "update"), Has.Count.EqualTo(1), "nothing tracked changed");

        _w.Env.SystemService.Update(new Entity("rapport_feedconfig", config) { ["rapport_active"] = false });
        _w.As(_w.Ana).Update(new Entity("opportunity", deal) { ["name"] = "Off" });
        Assert.That(_w.Rows("rapport_post", "rapport_event", "update"), Has.Count.EqualTo(1), "tracking turned off");

        _w.Env.SystemService.Update(new Entity("rapport_feedconfig", config) { ["rapport_active"] = true });
        _w.As(_w.Ana).Update(new Entity("opportunity", deal) { ["name"] = "On again" });
        Assert.That(_w.Rows("rapport_post", "rapport_event", "update"), Has.Count.EqualTo(2), "tracking turned on again");

        _w.Env.SystemService.Delete("rapport_feedconfig", config);
        _w.As(_w.Ana).Update(new Entity("opportunity", deal) { ["name"] = "Gone" });
        Assert.That(_w.Rows("rapport_post", "rapport_event", "update"), Has.Count.EqualTo(2), "config deleted");
    }

    [Test]
    public void Auto_posts_reach_followers_feeds_and_a_deleted_tracked_record_loses_its_follows()
    {
        _w.Env.SystemService.Create(Config("name"));
        var deal = _w.As(_w.Ana).Create(new Entity("opportunity") { ["name"] = "Deal" });
        _w.Follow(_w.Ben, "opportunity", deal);
        _w.As(_w.Ana).Update(new Entity("opportunity", deal) { ["name"] = "Deal 2" });

        var feed = (string)_w.Feed(_w.Ben)["Items"]!;
        Assert.That(feed, Does.Contain("\"kind\":\"autoPost\"").And.Contain("Topic changed from Deal to Deal 2"));

        _w.As(_w.Ana).Delete("opportunity", deal);
        Assert.That(_w.Rows("rapport_follow"), Is.Empty);
    }

    [Test]
    public void Config_naming_unknown_columns_is_refused_naming_them() =>
        _w.Refused(() => _w.Env.SystemService.Create(Config("name,nosuchcolumn,bogus")), "no column named 'nosuchcolumn', 'bogus'");

    [Test]
    public void Config_for_a_missing_table_is_refused()
    {
        var config = Config("name");
        config["rapport_table"] = "rapport_missing";
        _w.Refused(() => _w.Env.SystemService.Create(config), "there is no table named 'rapport_missing'");
    }
}
