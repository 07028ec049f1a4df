using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.Xrm.Sdk;

namespace Rapport.Feed.Crm.Tests;

/// <summary>Topics followed by name or id reach the follower's feed; the feed's Kind and Table filters.</summary>
public sealed class FeedFilterTests
{
    private FeedWorld _w = null!;

    [SetUp]
    public void SetUp() => _w = new FeedWorld();

    private static List<string> Texts(OrganizationResponse page) =>
        JsonDocument.Parse((string?)page["Items"] ?? "[]").RootElement.EnumerateArray().Select(i => i.GetProperty("text").GetString()!).ToList();

    private OrganizationResponse Feed(Guid user, string? kind = null, string? table = null)
    {
        var p = new List<(string, object)> { ("Scope", "my") };
        if (kind is not null)
        {
            p.Add(("Kind", kind));
        }

        if (table is not null)
        {
            p.Add(("Table", table));
        }

        return _w.Call(user, "rapport_GetFeed", p.ToArray());
    }

    [Test]
    public void A_topic_followed_by_name_brings_its_posts_into_the_feed_and_the_same_name_is_the_same_topic()
    {
        var shelter = _w.Account("Hope Shelter");
        var hidden = _w.Account("Private donor");
        _w.Policy.Deny(_w.Ana, hidden);

        var byName = _w.Call(_w.Ana, "rapport_Follow", ("RecordTable", "rapport_topic"), ("RecordId", "#Fundraising"));
        var again = _w.Call(_w.Ana, "rapport_Follow", ("RecordTable", "rapport_topic"), ("RecordId", "fundraising"));
        _w.Post(_w.Ben, "account", shelter, "Kick-off of the #fundraising week");
        _w.Post(_w.Ben, "account", shelter, "Nothing tagged here");
        _w.Post(_w.Ben, "account", hidden, "Major gift pledged #fundraising");
        var topic = _w.Rows("rapport_topic", "rapport_key", "fundraising").Single();
        var state = _w.Call(_w.Ana, "rapport_GetFollowState", ("RecordTable", "rapport_topic"), ("RecordId", "#FUNDRAISING"));

        Assert.Multiple(() =>
        {
            Assert.That(byName["AlreadyFollowing"], Is.False);
            Assert.That(again["AlreadyFollowing"], Is.True, "'fundraising' and '#Fundraising' name one topic");
            Assert.That(_w.Rows("rapport_follow").Single().GetAttributeValue<string>("rapport_regardingid"), Is.EqualTo(topic.Id.ToString()));
            Assert.That(Texts(Feed(_w.Ana)), Is.EqualTo(new[] { "Kick-off of the #fundraising week" }), "the topic's post, not the untagged one, not the unreadable one");
            Assert.That(state["IsFollowing"], Is.True);
        });
        _w.Refused(() => _w.Call(_w.Ana, "rapport_Unfollow", ("RecordTable", "rapport_topic"), ("RecordId", "#nosuchtopic")), "There is no topic #nosuchtopic");
        _w.Refused(() => _w.Call(_w.Ana, "rapport_Follow", ("RecordTable", "rapport_topic"), ("RecordId", "#")), "is not a topic");
    }

    [Test]
    public void A_topic_followed_by_id_works_as_before()
    {
        var shelter = _w.Account("Hope Shelter");
        _w.Post(_w.Ben, "account", shelter, "Planning #volunteers rota");
        var topic = _w.Rows("rapport_topic", "rapport_key", "volunteers").Single().Id;
        _w.Follow(_w.Ana, "rapport_topic", topic);
        _w.Env.Clock.Advance(TimeSpan.FromMinutes(1));
        _w.Post(_w.Ben, "account", shelter, "Thanks to all #Volunteers");

        Assert.That(Texts(Feed(_w.Ana)), Is.EqualTo(new[] { "Thanks to all #Volunteers", "Planning #volunteers rota" }));
    }

    [Test]
    public void Kind_filter_returns_only_that_kind_and_table_filter_only_that_table()
    {
        _w.Env.SystemService.Create(new Entity("rapport_feedconfig")
        {
            ["rapport_name"] = "Accounts", ["rapport_table"] = "account", ["rapport_trackedcolumns"] = "name", ["rapport_events"] = "update", ["rapport_active"] = true,
        });
        var shelter = _w.Account("Hope Shelter");
        var contact = _w.Env.SystemService.Create(new Entity("contact") { ["lastname"] = "Okoro", ["fullname"] = "Ada Okoro" });
        _w.Follow(_w.Ana, "account", shelter);
        _w.Follow(_w.Ana, "contact", contact);
        _w.Post(_w.Ben, "account", shelter, "Account note");
        _w.Env.Clock.Advance(TimeSpan.FromMinutes(1));
        _w.Post(_w.Ben, "contact", contact, "Contact note");
        _w.Env.Clock.Advance(TimeSpan.FromMinutes(1));
        _w.As(_w.Ben).Update(new Entity("account", shelter) { ["name"] = "Hope Shelter Trust" });

        var all = Texts(Feed(_w.Ana));
        var auto = Texts(Feed(_w.Ana, kind: "auto"));
        var user = Texts(Feed(_w.Ana, kind: "user"));
        var contacts = Texts(Feed(_w.Ana, table: "contact"));
        var userAccounts = Texts(Feed(_w.Ana, kind: "user", table: "account"));

        Assert.Multiple(() =>
        {
            Assert.That(all, Has.Count.EqualTo(3));
            Assert.That(auto, Has.Count.EqualTo(1));
            Assert.That(auto[0], Does.Contain("Hope Shelter Trust"));
            Assert.That(user, Is.EqualTo(new[] { "Contact note", "Account note" }));
            Assert.That(contacts, Is.EqualTo(new[] { "Contact note" }));
            Assert.That(userAccounts, Is.EqualTo(new[] { "Account note" }));
            Assert.That(Texts(Feed(_w.Ana, kind: "system")), Is.Empty);
        });
        _w.Refused(() => Feed(_w.Ana, kind: "likes"), "Unknown post kind 'likes'");
    }
}
