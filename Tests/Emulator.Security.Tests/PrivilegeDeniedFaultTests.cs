using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Security;
using Rapport.Emulator.Faults;
using static Rapport.Solution.Model.PrivilegeDepth;
using static Rapport.Solution.Model.PrivilegeType;

namespace Rapport.Emulator.Security.Tests;

/// <summary>
/// Dataverse tells two refusals apart: 0x80040220 PrivilegeDenied when the principal's roles lack the privilege at
/// any depth, 0x80048306 when it holds the privilege but the row is out of its reach (depth, ownership, no share).
/// learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes
/// </summary>
public sealed class PrivilegeDeniedFaultTests
{
    private const int AccessCheckFailed = -2147187962; // 0x80048306
    [Test]
    public void Retrieve_without_read_privilege_fails_naming_the_user_the_privilege_and_the_table()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("contact", Read, Global));
        var row = world.Account(RowOwner.Self);

        var fault = SecurityWorld.Denial(() => world.AsAnn.Retrieve("account", row, new ColumnSet("name")));

        Assert.That(fault, Is.Not.Null);
        Assert.That(fault!.ErrorCode, Is.EqualTo(ErrorCodes.PrivilegeDenied).And.EqualTo(-2147220960));
        Assert.That(fault.Message, Does.StartWith($"Principal user (Id={world.Ann:D}, type=8, roleCount=1, privilegeCount=1, accessMode=0), is missing prvReadaccount privilege (Id="));
        Assert.That(fault.Message, Does.Contain("on OTC=1 for entity 'account'"));
    }

    [Test]
    public void Retrieve_of_a_row_beyond_the_depth_fails_with_the_missing_access_right_and_the_row_id()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("account", Read, Basic));
        var row = world.Account(RowOwner.SameUnitColleague);

        var fault = SecurityWorld.Denial(() => world.AsAnn.Retrieve("account", row, new ColumnSet("name")));

        Assert.That(fault?.ErrorCode, Is.EqualTo(AccessCheckFailed).And.EqualTo(ErrorCodes.AccessCheckFailed), "holding Read at Basic is not 'no privilege'");
        Assert.That(fault!.Message, Does.Contain($"Id={world.Ann:D}").And.Contain($"does not have ReadAccess right(s) for record with Id = {row:D} of entity account"));
    }

    [Test]
    public void Update_of_a_row_owned_by_a_team_the_user_is_not_in_fails_with_the_access_check_code()
    {
        var world = new SecurityWorld();
        var salesTeam = world.Security.CreateTeam("Sales team", world.Sales, [world.Bob]);
        world.GiveAnn(("account", Read, Basic), ("account", Write, Basic));
        var row = world.Account(new EntityReference("team", salesTeam), "Team owned");

        var fault = SecurityWorld.Denial(() => world.AsAnn.Update(new Entity("account", row) { ["name"] = "Renamed" }));

        Assert.That(fault?.ErrorCode, Is.EqualTo(AccessCheckFailed));
        Assert.That(world.System.Retrieve("account", row, new ColumnSet("name"))["name"], Is.EqualTo("Team owned"), "nothing written");
    }

    [Test]
    public void Retrieve_after_RevokeAccess_fails_with_the_access_check_code()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("account", Read, Basic));
        var row = world.Account(RowOwner.OtherUnitUser);
        var ann = new EntityReference("systemuser", world.Ann);
        world.Share("account", row, ann, AccessRights.ReadAccess);
        Assert.That(SecurityWorld.Denial(() => world.AsAnn.Retrieve("account", row, new ColumnSet("name"))), Is.Null, "the share gives read");

        world.System.Execute(new OrganizationRequest("RevokeAccess") { ["Target"] = new EntityReference("account", row), ["Revokee"] = ann });

        Assert.That(SecurityWorld.Denial(() => world.AsAnn.Retrieve("account", row, new ColumnSet("name")))?.ErrorCode, Is.EqualTo(AccessCheckFailed));
    }

    [Test]
    public void RetrieveMultiple_without_any_Read_privilege_on_the_table_fails_with_PrivilegeDenied_instead_of_an_empty_page()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("contact", Read, Global));
        world.Account(RowOwner.Self);

        var fault = SecurityWorld.Denial(() => world.AsAnn.RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("name") }));

        Assert.That(fault?.ErrorCode, Is.EqualTo(ErrorCodes.PrivilegeDenied).And.EqualTo(-2147220960));
        Assert.That(fault!.Message, Does.Contain("is missing prvReadaccount privilege"));
    }

    [Test]
    public void RetrieveMultiple_with_Read_at_Basic_returns_only_the_rows_in_reach_without_a_fault()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("account", Read, Basic));
        var own = world.Account(RowOwner.Self, "Mine");
        world.Account(RowOwner.SameUnitColleague, "Bob's");

        var page = world.AsAnn.RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("name") });

        Assert.That(page.Entities.Select(e => e.Id), Is.EqualTo(new[] { own }));
    }
}
