using System;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Rapport.Feed.Crm.Tests;

/// <summary>
/// Auto-follow rules on Update of the columns they read and on Merge, and the targets beyond owner and team: the
/// owner's manager chain (systemuser.parentsystemuserid), a business unit's holders of a role, a user column.
/// </summary>
public sealed class AutoFollowTargetTests
{
    private FeedWorld _w = null!;
    private Guid _carol;
    private Guid _majorGifts;

    [SetUp]
    public void SetUp()
    {
        _w = new FeedWorld();
        _carol = _w.Env.CreateUser("Carol Ng");
        _majorGifts = _w.Env.Security.CreateTeam("Major gifts", null, [_w.Ana, _w.Ben]);
        _w.Env.AccessPolicy = _w.Policy; // the security helpers switch the policy; keep the deny list
    }

    private void Rule(string json) => _w.Env.SystemService.Create(new Entity("rapport_autofollowrule") { ["rapport_name"] = "rule", ["rapport_rule"] = json, ["rapport_active"] = true });

    private string[] Followers(string table, Guid id) => _w.Rows("rapport_follow", "rapport_regardingid", id.ToString())
        .Where(f => f.GetAttributeValue<string>("rapport_regardingtable") == table)
        .Select(f => f.GetAttributeValue<string>("rapport_followerid") ?? string.Empty).OrderBy(x => x, StringComparer.Ordinal).ToArray();

    private static string[] Ids(params Guid[] ids) => ids.Select(i => i.ToString()).OrderBy(x => x, StringComparer.Ordinal).ToArray();

    private int AutoFollowRuns() => _w.Env.StepLog.Names.Count(n => n == "AutoFollowPlugin");

    [Test]
    public void A_gift_edited_above_the_threshold_makes_the_team_follow_and_an_edit_of_another_column_runs_nothing()
    {
        Rule($"{{\"rule\":\"teamMembersFollow\",\"table\":\"account\",\"team\":\"{_majorGifts}\",\"when\":\"revenue gt 10000\"}}");
        var donor = _w.As(_carol).Create(new Entity("account") { ["name"] = "Small donor", ["revenue"] = new Money(500m) });
        var afterCreate = Followers("account", donor);

        var runs = AutoFollowRuns();
        _w.As(_carol).Update(new Entity("account", donor) { ["name"] = "Renamed donor" });
        var runsOnRename = AutoFollowRuns() - runs;
        int requests;
        using (var scope = _w.Env.Metrics.BeginScope())
        {
            _w.As(_carol).Update(new Entity("account", donor) { ["revenue"] = new Money(25_000m) });
            requests = scope.Requests.Count(r => r.Depth == 2 && r.Table is "rapport_follow" or "teammembership" or "account");
            TestContext.Out.WriteLine(string.Join("; ", scope.Requests));
        }

        Assert.Multiple(() =>
        {
            Assert.That(afterCreate, Is.Empty);
            Assert.That(runsOnRename, Is.Zero, "the step is filtered on the columns the rules read");
            Assert.That(Followers("account", donor), Is.EqualTo(Ids(_w.Ana, _w.Ben)));
            // existing follows (1) + team members (1) + per new follower: access check as them and Create (2 × 2)
            Assert.That(requests, Is.EqualTo(6));
        });
    }

    [Test]
    public void The_owners_managers_follow_up_to_the_levels_the_rule_names()
    {
        var dana = _w.Env.CreateUser("Dana Park");
        var eve = _w.Env.CreateUser("Eve Moss");
        var top = _w.Env.CreateUser("Fay Top");
        _w.Env.SystemService.Update(new Entity("systemuser", _carol) { ["parentsystemuserid"] = new EntityReference("systemuser", dana) });
        _w.Env.SystemService.Update(new Entity("systemuser", dana) { ["parentsystemuserid"] = new EntityReference("systemuser", eve) });
        _w.Env.SystemService.Update(new Entity("systemuser", eve) { ["parentsystemuserid"] = new EntityReference("systemuser", top) });
        Rule("{\"rule\":\"ownerManagerFollows\",\"table\":\"account\",\"levels\":2}");

        int queries;
        Guid gift;
        using (var scope = _w.Env.Metrics.BeginScope())
        {
            gift = _w.As(_carol).Create(new Entity("account") { ["name"] = "Legacy gift" });
            queries = scope.Requests.Count(r => r.Depth == 2 && r.Table == "systemuser" && r.Message == "RetrieveMultiple");
        }

        var afterCreate = Followers("account", gift);
        _w.Env.SystemService.Execute(new OrganizationRequest("Assign") { ["Target"] = new EntityReference("account", gift), ["Assignee"] = new EntityReference("systemuser", dana) });

        Assert.Multiple(() =>
        {
            Assert.That(afterCreate, Is.EqualTo(Ids(dana, eve)), "manager and manager's manager, not three levels up");
            Assert.That(queries, Is.EqualTo(1), "the whole chain in one query");
            Assert.That(Followers("account", gift), Is.EqualTo(Ids(dana, eve, top)), "reassigned to Dana: her two levels are Eve and Fay");
        });
    }

    [Test]
    public void Holders_of_a_role_in_the_owners_business_unit_follow_and_a_user_column_names_a_follower()
    {
        var north = _w.Env.Security.CreateBusinessUnit("North");
        _w.Env.Security.CreateRole("Fundraising Manager");
        var frank = _w.Env.Security.CreateUser("Frank North", north, "Fundraising Manager");
        var gina = _w.Env.Security.CreateUser("Gina North", north);
        var hal = _w.Env.Security.CreateUser("Hal Root", null, "Fundraising Manager");
        var ivy = _w.Env.Security.CreateUser("Ivy North", north);
        _w.Env.AccessPolicy = _w.Policy;
        Rule("{\"rule\":\"businessUnitRoleFollows\",\"table\":\"account\",\"role\":\"Fundraising Manager\"}");
        Rule("{\"rule\":\"userColumnFollows\",\"table\":\"contact\",\"column\":\"createdby\"}");

        var donor = _w.As(ivy).Create(new Entity("account") { ["name"] = "Northern donor" });
        var contact = _w.As(gina).Create(new Entity("contact") { ["lastname"] = "Ahmed" });

        Assert.Multiple(() =>
        {
            Assert.That(Followers("account", donor), Is.EqualTo(Ids(frank)), "North's role holder; not Hal (root unit), not Gina (no role)");
            Assert.That(Followers("contact", contact), Is.EqualTo(Ids(gina)), "the user in the createdby column");
        });
        _w.Refused(() => Rule("{\"rule\":\"businessUnitRoleFollows\",\"table\":\"account\",\"role\":\"No Such Role\"}"), "no security role named 'No Such Role'");
        _w.Refused(() => Rule("{\"rule\":\"userColumnFollows\",\"table\":\"account\",\"column\":\"rapport_nosuchuser\"}"), "has no column 'rapport_nosuchuser'");
        _w.Refused(() => Rule("{\"rule\":\"ownerManagerFollows\",\"table\":\"account\",\"levels\":9}"), "\"levels\" from 1 to 5");
    }

    [Test]
    public void Merging_evaluates_the_rules_on_the_survivor()
    {
        var dana = _w.Env.CreateUser("Dana Park");
        _w.Env.SystemService.Update(new Entity("systemuser", _carol) { ["parentsystemuserid"] = new EntityReference("systemuser", dana) });
        var survivor = _w.Account("Kept donor");
        var merged = _w.Account("Duplicate donor");
        _w.Env.SystemService.Execute(new OrganizationRequest("Assign") { ["Target"] = new EntityReference("account", survivor), ["Assignee"] = new EntityReference("systemuser", _carol) });
        Rule("{\"rule\":\"ownerManagerFollows\",\"table\":\"account\"}");

        _w.Env.SystemService.Execute(new OrganizationRequest("Merge")
        {
            ["Target"] = new EntityReference("account", survivor),
            ["SubordinateId"] = merged,
            ["UpdateContent"] = new Entity("account"),
            ["PerformParentingChecks"] = false,
        });

        Assert.That(Followers("account", survivor), Is.EqualTo(Ids(dana)));
    }
}
