using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Security.Tests;

public sealed class BusinessUnitDepthTests
{
    [TestCase(PrivilegeDepth.Local, new[] { "Sales" })]
    [TestCase(PrivilegeDepth.Deep, new[] { "Sales", "Sales East", "Sales East North" })]
    [TestCase(PrivilegeDepth.Global, new[] { "Root", "Sales", "Sales East", "Sales East North", "Support" })]
    public void Depth_decides_which_business_units_rows_a_query_returns(PrivilegeDepth depth, string[] expected)
    {
        var world = new SecurityWorld();
        var north = world.Security.CreateBusinessUnit("Sales East North", world.SalesEast);
        var grandchildUser = world.Security.CreateUser("Nia North", north);
        world.GiveAnn(("account", PrivilegeType.Read, depth));
        world.Account(RowOwner.ParentUnitUser, "Root");
        world.Account(RowOwner.SameUnitColleague, "Sales");
        world.Account(RowOwner.ChildUnitUser, "Sales East");
        world.Account(new EntityReference("systemuser", grandchildUser), "Sales East North");
        world.Account(RowOwner.OtherUnitUser, "Support");

        var names = world.AsAnn.RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("name") })
            .Entities.Select(e => e.GetAttributeValue<string>("name"));

        Assert.That(names, Is.EquivalentTo(expected));
    }

    [Test]
    public void The_business_units_are_rows_a_query_can_walk()
    {
        var world = new SecurityWorld();

        var children = world.System.RetrieveMultiple(new QueryExpression("businessunit")
        {
            ColumnSet = new ColumnSet("name"),
            Criteria = { Conditions = { new ConditionExpression("parentbusinessunitid", ConditionOperator.Equal, world.Sales) } },
        }).Entities.Select(e => e.GetAttributeValue<string>("name"));

        Assert.That(children, Is.EquivalentTo(new[] { "Sales East" }));
    }
}
