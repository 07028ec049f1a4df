using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Domain.Feed;

namespace Rapport.Feed.Tests;

public sealed class AutoFollowTargetRuleTests
{
    private static readonly Guid Dana = new("d0000000-0000-4000-8000-000000000001");
    private static readonly Guid Eve = new("d0000000-0000-4000-8000-000000000002");
    private static readonly Guid North = new("b0000000-0000-4000-8000-000000000001");

    /// <summary>A directory over fixed data: Ben's manager is Dana, hers Eve; North's fundraising managers are Ana and Cleo.</summary>
    private sealed class Directory : IAutoFollowDirectory
    {
        private readonly Dictionary<Guid, Guid> _manager = new() { [Ids.Ben] = Dana, [Dana] = Eve };

        public List<string> Calls { get; } = new();

        public IEnumerable<Guid> TeamMembers(Guid teamId) => Array.Empty<Guid>();

        public IEnumerable<Guid> Managers(Guid userId, int levels)
        {
            Calls.Add("managers " + levels);
            for (var i = 0; i < levels && _manager.TryGetValue(userId, out var m); i++)
            {
                yield return userId = m;
            }
        }

        public IEnumerable<Guid> RoleHolders(Guid businessUnitId, string role)
        {
            Calls.Add("role " + role);
            return businessUnitId == North && role == "Fundraising Manager" ? new[] { Ids.Ana, Ids.Cleo } : Array.Empty<Guid>();
        }
    }

    private static AutoFollowSubject Deal(decimal amount, RecordRef? owner = null, Guid? unit = null, Guid? manager = null) =>
        new(Ids.BigDealRef, owner ?? Ids.BenRef, new Dictionary<string, object?>
        {
            ["rapport_amount"] = amount, ["owningbusinessunit"] = unit ?? North, ["rapport_managerid"] = manager,
        });

    private static Guid[] Followers(AutoFollowRule rule, AutoFollowSubject subject) =>
        AutoFollowEvaluator.Evaluate(new[] { rule }, subject, new Directory()).Select(f => f.FollowerId).ToArray();

    [Test]
    public void Owner_manager_rule_follows_the_chain_to_the_levels_given_and_not_for_a_team_owner()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Followers(new OwnerManagerFollows("opportunity"), Deal(1m)), Is.EqualTo(new[] { Dana }));
            Assert.That(Followers(new OwnerManagerFollows("opportunity", 3), Deal(1m)), Is.EqualTo(new[] { Dana, Eve }), "the chain ends at Eve");
            Assert.That(Followers(new OwnerManagerFollows("opportunity"), Deal(1m, new RecordRef("team", Ids.SalesTeam))), Is.Empty);
        });
    }

    [Test]
    public void Role_rule_uses_the_rows_business_unit_unless_one_is_given_and_honours_its_condition()
    {
        var when = AutoFollowCondition.Parse("rapport_amount ge 10000");
        Assert.Multiple(() =>
        {
            Assert.That(Followers(new BusinessUnitRoleFollows("opportunity", "Fundraising Manager", null, when), Deal(10_000m)), Is.EqualTo(new[] { Ids.Ana, Ids.Cleo }));
            Assert.That(Followers(new BusinessUnitRoleFollows("opportunity", "Fundraising Manager", null, when), Deal(9_999m)), Is.Empty);
            Assert.That(Followers(new BusinessUnitRoleFollows("opportunity", "Fundraising Manager", Guid.NewGuid()), Deal(1m)), Is.Empty, "a fixed other unit");
            Assert.That(Followers(new UserColumnFollows("opportunity", "rapport_managerid"), Deal(1m, manager: Dana)), Is.EqualTo(new[] { Dana }));
            Assert.That(Followers(new UserColumnFollows("opportunity", "rapport_managerid"), Deal(1m)), Is.Empty, "an empty column names no one");
        });
    }

    [Test]
    public void Columns_name_what_an_update_must_touch_and_every_rule_round_trips_through_json()
    {
        var when = AutoFollowCondition.Parse("rapport_amount gt 10000");
        var rules = new AutoFollowRule[]
        {
            new OwnerFollowsOwnRecords("opportunity") { When = when },
            new OwnerManagerFollows("opportunity", 2, when),
            new BusinessUnitRoleFollows("opportunity", "Fundraising Manager"),
            new BusinessUnitRoleFollows("opportunity", "Fundraising Manager", North, when),
            new UserColumnFollows("opportunity", "rapport_managerid"),
        };

        Assert.Multiple(() =>
        {
            Assert.That(rules[1].Columns, Is.EqualTo(new[] { "ownerid", "rapport_amount" }));
            Assert.That(rules[2].Columns, Is.EqualTo(new[] { "owningbusinessunit" }));
            Assert.That(rules[3].Columns, Is.EqualTo(new[] { "rapport_amount" }));
            Assert.That(rules[4].Columns, Is.EqualTo(new[] { "rapport_managerid" }));
            foreach (var rule in rules)
            {
                Assert.That(AutoFollowRuleJson.Read(AutoFollowRuleJson.Write(rule)), Is.EqualTo(rule), AutoFollowRuleJson.Write(rule));
            }

            Assert.That(AutoFollowRuleJson.Write(rules[1]), Is.EqualTo("{\"rule\":\"ownerManagerFollows\",\"table\":\"opportunity\",\"levels\":2,\"when\":\"rapport_amount gt 10000\"}"));
        });
    }

    [TestCase("{\"rule\":\"ownerManagerFollows\",\"table\":\"account\",\"levels\":0}", "from 1 to 5")]
    [TestCase("{\"rule\":\"ownerManagerFollows\",\"table\":\"account\",\"levels\":1.5}", "whole number")]
    [TestCase("{\"rule\":\"businessUnitRoleFollows\",\"table\":\"account\"}", "needs \"role\"")]
    [TestCase("{\"rule\":\"businessUnitRoleFollows\",\"table\":\"account\",\"role\":\"X\",\"businessUnit\":\"north\"}", "needs \"businessUnit\"")]
    [TestCase("{\"rule\":\"userColumnFollows\",\"table\":\"account\"}", "needs \"column\"")]
    public void Invalid_target_rules_are_refused_with_what_to_fix(string json, string expected)
    {
        var ex = Assert.Throws<FeedException>(() => AutoFollowRuleJson.Read(json));
        Assert.That(ex!.Message, Does.Contain(expected));
    }
}
