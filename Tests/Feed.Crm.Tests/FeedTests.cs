using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Rapport.Feed.Crm.Tests;

public sealed class FeedTests
{
    private FeedWorld _w = null!;

    [SetUp]
    public void SetUp() => _w = new FeedWorld();

    private static List<JsonElement> Items(Microsoft.Xrm.Sdk.OrganizationResponse response) =>
        JsonDocument.Parse((string)response["Items"]!).RootElement.EnumerateArray().ToList();

    private static string Text(JsonElement item) => item.GetProperty("text").GetString()!;

    [Test]
    public void Feed_never_shows_a_post_about_a_record_the_reader_cannot_read_also_after_revoking()
    {
        var open = _w.Account("Open");
        var hidden = _w.Account("Hidden");
        _w.Follow(_w.Ben, "account", open);
        _w.Follow(_w.Ben, "account", hidden);
        _w.Post(_w.Ana, "account", open, "about open");
        _w.Post(_w.Ana, "account", hidden, "about hidden");
        _w.Policy.Deny(_w.Ben, hidden);

        var before = Items(_w.Feed(_w.Ben)).Select(Text).ToList();
        _w.Policy.Deny(_w.Ben, open);
        var after = Items(_w.Feed(_w.Ben));

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(new[] { "about open" }));
            Assert.That(after, Is.Empty);
            Assert.That(Items(_w.Feed(_w.Ana)), Is.Empty, "Ana follows nothing and is mentioned nowhere");
        });
    }

    [Test]
    public void Mentions_scope_and_record_scope()
    {
        var account = _w.Account("Contoso");
        _w.Follow(_w.Ana, "account", account);
        _w.Post(_w.Ana, "account", account, $"Ping @[systemuser,{_w.Ben},\"Ben Okafor\"]");
        _w.Post(_w.Ana, "account", account, "No mention");

        var mentions = Items(_w.Feed(_w.Ben, "mentions"));
        var my = Items(_w.Feed(_w.Ben));
        var record = _w.Feed(_w.Ben, "record", record: account);

        Assert.Multiple(() =>
        {
            Assert.That(mentions.Select(Text), Is.EqualTo(new[] { "Ping @Ben Okafor" }));
            Assert.That(my.Select(Text), Is.EqualTo(new[] { "Ping @Ben Okafor" }), "Ben follows nothing, but mentions reach his feed");
            Assert.That(Items(record), Has.Count.EqualTo(2));
            Assert.That(record["FollowerCount"], Is.EqualTo(1));
            Assert.That(record["IsFollowing"], Is.False);
        });
    }

    [Test]
    public void Pages_walk_the_feed_in_order_without_gaps_or_repeats_and_cost_one_query_plus_one_per_table()
    {
        var accounts = Enumerable.Range(0, 3).Select(i => _w.Account("A" + i)).ToList();
        var contact = _w.Env.SystemService.Create(new Microsoft.Xrm.Sdk.Entity("contact") { ["lastname"] = "Smith" });
        foreach (var a in accounts)
        {
            _w.Follow(_w.Ben, "account", a);
        }

        _w.Follow(_w.Ben, "contact", contact);
        var expected = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            // Same createdon for many posts: the order falls back to ids in SQL Server order.
            if (i % 7 == 0)
            {
                _w.Env.Clock.Advance(TimeSpan.FromMinutes(1));
            }

            var text = "post " + i;
            if (i % 5 == 0)
            {
                _w.Post(_w.Ana, "contact", contact, text);
            }
            else
            {
                _w.Post(_w.Ana, "account", accounts[i % 3], text);
            }

            expected.Add(text);
        }

        _w.Follow(_w.Ana, "contact", contact);
        _w.Feed(_w.Ana); // the first non-empty feed read of the organisation creates the token secret (one extra Create, once)
        var seen = new List<string>();
        string? token = null;
        var worst = 0;
        do
        {
            using var scope = _w.Env.Metrics.BeginScope();
            var page = _w.Feed(_w.Ben, token: token, pageSize: 25);
            var nested = scope.Count - 1;
            var tables = Items(page).Select(i => i.GetProperty("regarding").GetProperty("table").GetString()).Distinct().Count();
            Assert.That(nested, Is.LessThanOrEqualTo(1 + tables), "candidates with the token secret and preference (1) + one access query per table");
            worst = Math.Max(worst, nested);
            seen.AddRange(Items(page).Select(Text));
            token = (string?)page["ContinuationToken"];
        }
        while (!string.IsNullOrEmpty(token));

        expected.Reverse();
        Assert.That(seen, Is.EquivalentTo(expected));
        Assert.That(seen, Has.Count.EqualTo(60));
        TestContext.Out.WriteLine($"worst requests per feed page: {worst}");
    }

    [Test]
    public void Tampered_continuation_token_is_refused()
    {
        var account = _w.Account("Contoso");
        _w.Follow(_w.Ben, "account", account);
        for (var i = 0; i < 5; i++)
        {
            _w.Post(_w.Ana, "account", account, "p" + i);
        }

        var token = (string)_w.Feed(_w.Ben, pageSize: 2)["ContinuationToken"]!;
        static string Alter(string t, int at) => t.Substring(0, at) + (t[at] == 'A' ? "B" : "A") + t.Substring(at + 1);
        var tampered = Alter(token, token.Length - 5); // the MAC
        var movedBack = Alter(token, 5);               // the position: moved far into the past
        var carol = _w.Env.CreateUser("Carol Ng");
        _w.Follow(_w.Ana, "account", account);

        _w.Refused(() => _w.Feed(_w.Ben, token: tampered, pageSize: 2), "invalid or was altered");
        _w.Refused(() => _w.Feed(_w.Ana, token: token, pageSize: 2), "invalid or was altered");
        _w.Refused(() => _w.Feed(_w.Ben, token: "not-a-token", pageSize: 2), "invalid or was altered");

        // The key comes with the candidates: with none to show, a foreign token yields an empty page and no token —
        // nothing is disclosed, and nothing of the token is trusted.
        foreach (var empty in new[] { _w.Feed(carol, token: token, pageSize: 2), _w.Feed(_w.Ben, token: movedBack, pageSize: 2) })
        {
            Assert.That(Items(empty), Is.Empty);
            Assert.That((string?)empty["ContinuationToken"], Is.Null.Or.Empty);
        }
    }
}
