using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Rapport.Emulator.Security.Tests;

public sealed class SystemAndAdministratorTests
{
    [Test]
    public void SYSTEM_bypasses_every_check()
    {
        var world = new SecurityWorld();
        var row = world.Account(RowOwner.OtherUnitUser);

        world.System.Update(new Entity("account", row) { ["name"] = "By SYSTEM" });
        world.System.Delete("account", row);

        Assert.That(world.Env.Store.Find("account", row), Is.Null);
    }

    [Test]
    public void A_System_Administrator_has_every_privilege_on_every_table_at_Organization_depth()
    {
        var world = new SecurityWorld();
        var admin = world.Security.CreateUser("Ada Admin", world.SalesEast, EmulatorSecurity.SystemAdministrator);
        var service = world.Env.AsUser(admin);
        var row = world.Account(RowOwner.OtherUnitUser);

        service.Update(new Entity("account", row) { ["name"] = "By admin" });
        var currency = service.Create(new Entity("transactioncurrency") { ["currencyname"] = "Euro" });

        Assert.That(service.RetrieveMultiple(new QueryExpression("account")).Entities, Has.Count.EqualTo(1));
        Assert.That(service.Retrieve("transactioncurrency", currency, new ColumnSet(true)), Is.Not.Null);
        Assert.That(world.Security.RightsOf(admin, new EntityReference("account", row)), Is.EqualTo(
            AccessRights.ReadAccess | AccessRights.WriteAccess | AccessRights.AppendAccess | AccessRights.AppendToAccess
            | AccessRights.DeleteAccess | AccessRights.ShareAccess | AccessRights.AssignAccess));
    }

    [Test]
    public void A_user_without_roles_can_do_nothing_with_user_owned_rows()
    {
        var world = new SecurityWorld();
        var row = world.Account(RowOwner.Self);

        Assert.That(SecurityWorld.Denial(() => world.AsAnn.Retrieve("account", row, new ColumnSet("name"))), Is.Not.Null);
        Assert.That(SecurityWorld.Denial(() => world.AsAnn.Delete("account", row)), Is.Not.Null);
    }
}
