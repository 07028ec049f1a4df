using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Domain.Feed;

namespace Rapport.Feed.Tests;

public sealed class AutoFollowTests
{
    private static readonly Dictionary<Guid, Guid[]> Teams = new Dictionary<Guid, Guid[]> { [Ids.SalesTeam] = new[] { Ids.Ana, Ids.Ben, Ids.Cleo } };

    private static IEnumerable<Guid> Members(Guid team) => Teams.TryGetValue(team, out var m) ? m : Array.Empty<Guid>();

    private static AutoFollowSubject Deal(decimal amount, RecordRef? owner = null) =>
        new AutoFollowSubject(Ids.BigDealRef, owner ?? Ids.BenRef, new Dictionary<string, object?> { ["rapport_amount"] = amount, ["name"] = "Big deal" });

    [Test]
    public void Big_deal_makes_the_team_follow_without_duplicating_existing_follows()
    {
        var rules = new AutoFollowRule[]
        {
            new OwnerFollowsOwnRecords("opportunity"),
            new TeamMembersFollow("opportunity", Ids.SalesTeam, AutoFollowCondition.Parse("rapport_amount gt 10000")),
        };
        var existing = new[] { new Follow(Ids.Cleo, Ids.BigDealRef) };

        var follows = AutoFollowEvaluator.Evaluate(rules, Deal(12_000m), Members, existing);

        Assert.That(follows.Select(f => f.FollowerId), Is.EqualTo(new[] { Ids.Ben, Ids.Ana }));
        Assert.That(follows.All(f => f.Record.SameRecord(Ids.BigDealRef)), Is.True);
    }

    [Test]
    public void Small_deal_does_not_match_the_condition()
    {
        var rule = new TeamMembersFollow("opportunity", Ids.SalesTeam, AutoFollowCondition.Parse("rapport_amount gt 10000"));

        Assert.That(AutoFollowEvaluator.Evaluate(new[] { rule }, Deal(10_000m), Members), Is.Empty);
    }

    [Test]
    public void Rule_for_another_table_does_not_apply()
    {
        Assert.That(AutoFollowEvaluator.Evaluate(new[] { new OwnerFollowsOwnRecords("account") }, Deal(1m), Members), Is.Empty);
    }

    [Test]
    public void Team_owner_makes_its_members_follow()
    {
        var owner = new RecordRef("team", Ids.SalesTeam, "Sales");

        var follows = AutoFollowEvaluator.Evaluate(new[] { new OwnerFollowsOwnRecords("opportunity") }, Deal(1m, owner), Members);

        Assert.That(follows.Select(f => f.FollowerId), Is.EquivalentTo(new[] { Ids.Ana, Ids.Ben, Ids.Cleo }));
    }

    [TestCase("rapport_amount ge 500", 500, true)]
    [TestCase("rapport_amount lt 500", 500, false)]
    [TestCase("rapport_amount le 500.00", 500, true)]
    [TestCase("rapport_amount ne 1", 500, true)]
    [TestCase("name eq 'big DEAL'", 0, true)]
    [TestCase("name ne 'Big deal'", 0, false)]
    [TestCase("description eq null", 0, true)]
    [TestCase("name eq null", 0, false)]
    [TestCase("rapport_amount gt abc", 500, false)]
    public void Condition_compares_by_the_value_type(string condition, int amount, bool expected)
    {
        var values = new Dictionary<string, object?> { ["rapport_amount"] = (decimal)amount, ["name"] = "Big deal", ["description"] = null };

        Assert.That(AutoFollowCondition.Parse(condition).Matches(values), Is.EqualTo(expected));
    }

    [Test]
    public void Conditions_on_option_values_dates_yes_no_and_lookups()
    {
        var values = new Dictionary<string, object?>
        {
            ["statuscode"] = 3,
            ["estimatedclosedate"] = new DateTime(2026, 12, 31, 0, 0, 0, DateTimeKind.Utc),
            ["rapport_major"] = true,
            ["parentaccountid"] = Ids.Contoso,
        };

        Assert.That(AutoFollowCondition.Parse("statuscode eq 3").Matches(values), Is.True);
        Assert.That(AutoFollowCondition.Parse("estimatedclosedate lt 2027-01-01").Matches(values), Is.True);
        Assert.That(AutoFollowCondition.Parse("rapport_major eq true").Matches(values), Is.True);
        Assert.That(AutoFollowCondition.Parse($"parentaccountid eq {Ids.Contoso}").Matches(values), Is.True);
        Assert.That(AutoFollowCondition.Parse($"parentaccountid ne {Ids.Contoso}").Matches(values), Is.False);
    }

    [Test]
    public void Rule_round_trips_through_its_stored_json()
    {
        var rule = new TeamMembersFollow("opportunity", Ids.SalesTeam, AutoFollowCondition.Parse("name eq 'O''Brien deal'"));

        var json = AutoFollowRuleJson.Write(rule);
        var back = AutoFollowRuleJson.Read(json);

        Assert.That(json, Is.EqualTo("{\"rule\":\"teamMembersFollow\",\"table\":\"opportunity\",\"team\":\"5a1e5000-0000-4000-8000-000000000001\",\"when\":\"name eq \\u0027O\\u0027\\u0027Brien deal\\u0027\"}"));
        Assert.That(back, Is.EqualTo(rule));
        Assert.That(AutoFollowRuleJson.Read(AutoFollowRuleJson.Write(new OwnerFollowsOwnRecords("account"))), Is.EqualTo(new OwnerFollowsOwnRecords("account")));
    }

    [TestCase("{\"rule\":\"everyoneFollows\",\"table\":\"account\"}", "Unknown auto-follow rule 'everyoneFollows'")]
    [TestCase("{\"rule\":\"teamMembersFollow\",\"table\":\"account\"}", "needs \"team\"")]
    [TestCase("{\"rule\":\"ownerFollowsOwnRecords\",\"table\":\"Not A Table\"}", "'Not A Table' is not one")]
    [TestCase("{\"rule\":\"teamMembersFollow\",\"table\":\"account\",\"team\":\"5a1e5000-0000-4000-8000-000000000001\",\"when\":\"revenue between 1 2\"}", "'between' is not an operator")]
    [TestCase("{\"rule\":\"teamMembersFollow\",\"table\":\"account\",\"team\":\"5a1e5000-0000-4000-8000-000000000001\",\"when\":\"name eq Big deal\"}", "in single quotes")]
    [TestCase("{rule:1}", "not valid JSON")]
    public void Invalid_stored_rule_is_refused_with_what_to_fix(string json, string expected)
    {
        var ex = Assert.Throws<FeedException>(() => AutoFollowRuleJson.Read(json));

        Assert.That(ex!.Error, Is.EqualTo(FeedError.InvalidRule));
        Assert.That(ex.Message, Does.Contain(expected));
    }

    [Test]
    public void Condition_on_an_unknown_column_fails_validation()
    {
        var rule = new TeamMembersFollow("opportunity", Ids.SalesTeam, AutoFollowCondition.Parse("rapport_amont gt 1"));

        Assert.That(() => rule.Validate(new[] { "rapport_amount" }), Throws.TypeOf<FeedException>().With.Message.Contains("'rapport_amont'"));
        Assert.That(() => rule.Validate(new[] { "rapport_amont" }), Throws.Nothing);
    }
}
