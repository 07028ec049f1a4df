using System.Linq;
using Microsoft.Xrm.Sdk;
using static Rapport.Solution.Model.PrivilegeDepth;
using static Rapport.Solution.Model.PrivilegeType;

namespace Rapport.Emulator.Security.Tests;

/// <summary>Setting a lookup needs Append on the row that holds it and AppendTo on the row it points to.</summary>
public sealed class LookupPrivilegeTests
{
    [Test]
    public void Creating_a_contact_under_an_account_needs_AppendTo_on_the_account()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("contact", Create, Basic), ("contact", Append, Basic));
        var account = world.Account(RowOwner.Self);
        var before = world.Env.Store.Snapshot();

        var fault = SecurityWorld.Denial(() => world.AsAnn.Create(Contact(account)));

        Assert.That(fault?.Message, Does.Contain("is missing prvAppendToaccount privilege"));
        Assert.That(world.Env.Store.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void Creating_a_contact_under_an_account_needs_Append_on_contact()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("contact", Create, Basic), ("account", AppendTo, Basic));
        var account = world.Account(RowOwner.Self);

        var fault = SecurityWorld.Denial(() => world.AsAnn.Create(Contact(account)));

        Assert.That(fault?.Message, Does.Contain("is missing prvAppendcontact privilege"));
    }

    [Test]
    public void With_Append_and_AppendTo_the_lookup_is_set()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("contact", Create, Basic), ("contact", Append, Basic), ("account", AppendTo, Basic));
        var account = world.Account(RowOwner.Self);

        var id = world.AsAnn.Create(Contact(account));

        Assert.That(world.Env.Store.Find("contact", id)?["parentcustomerid"], Is.EqualTo(new EntityReference("account", account)));
    }

    [Test]
    public void AppendTo_at_Basic_does_not_reach_a_colleagues_account()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("contact", Create, Basic), ("contact", Append, Basic), ("account", AppendTo, Basic));
        var account = world.Account(RowOwner.SameUnitColleague);

        var fault = SecurityWorld.Denial(() => world.AsAnn.Create(Contact(account)));

        Assert.That(fault?.Message, Does.Contain($"does not have AppendToAccess right(s) for record with Id = {account:D} of entity account"));
    }

    [Test]
    public void Associating_through_a_one_to_many_relationship_checks_Append_and_AppendTo()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("contact", Read, Basic), ("contact", Write, Basic), ("contact", Append, Basic));
        var account = world.Account(RowOwner.Self);
        var contact = world.System.Create(new Entity("contact") { ["lastname"] = "Lee", ["ownerid"] = new EntityReference("systemuser", world.Ann) });
        void Associate() => world.AsAnn.Associate("account", account, new Relationship("contact_customer_accounts"), [new EntityReference("contact", contact)]);

        Assert.That(SecurityWorld.Denial(Associate)?.Message, Does.Contain("is missing prvAppendToaccount privilege"));

        world.Security.CreateRole("Account append-to", ("account", AppendTo, Local));
        world.Security.AssignRoles(world.Ann, "Account append-to");

        Assert.That(SecurityWorld.Denial(Associate), Is.Null);
    }

    // "For many-to-many relationships, you must have Append privilege for both tables being associated or
    // disassociated." learn.microsoft.com/power-platform/admin/security-roles-privileges
    [Test]
    public void Associating_through_a_many_to_many_relationship_needs_Append_on_both_tables()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("team", Append, Global), ("systemuser", AppendTo, Global));
        void AddBobToTeam() => world.AsAnn.Associate("team", world.SupportTeam, new Relationship("teammembership_association"), [new EntityReference("systemuser", world.Bob)]);

        var denied = SecurityWorld.Denial(AddBobToTeam);
        Assert.That(denied?.Message, Does.Contain("is missing prvAppendsystemuser privilege"), "AppendTo on the other table is not enough");
        Assert.That(denied?.ErrorCode, Is.EqualTo(-2147220960));

        world.Security.CreateRole("User append", ("systemuser", Append, Global));
        world.Security.AssignRoles(world.Ann, "User append");

        Assert.That(SecurityWorld.Denial(AddBobToTeam), Is.Null);
        Assert.That(world.Env.Store.Rows("teammembership").Count(r => r["systemuserid"] is System.Guid u && u == world.Bob), Is.EqualTo(1));
    }

    [Test]
    public void Disassociating_through_a_many_to_many_relationship_needs_Append_on_both_tables()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("systemuser", Append, Global));
        void RemoveAnnFromTeam() => world.AsAnn.Disassociate("team", world.SupportTeam, new Relationship("teammembership_association"), [new EntityReference("systemuser", world.Ann)]);

        Assert.That(SecurityWorld.Denial(RemoveAnnFromTeam)?.Message, Does.Contain("is missing prvAppendteam privilege"));

        world.Security.CreateRole("Team append", ("team", Append, Global));
        world.Security.AssignRoles(world.Ann, "Team append");

        Assert.That(SecurityWorld.Denial(RemoveAnnFromTeam), Is.Null);
    }

    private static Entity Contact(System.Guid account) =>
        new("contact") { ["lastname"] = "Lee", ["parentcustomerid"] = new EntityReference("account", account) };
}
