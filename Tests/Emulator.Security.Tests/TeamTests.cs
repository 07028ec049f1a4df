using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using static Rapport.Solution.Model.PrivilegeDepth;
using static Rapport.Solution.Model.PrivilegeType;

namespace Rapport.Emulator.Security.Tests;

public sealed class TeamTests
{
    private SecurityWorld _world = null!;

    [SetUp]
    public void Arrange() => _world = new SecurityWorld();

    [Test]
    public void A_team_owned_row_is_a_members_own_row_at_Basic_depth_and_nobody_elses()
    {
        _world.Security.CreateRole("Basic reader", ("account", Read, Basic));
        _world.Security.AssignRoles(_world.Ann, "Basic reader");
        _world.Security.AssignRoles(_world.Bob, "Basic reader");
        var row = _world.Account(RowOwner.OwnTeam);

        Assert.That(CanRead(_world.Ann, row), Is.True, "Ann is a member of the owning team");
        Assert.That(CanRead(_world.Bob, row), Is.False, "Bob is not");
    }

    [Test]
    public void An_owner_teams_role_applies_to_its_members_measured_from_the_teams_business_unit()
    {
        _world.Security.CreateRole("Unit reader", ("account", Read, Local));
        var team = _world.Security.CreateTeam("Support readers", _world.Support, [_world.Ann], "Unit reader");
        var supportRow = _world.Account(RowOwner.OtherUnitUser);
        var salesRow = _world.Account(RowOwner.SameUnitColleague);

        Assert.That(CanRead(_world.Ann, supportRow), Is.True, "Local from the team's unit (Support)");
        Assert.That(CanRead(_world.Ann, salesRow), Is.False, "not from Ann's own unit: she holds no role herself");
        Assert.That(_world.Env.Store.Find("team", team), Is.Not.Null);
    }

    [Test]
    public void An_access_teams_roles_give_its_members_nothing()
    {
        _world.Security.CreateRole("Everything reader", ("account", Read, Global));
        var team = _world.Security.CreateAccessTeam("Deal room", _world.Support, [_world.Ann]);
        _world.Security.AssignRoles(team, "Everything reader");

        Assert.That(CanRead(_world.Ann, _world.Account(RowOwner.OtherUnitUser)), Is.False);
    }

    [Test]
    public void Membership_and_roles_associated_through_the_SDK_count_like_the_helpers()
    {
        _world.Security.CreateRole("Basic reader", ("account", Read, Basic));
        var team = _world.Security.CreateTeam("Empty team", _world.Support, []);
        var row = _world.Account(new EntityReference("team", team), "Team account");
        Assert.That(CanRead(_world.Bob, row), Is.False);

        _world.System.Associate("systemuser", _world.Bob, new Relationship("systemuserroles_association"),
            [new EntityReference("role", _world.Security.RoleId("Basic reader"))]);
        _world.System.Associate("team", team, new Relationship("teammembership_association"), [new EntityReference("systemuser", _world.Bob)]);

        Assert.That(CanRead(_world.Bob, row), Is.True);
    }

    private bool CanRead(Guid user, Guid row) =>
        SecurityWorld.Denial(() => _world.Env.AsUser(user).Retrieve("account", row, new ColumnSet("name"))) is null;
}
