using Microsoft.Xrm.Sdk;
using static Rapport.Solution.Model.PrivilegeDepth;
using static Rapport.Solution.Model.PrivilegeType;

namespace Rapport.Emulator.Security.Tests;

/// <summary>RetrievePrincipalAccess answers the rights from roles and from shares together.</summary>
public sealed class RetrievePrincipalAccessTests
{
    [Test]
    public void Rights_combine_the_roles_depth_and_the_shares()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("account", Read, Local), ("account", Write, Basic), ("account", Delete, Basic));
        var row = new EntityReference("account", world.Account(RowOwner.SameUnitColleague));
        world.Share("account", row.Id, new EntityReference("systemuser", world.Ann), AccessRights.DeleteAccess);

        var response = world.System.Execute(new OrganizationRequest("RetrievePrincipalAccess") { ["Target"] = row, ["Principal"] = new EntityReference("systemuser", world.Ann) });

        Assert.That(response["AccessRights"], Is.EqualTo(AccessRights.ReadAccess | AccessRights.DeleteAccess),
            "Read from Local depth, Delete from the share; Write stays at Basic and the row is Bob's");
    }

    [Test]
    public void A_team_principal_gets_the_rights_of_its_own_roles_and_ownership()
    {
        var world = new SecurityWorld();
        world.Security.CreateRole("Team basics", ("account", Read, Basic), ("account", Write, Basic));
        world.Security.AssignRoles(world.SupportTeam, "Team basics");
        var owned = new EntityReference("account", world.Account(RowOwner.OwnTeam));
        var other = new EntityReference("account", world.Account(RowOwner.OtherUnitUser));

        Assert.That(world.Security.RightsOf(world.SupportTeam, owned), Is.EqualTo(AccessRights.ReadAccess | AccessRights.WriteAccess));
        Assert.That(world.Security.RightsOf(world.SupportTeam, other), Is.EqualTo(AccessRights.None));
    }
}
