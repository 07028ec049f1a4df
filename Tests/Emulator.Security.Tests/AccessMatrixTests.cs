using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Solution.Model;
using static Rapport.Emulator.Security.Tests.RowOwner;
using static Rapport.Solution.Model.PrivilegeDepth;
using static Rapport.Solution.Model.PrivilegeType;
using AR = Rapport.Emulator.Security.AccessRights;

namespace Rapport.Emulator.Security.Tests;

/// <summary>
/// Role depth × ownership × sharing × operation, each asserting Dataverse's outcome. Ann (Sales) holds the tested
/// privilege on account at the given depth, plus at Organization depth whatever else the operation needs (Read for
/// Assign and Share, Write and AppendTo for setting a lookup, contact privileges for pointing a contact at the row).
/// </summary>
public sealed class AccessMatrixTests
{
    private static readonly AccessCase[] Matrix =
    [
        // Read: every depth against every owner.
        new(Read, Basic, Self, true), new(Read, Basic, SameUnitColleague, false), new(Read, Basic, ChildUnitUser, false),
        new(Read, Basic, ParentUnitUser, false), new(Read, Basic, OtherUnitUser, false), new(Read, Basic, OwnTeam, true),
        new(Read, Local, Self, true), new(Read, Local, SameUnitColleague, true), new(Read, Local, ChildUnitUser, false),
        new(Read, Local, ParentUnitUser, false), new(Read, Local, OtherUnitUser, false), new(Read, Local, OwnTeam, true),
        new(Read, Deep, Self, true), new(Read, Deep, SameUnitColleague, true), new(Read, Deep, ChildUnitUser, true),
        new(Read, Deep, ParentUnitUser, false), new(Read, Deep, OtherUnitUser, false), new(Read, Deep, OwnTeam, true),
        new(Read, Global, Self, true), new(Read, Global, SameUnitColleague, true), new(Read, Global, ChildUnitUser, true),
        new(Read, Global, ParentUnitUser, true), new(Read, Global, OtherUnitUser, true), new(Read, Global, OwnTeam, true),
        new(Read, null, Self, false), new(Read, null, SameUnitColleague, false), new(Read, null, ChildUnitUser, false),
        new(Read, null, ParentUnitUser, false), new(Read, null, OtherUnitUser, false), new(Read, null, OwnTeam, false),

        new(Write, Basic, Self, true), new(Write, Basic, SameUnitColleague, false), new(Write, Local, SameUnitColleague, true),
        new(Write, Local, ChildUnitUser, false), new(Write, Deep, ChildUnitUser, true), new(Write, Deep, ParentUnitUser, false),
        new(Write, Global, OtherUnitUser, true), new(Write, null, Self, false),

        new(Delete, Basic, Self, true), new(Delete, Basic, OwnTeam, true), new(Delete, Basic, SameUnitColleague, false),
        new(Delete, Local, OtherUnitUser, false), new(Delete, Deep, ChildUnitUser, true), new(Delete, Global, ParentUnitUser, true),

        new(Assign, Basic, Self, true), new(Assign, Basic, SameUnitColleague, false), new(Assign, Local, SameUnitColleague, true),
        new(Assign, Deep, OtherUnitUser, false), new(Assign, null, Self, false),

        new(Share, Basic, Self, true), new(Share, Basic, SameUnitColleague, false), new(Share, Global, OtherUnitUser, true),
        new(Share, null, Self, false),

        new(Append, Basic, Self, true), new(Append, Basic, SameUnitColleague, false), new(Append, Local, SameUnitColleague, true),
        new(Append, null, Self, false),

        new(AppendTo, Basic, Self, true), new(AppendTo, Basic, SameUnitColleague, false), new(AppendTo, Deep, ChildUnitUser, true),
        new(AppendTo, Global, OtherUnitUser, true), new(AppendTo, null, Self, false),

        // Sharing reaches a row the depth does not, with that right only, and only with the privilege held at some depth.
        new(Read, Basic, OtherUnitUser, true, AR.ReadAccess), new(Read, Basic, OtherUnitUser, false, AR.WriteAccess),
        new(Read, null, OtherUnitUser, false, AR.ReadAccess), new(Read, Basic, OtherUnitUser, true, AR.ReadAccess, SharedWithTeam: true),
        new(Read, Local, ChildUnitUser, true, AR.ReadAccess), new(Write, Basic, OtherUnitUser, true, AR.WriteAccess),
        new(Write, Basic, OtherUnitUser, false, AR.ReadAccess), new(Delete, Basic, SameUnitColleague, true, AR.DeleteAccess),
        new(Assign, Basic, SameUnitColleague, true, AR.AssignAccess), new(AppendTo, Basic, OtherUnitUser, true, AR.AppendToAccess),
        new(Share, Basic, OtherUnitUser, true, AR.ShareAccess),
    ];

    public static IEnumerable<TestCaseData> Cases() => Matrix.Select(c => new TestCaseData(c).SetName(c.Name));

    [Test]
    public void Matrix_has_at_least_forty_distinct_cases() =>
        Assert.That(Matrix.Select(c => c.Name).Distinct().Count(), Is.EqualTo(Matrix.Length).And.GreaterThanOrEqualTo(40));

    [TestCaseSource(nameof(Cases))]
    public void Outcome_matches_Dataverse(AccessCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var world = new SecurityWorld();
        var privileges = Supporting(c.Operation).ToList();
        if (c.Depth is { } depth)
        {
            privileges.Add(("account", c.Operation, depth));
        }

        world.GiveAnn([.. privileges]);
        var row = world.Account(c.Owner);
        if (c.Shared != AR.None)
        {
            world.Share("account", row, c.SharedWithTeam ? new EntityReference("team", world.SupportTeam) : new EntityReference("systemuser", world.Ann), c.Shared);
        }

        var act = Operation(world, c.Operation, row, out var effect);
        var before = world.Env.Store.Snapshot();
        var denial = SecurityWorld.Denial(act);

        if (c.Allowed)
        {
            Assert.That(denial?.Message, Is.Null);
            Assert.That(effect(), Is.True, "the operation's effect is visible");
        }
        else
        {
            Assert.That(denial, Is.Not.Null, "PrivilegeDenied expected");
            var expected = c.Depth is null ? $"is missing prv{c.Operation}account privilege" : $"does not have {AccessRightsOf.Privilege(c.Operation)} right(s) for record with Id = {row:D}";
            Assert.That(denial!.Message, Does.Contain(expected).And.Contain(world.Ann.ToString("D")));
            Assert.That(world.Env.Store.Snapshot(), Is.EqualTo(before), "a denied request leaves the store unchanged");
        }
    }

    private static IEnumerable<(string, PrivilegeType, PrivilegeDepth)> Supporting(PrivilegeType operation) => operation switch
    {
        Assign or Share => [("account", Read, Global)],
        Append => [("account", Write, Global), ("account", AppendTo, Global)],
        AppendTo => [("contact", Write, Global), ("contact", Append, Global)],
        _ => [],
    };

    /// <summary>The request that exercises the privilege on the row, as Ann, and how to see that it took effect.</summary>
    private static Action Operation(SecurityWorld world, PrivilegeType operation, Guid row, out Func<bool> effect)
    {
        var ann = world.AsAnn;
        var target = new EntityReference("account", row);
        Entity Stored() => world.System.Retrieve("account", row, new ColumnSet(true));
        switch (operation)
        {
            case Read:
                effect = () => ann.RetrieveMultiple(new QueryExpression("account")).Entities.Any(e => e.Id == row);
                return () => ann.Retrieve("account", row, new ColumnSet("name"));
            case Write:
                effect = () => Stored().GetAttributeValue<string>("name") == "Renamed";
                return () => ann.Update(new Entity("account", row) { ["name"] = "Renamed" });
            case Delete:
                effect = () => world.Env.Store.Find("account", row) is null;
                return () => ann.Delete("account", row);
            case Assign:
                effect = () => Stored().GetAttributeValue<EntityReference>("ownerid")?.Id == world.Pia;
                return () => ann.Execute(new OrganizationRequest("Assign") { ["Target"] = target, ["Assignee"] = new EntityReference("systemuser", world.Pia) });
            case Share:
                effect = () => world.Env.Store.Rows("principalobjectaccess").Any(s => s["objectid"] is Guid id && id == row && s["principalid"] is Guid p && p == world.Bob);
                return () => ann.Execute(new OrganizationRequest("GrantAccess")
                {
                    ["Target"] = target,
                    ["Principal"] = new EntityReference("systemuser", world.Bob),
                    ["AccessMask"] = AR.ReadAccess,
                });
            case Append:
                var parent = world.Account(Self, "Parent");
                effect = () => Stored().GetAttributeValue<EntityReference>("parentaccountid")?.Id == parent;
                return () => ann.Update(new Entity("account", row) { ["parentaccountid"] = new EntityReference("account", parent) });
            case AppendTo:
                var contact = world.System.Create(new Entity("contact") { ["lastname"] = "Lee", ["ownerid"] = new EntityReference("systemuser", world.Ann) });
                effect = () => world.System.Retrieve("contact", contact, new ColumnSet("parentcustomerid")).GetAttributeValue<EntityReference>("parentcustomerid")?.Id == row;
                return () => ann.Update(new Entity("contact", contact) { ["parentcustomerid"] = target });
            default:
                throw new ArgumentOutOfRangeException(nameof(operation));
        }
    }
}
