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
        void Associate() => world.AsAnn.Associate("account", account, new Relationship("account_contact_parentcustomerid"), [new EntityReference("contact", contact)]);

        Assert.That(SecurityWorld.Denial(Associate)?.Message, Does.Contain("is missing prvAppendToaccount privilege"));

        world.Security.CreateRole("Account append-to", ("account", AppendTo, Local));
        world.Security.AssignRoles(world.Ann, "Account append-to");

        Assert.That(SecurityWorld.Denial(Associate), Is.Null);
    }

    [Test]
    public void Associating_through_a_many_to_many_relationship_checks_Append_on_the_target_and_AppendTo_on_the_related_row()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("team", Append, Global));
        void AddBobToTeam() => world.AsAnn.Associate("team", world.SupportTeam, new Relationship("teammembership_association"), [new EntityReference("systemuser", world.Bob)]);

        Assert.That(SecurityWorld.Denial(AddBobToTeam)?.Message, Does.Contain("is missing prvAppendTosystemuser privilege"));

        world.Security.CreateRole("User append-to", ("systemuser", AppendTo, Global));
        world.Security.AssignRoles(world.Ann, "User append-to");

        Assert.That(SecurityWorld.Denial(AddBobToTeam), Is.Null);
    }

    private static Entity Contact(System.Guid account) =>
        new("contact") { ["lastname"] = "Lee", ["parentcustomerid"] = new EntityReference("account", account) };
}
