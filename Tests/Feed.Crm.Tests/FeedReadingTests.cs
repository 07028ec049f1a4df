using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Security;

namespace Rapport.Feed.Crm.Tests;

/// <summary>Team follows, per-follower preferences, latest comments, auto-post labels and the digest.</summary>
public sealed class FeedReadingTests
{
    private FeedWorld _w = null!;

    [SetUp]
    public void SetUp() => _w = new FeedWorld();

    private static List<JsonElement> Items(OrganizationResponse response) =>
        JsonDocument.Parse((string)response["Items"]!).RootElement.EnumerateArray().ToList();

    private static string[] Texts(OrganizationResponse response) => Items(response).Select(i => i.GetProperty("text").GetString()!).ToArray();

    private int Cost(Func<OrganizationResponse> call, out OrganizationResponse response)
    {
        using var scope = _w.Env.Metrics.BeginScope();
        response = call();
        return scope.Count - 1;
    }

    [Test]
    public void A_record_wall_reads_its_record_once_as_the_reader_and_costs_no_more_than_before()
    {
        var account = _w.Account("Contoso");
        _w.Post(_w.Ana, "account", account, "one");
        _w.Post(_w.Ana, "account", account, "two");
        _w.Feed(_w.Ana, "record", record: account); // creates the token secret

        List<string> requests;
        using (var scope = _w.Env.Metrics.BeginScope())
        {
            Assert.That(Texts(_w.Feed(_w.Ben, "record", record: account)), Is.EquivalentTo(new[] { "one", "two" }));
            requests = scope.Requests.Select(r => r.ToString()).ToList();
        }

        TestContext.Out.WriteLine(string.Join("; ", requests));
        Assert.Multiple(() =>
        {
            Assert.That(requests.Count(r => r.StartsWith("Retrieve account", StringComparison.Ordinal)), Is.EqualTo(1), "the read check as Ben");
            Assert.That(requests.Count(r => r.StartsWith("RetrieveMultiple account", StringComparison.Ordinal)), Is.Zero, "the record is not checked again with the page");
            Assert.That(requests.Count - 1, Is.EqualTo(3), "read check + candidates + followers, as candidates + readable table + followers before");
        });
    }

    [Test]
    public void A_team_follow_reaches_the_members_my_feed_only_within_the_page_budget()
    {
        var carol = _w.Env.CreateUser("Carol Ng");
        var team = _w.Env.Security.CreateTeam("Stewardship", null, [_w.Ben]);
        _w.Env.AccessPolicy = _w.Policy;
        var account = _w.Account("Contoso");
        _w.Call(_w.Ana, "rapport_Follow", ("RecordTable", "account"), ("RecordId", account.ToString()), ("FollowerTable", "team"), ("FollowerId", team.ToString()));
        _w.Post(_w.Ana, "account", account, "team news");
        _w.Feed(_w.Ana, "record", record: account); // creates the token secret

        var cost = Cost(() => _w.Feed(_w.Ben), out var ben);

        Assert.Multiple(() =>
        {
            Assert.That(Texts(ben), Is.EqualTo(new[] { "team news" }), "Ben is a member of the following team");
            Assert.That(Texts(_w.Feed(carol)), Is.Empty, "Carol is not");
            Assert.That(cost, Is.LessThanOrEqualTo(2), "candidates (1) + one table (1)");
        });
    }

    [Test]
    public void Preferences_filter_people_posts_events_and_own_changes_without_extra_requests()
    {
        var account = _w.Account("Contoso");
        _w.Follow(_w.Ben, "account", account);
        _w.Env.SystemService.Create(new Entity("rapport_feedconfig") { ["rapport_name"] = "Accounts", ["rapport_table"] = "account", ["rapport_trackedcolumns"] = "name", ["rapport_events"] = "update", ["rapport_active"] = true });
        _w.As(_w.Ana).Update(new Entity("account", account) { ["name"] = "Contoso (Ana)" });
        _w.As(_w.Ben).Update(new Entity("account", account) { ["name"] = "Contoso (Ben)" });
        _w.Post(_w.Ana, "account", account, "Ana says hi");
        _w.Post(_w.Ben, "account", account, "Ben says hi");

        var byDefault = Texts(_w.Feed(_w.Ben));
        var preference = _w.As(_w.Ben).Create(new Entity("rapport_feedpreference") { ["rapport_name"] = "mine", ["rapport_events"] = "create", ["rapport_userposts"] = false });
        var cost = Cost(() => _w.Feed(_w.Ben), out var quiet);
        _w.As(_w.Ben).Update(new Entity("rapport_feedpreference", preference) { ["rapport_events"] = "all", ["rapport_userposts"] = true, ["rapport_showownchanges"] = true });
        var everything = Texts(_w.Feed(_w.Ben));

        Assert.Multiple(() =>
        {
            Assert.That(byDefault, Has.Length.EqualTo(3));
            Assert.That(byDefault.Count(t => t.Contains("to Contoso (Ben)", StringComparison.Ordinal)), Is.Zero, "own changes are not echoed by default");
            Assert.That(byDefault.Count(t => t.Contains("to Contoso (Ana)", StringComparison.Ordinal)), Is.EqualTo(1), "Ana's change shows");
            Assert.That(everything.Count(t => t.Contains("to Contoso (Ben)", StringComparison.Ordinal)), Is.EqualTo(1), "shown once asked for");
            Assert.That(Texts(quiet), Is.EqualTo(new[] { "Ben says hi" }), "no people's posts but his own; no update events");
            Assert.That(cost, Is.LessThanOrEqualTo(2), "the preference rides on the candidate query");
            Assert.That(everything, Has.Length.EqualTo(4));
        });
    }

    [Test]
    public void Feed_items_carry_the_latest_three_comments_without_extra_requests()
    {
        var account = _w.Account("Contoso");
        _w.Follow(_w.Ben, "account", account);
        var post = _w.Post(_w.Ana, "account", account, "news");
        var comments = new List<Guid>();
        for (var i = 1; i <= 5; i++)
        {
            _w.Env.Clock.Advance(TimeSpan.FromMinutes(1));
            comments.Add(_w.As(i % 2 == 0 ? _w.Ben : _w.Ana).Create(new Entity("rapport_comment") { ["rapport_postid"] = new EntityReference("rapport_post", post), ["rapport_text"] = "c" + i }));
        }

        _w.Feed(_w.Ben); // creates the token secret
        var cost = Cost(() => _w.Feed(_w.Ben), out var page);
        var item = Items(page).Single();
        _w.As(_w.Ana).Delete("rapport_comment", comments[4]);
        var afterDelete = Items(_w.Feed(_w.Ben)).Single();

        string[] Latest(JsonElement e) => e.GetProperty("latestComments").EnumerateArray().Select(c => c.GetProperty("text").GetString()!).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Latest(item), Is.EqualTo(new[] { "c3", "c4", "c5" }), "newest three, in reading order");
            Assert.That(item.GetProperty("commentCount").GetInt32(), Is.EqualTo(5));
            Assert.That(item.GetProperty("latestComments")[1].GetProperty("author").GetProperty("name").GetString(), Is.EqualTo("Ben Okafor"));
            Assert.That(cost, Is.LessThanOrEqualTo(2));
            Assert.That(Latest(afterDelete), Is.EqualTo(new[] { "c2", "c3", "c4" }), "an older comment moves up");
            Assert.That(afterDelete.GetProperty("commentCount").GetInt32(), Is.EqualTo(4));
        });
    }

    [Test]
    public void Auto_posts_use_the_admins_labels_and_the_platforms_formatted_values()
    {
        var account = _w.Env.SystemService.Create(new Entity("account") { ["name"] = "Contoso", ["industrycode"] = new OptionSetValue(1) });
        _w.Env.SystemService.Create(new Entity("rapport_feedconfig")
        {
            ["rapport_name"] = "Accounts",
            ["rapport_table"] = "account",
            ["rapport_trackedcolumns"] = "name,industrycode",
            ["rapport_events"] = "update",
            ["rapport_active"] = true,
            ["rapport_columnlabels"] = "name=Account Name; industrycode=Industry; industrycode.6=Consulting services; @table=Organisation",
        });

        _w.As(_w.Ana).Update(new Entity("account", account) { ["name"] = "Contoso Ltd", ["industrycode"] = new OptionSetValue(6) });

        var post = _w.Rows("rapport_post").Single();
        var text = (string)post["rapport_text"]!;
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Account Name changed from Contoso to Contoso Ltd"));
            Assert.That(text, Does.Contain("Industry changed from Accounting to Consulting services"), "old: the image's formatted value; new: the admin's option label");
            Assert.That(text, Does.Not.Contain("industrycode"));
        });
        _w.Refused(() => _w.Env.SystemService.Create(new Entity("rapport_feedconfig") { ["rapport_name"] = "x", ["rapport_table"] = "contact", ["rapport_trackedcolumns"] = "lastname", ["rapport_columnlabels"] = "lastname" }), "column=Label");
    }

    [Test]
    public void Digest_covers_the_period_and_only_what_the_user_may_read()
    {
        var open = _w.Account("Open");
        var hidden = _w.Account("Hidden");
        _w.Follow(_w.Ben, "account", open);
        _w.Follow(_w.Ben, "account", hidden);
        _w.Post(_w.Ana, "account", open, "before the period");
        _w.Env.Clock.Advance(TimeSpan.FromDays(2));
        var from = _w.Env.Clock.UtcNow;
        _w.Post(_w.Ana, "account", open, "in the period <b>one</b>");
        _w.Post(_w.Ana, "account", hidden, "secret");
        _w.Env.Clock.Advance(TimeSpan.FromHours(1));
        _w.Post(_w.Ana, "account", open, "in the period two");
        _w.Policy.Deny(_w.Ben, hidden);
        var to = _w.Env.Clock.UtcNow.AddMinutes(1);

        var digest = _w.Call(_w.Ben, "rapport_GetFeedDigest", ("From", from), ("To", to));

        Assert.Multiple(() =>
        {
            Assert.That(digest["ItemCount"], Is.EqualTo(2));
            Assert.That((string)digest["Html"]!, Does.Contain("in the period &lt;b&gt;one&lt;/b&gt;").And.Not.Contain("secret").And.Not.Contain("before the period"));
            Assert.That((string)digest["PlainText"]!, Does.Contain("in the period two"));
            Assert.That((string)digest["Subject"]!, Does.Contain("2 updates"));
        });
        _w.Refused(() => _w.Call(_w.Ana, "rapport_GetFeedDigest", ("UserId", _w.Ben.ToString()), ("From", from), ("To", to)), "System Administrator");
        var admin = _w.Env.CreateUser("Admin");
        _w.Env.Security.AssignRoles(admin, EmulatorSecurity.SystemAdministrator);
        _w.Env.AccessPolicy = _w.Policy;
        Assert.That(_w.Call(admin, "rapport_GetFeedDigest", ("UserId", _w.Ben.ToString()), ("From", from), ("To", to))["ItemCount"], Is.EqualTo(2), "an administrator builds Ben's digest, trimmed to Ben's access");
    }
}
