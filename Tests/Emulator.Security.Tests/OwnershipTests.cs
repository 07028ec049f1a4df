using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using static Rapport.Solution.Model.PrivilegeDepth;
using static Rapport.Solution.Model.PrivilegeType;

namespace Rapport.Emulator.Security.Tests;

public sealed class OwnershipTests
{
    [Test]
    public void Assign_moves_the_row_to_the_new_owners_business_unit()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("account", Read, Local), ("account", Assign, Local));
        var row = world.Account(RowOwner.Self);

        world.AsAnn.Execute(new OrganizationRequest("Assign") { ["Target"] = new EntityReference("account", row), ["Assignee"] = new EntityReference("systemuser", world.Dee) });

        var stored = world.System.Retrieve("account", row, new ColumnSet("owningbusinessunit", "ownerid"));
        Assert.That(stored.GetAttributeValue<EntityReference>("owningbusinessunit")?.Id, Is.EqualTo(world.Support));
        Assert.That(SecurityWorld.Denial(() => world.AsAnn.Retrieve("account", row, new ColumnSet("name"))), Is.Not.Null, "out of Ann's Local reach now");
    }

    [Test]
    public void Assigning_to_a_team_gives_the_row_the_teams_business_unit()
    {
        var world = new SecurityWorld();
        var row = world.Account(RowOwner.Self);

        world.System.Execute(new OrganizationRequest("Assign") { ["Target"] = new EntityReference("account", row), ["Assignee"] = new EntityReference("team", world.SupportTeam) });

        Assert.That(world.Env.Store.Find("account", row)?["owningbusinessunit"], Is.EqualTo(new EntityReference("businessunit", world.Support)));
    }

    [Test]
    public void Changing_ownerid_in_an_Update_needs_Assign()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("account", Write, Basic));
        var row = world.Account(RowOwner.Self);

        var fault = SecurityWorld.Denial(() => world.AsAnn.Update(new Entity("account", row) { ["ownerid"] = new EntityReference("systemuser", world.Bob) }));

        Assert.That(fault?.Message, Does.Contain("is missing prvAssignaccount privilege"));
    }

    [Test]
    public void Create_at_Basic_depth_makes_rows_the_user_owns()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("account", Create, Basic));

        var id = world.AsAnn.Create(new Entity("account") { ["name"] = "Mine" });

        Assert.That(world.Env.Store.Find("account", id)?["ownerid"], Is.EqualTo(new EntityReference("systemuser", world.Ann)));
        Assert.That(world.Env.Store.Find("account", id)?["owningbusinessunit"], Is.EqualTo(new EntityReference("businessunit", world.Sales)));
    }

    [Test]
    public void Creating_a_row_for_another_owner_needs_Assign()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("account", Create, Basic));
        var forBob = new Entity("account") { ["name"] = "Bob's", ["ownerid"] = new EntityReference("systemuser", world.Bob) };

        Assert.That(SecurityWorld.Denial(() => world.AsAnn.Create(forBob))?.Message, Does.Contain("is missing prvAssignaccount privilege"));

        world.Security.CreateRole("Assigner", ("account", Assign, Basic));
        world.Security.AssignRoles(world.Ann, "Assigner");

        Assert.That(SecurityWorld.Denial(() => world.AsAnn.Create(forBob)), Is.Null);
    }

    [Test]
    public void Create_without_the_privilege_is_denied_and_writes_nothing()
    {
        var world = new SecurityWorld();
        var before = world.Env.Store.Snapshot();

        var fault = SecurityWorld.Denial(() => world.AsAnn.Create(new Entity("account") { ["name"] = "Nope" }));

        Assert.That(fault?.Message, Does.Contain("is missing prvCreateaccount privilege"));
        Assert.That(world.Env.Store.Snapshot(), Is.EqualTo(before));
    }
}
