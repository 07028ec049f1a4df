using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Faults;
using static Rapport.Solution.Model.PrivilegeDepth;
using static Rapport.Solution.Model.PrivilegeType;

namespace Rapport.Emulator.Security.Tests;

public sealed class PrivilegeDeniedFaultTests
{
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

        Assert.That(fault?.ErrorCode, Is.EqualTo(ErrorCodes.PrivilegeDenied));
        Assert.That(fault!.Message, Does.Contain($"Id={world.Ann:D}").And.Contain($"does not have ReadAccess right(s) for record with Id = {row:D} of entity account"));
    }
}
