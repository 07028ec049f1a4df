using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using static Rapport.Solution.Model.PrivilegeDepth;
using static Rapport.Solution.Model.PrivilegeType;

namespace Rapport.Emulator.Security.Tests;

/// <summary>Organization-owned rows have no owner: holding the privilege at any depth covers all of them.</summary>
public sealed class OrganizationOwnedTableTests
{
    [Test]
    public void Basic_read_and_write_reach_every_row_of_an_organization_owned_table()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("transactioncurrency", Read, Basic), ("transactioncurrency", Write, Basic));
        var euro = world.System.Create(new Entity("transactioncurrency") { ["currencyname"] = "Euro" });
        world.System.Create(new Entity("transactioncurrency") { ["currencyname"] = "Dollar" });

        world.AsAnn.Update(new Entity("transactioncurrency", euro) { ["currencysymbol"] = "€" });

        Assert.That(world.AsAnn.RetrieveMultiple(new QueryExpression("transactioncurrency")).Entities, Has.Count.EqualTo(2));
        Assert.That(world.AsAnn.Retrieve("transactioncurrency", euro, new ColumnSet("currencysymbol"))["currencysymbol"], Is.EqualTo("€"));
    }

    [Test]
    public void Without_the_privilege_an_organization_owned_row_is_denied()
    {
        var world = new SecurityWorld();
        world.GiveAnn(("transactioncurrency", Read, Global));
        var euro = world.System.Create(new Entity("transactioncurrency") { ["currencyname"] = "Euro" });

        var fault = SecurityWorld.Denial(() => world.AsAnn.Update(new Entity("transactioncurrency", euro) { ["currencysymbol"] = "€" }));

        Assert.That(fault?.Message, Does.Contain("is missing prvWritetransactioncurrency privilege"));
    }
}
