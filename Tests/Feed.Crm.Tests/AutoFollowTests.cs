using System;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Rapport.Feed.Crm.Tests;

public sealed class AutoFollowTests
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

    private Guid Rule(string json) => _w.Env.SystemService.Create(new Entity("rapport_autofollowrule") { ["rapport_name"] = "rule", ["rapport_rule"] = json, ["rapport_active"] = true });

    private string[] Followers(Guid account) => _w.Rows("rapport_follow", "rapport_regardingid", account.ToString())
        .Select(f => f.GetAttributeValue<string>("rapport_followerid") ?? string.Empty).OrderBy(x => x, StringComparer.Ordinal).ToArray();

    private static string[] Ids(params Guid[] ids) => ids.Select(i => i.ToString()).OrderBy(x => x, StringComparer.Ordinal).ToArray();

    [Test]
    public void Owner_and_team_rules_follow_new_and_reassigned_records_without_duplicates()
    {
        Rule("{\"rule\":\"ownerFollowsOwnRecords\",\"table\":\"account\"}");
        Rule($"{{\"rule\":\"teamMembersFollow\",\"table\":\"account\",\"team\":\"{_majorGifts}\",\"when\":\"revenue gt 10000\"}}");

        var big = _w.As(_carol).Create(new Entity("account") { ["name"] = "Big donor", ["revenue"] = new Money(25_000m) });
        var small = _w.As(_carol).Create(new Entity("account") { ["name"] = "Small donor", ["revenue"] = new Money(500m) });
        var bigAfterCreate = Followers(big);
        var smallAfterCreate = Followers(small);

        _w.Env.SystemService.Execute(new OrganizationRequest("Assign") { ["Target"] = new EntityReference("account", big), ["Assignee"] = new EntityReference("systemuser", _w.Ana) });
        _w.Env.SystemService.Execute(new OrganizationRequest("Assign") { ["Target"] = new EntityReference("account", small), ["Assignee"] = new EntityReference("systemuser", _w.Ben) });

        Assert.Multiple(() =>
        {
            Assert.That(bigAfterCreate, Is.EqualTo(Ids(_carol, _w.Ana, _w.Ben)), "owner + team members (gift over 10,000)");
            Assert.That(smallAfterCreate, Is.EqualTo(Ids(_carol)), "the condition does not hold: owner only");
            Assert.That(Followers(big), Is.EqualTo(Ids(_carol, _w.Ana, _w.Ben)), "Ana already followed: no duplicate on assign");
            Assert.That(Followers(small), Is.EqualTo(Ids(_carol, _w.Ben)), "the new owner follows");
        });
    }

    [Test]
    public void Member_who_cannot_read_the_record_gets_no_follow()
    {
        Rule($"{{\"rule\":\"teamMembersFollow\",\"table\":\"account\",\"team\":\"{_majorGifts}\"}}");
        var id = Guid.NewGuid();
        _w.Policy.Deny(_w.Ben, id);

        _w.Env.SystemService.Create(new Entity("account", id) { ["name"] = "Private" });

        Assert.That(Followers(id), Is.EqualTo(Ids(_w.Ana)));
    }

    [Test]
    public void Deactivating_a_rule_removes_its_steps_and_invalid_rules_are_refused()
    {
        var rule = Rule("{\"rule\":\"ownerFollowsOwnRecords\",\"table\":\"account\"}");
        _w.Env.SystemService.Update(new Entity("rapport_autofollowrule", rule) { ["rapport_active"] = false });
        var account = _w.As(_carol).Create(new Entity("account") { ["name"] = "After deactivation" });

        Assert.That(Followers(account), Is.Empty);
        _w.Refused(() => Rule("{\"rule\":\"teamMembersFollow\",\"table\":\"account\"}"), "needs \"team\"");
        _w.Refused(() => Rule($"{{\"rule\":\"teamMembersFollow\",\"table\":\"account\",\"team\":\"{_majorGifts}\",\"when\":\"nosuchcolumn gt 1\"}}"), "has no column 'nosuchcolumn'");
        _w.Refused(() => Rule("{\"rule\":\"ownerFollowsOwnRecords\",\"table\":\"nosuchtable\"}"), "no table named 'nosuchtable'");
    }
}
