using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using static Rapport.Solution.Model.PrivilegeDepth;
using static Rapport.Solution.Model.PrivilegeType;

namespace Rapport.Emulator.Security.Tests;

/// <summary>Queries never fail for lack of access: rows the user cannot read are left out, linked rows too.</summary>
public sealed class QueryTrimmingTests
{
    private SecurityWorld _world = null!;

    [SetUp]
    public void Arrange()
    {
        _world = new SecurityWorld();
        _world.GiveAnn(("account", Read, Local), ("contact", Read, Global));
        var sales = _world.Account(RowOwner.SameUnitColleague, "Sales account");
        var support = _world.Account(RowOwner.OtherUnitUser, "Support account");
        _world.Account(RowOwner.ChildUnitUser, "Sales East account");
        _world.System.Create(new Entity("contact") { ["lastname"] = "Salesman", ["parentcustomerid"] = new EntityReference("account", sales) });
        _world.System.Create(new Entity("contact") { ["lastname"] = "Supporter", ["parentcustomerid"] = new EntityReference("account", support) });
    }

    [Test]
    public void RetrieveMultiple_returns_only_the_rows_of_the_users_business_unit_without_a_fault()
    {
        var names = _world.AsAnn.RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("name") })
            .Entities.Select(e => e.GetAttributeValue<string>("name"));

        Assert.That(names, Is.EquivalentTo(new[] { "Sales account" }));
        Assert.That(_world.System.RetrieveMultiple(new QueryExpression("account")).Entities, Has.Count.EqualTo(3), "SYSTEM sees every row");
    }

    [Test]
    public void FetchXml_is_trimmed_like_a_QueryExpression()
    {
        var fetch = "<fetch><entity name='account'><attribute name='name' /></entity></fetch>";

        var names = _world.AsAnn.RetrieveMultiple(new FetchExpression(fetch)).Entities.Select(e => e.GetAttributeValue<string>("name"));

        Assert.That(names, Is.EquivalentTo(new[] { "Sales account" }));
    }

    [Test]
    public void Inner_link_to_an_unreadable_account_drops_the_contact()
    {
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        query.AddLink("account", "parentcustomerid", "accountid", JoinOperator.Inner).EntityAlias = "a";

        var names = _world.AsAnn.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("lastname"));

        Assert.That(names, Is.EquivalentTo(new[] { "Salesman" }));
    }

    [Test]
    public void Outer_link_to_an_unreadable_account_keeps_the_contact_with_empty_linked_columns()
    {
        var fetch = """
            <fetch>
              <entity name='contact'>
                <attribute name='lastname' />
                <link-entity name='account' from='accountid' to='parentcustomerid' link-type='outer' alias='a'>
                  <attribute name='name' />
                </link-entity>
              </entity>
            </fetch>
            """;

        var rows = _world.AsAnn.RetrieveMultiple(new FetchExpression(fetch)).Entities
            .ToDictionary(e => e.GetAttributeValue<string>("lastname") ?? "", e => e.GetAttributeValue<AliasedValue>("a.name")?.Value);

        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows["Salesman"], Is.EqualTo("Sales account"));
        Assert.That(rows["Supporter"], Is.Null);
    }

    /// <summary>
    /// RetrieveMultiple needs the Read privilege of the queried table ("RetrieveMultiple message privileges",
    /// https://learn.microsoft.com/previous-versions/dynamicscrm-2016/developers-guide/gg334622(v=crm.8)); without it
    /// the request fails with PrivilegeDenied 0x80040220 "Principal user is missing privilege"
    /// (https://learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes), it does not
    /// return an empty page.
    /// </summary>
    [Test]
    public void A_user_without_read_privilege_gets_PrivilegeDenied_not_an_empty_result()
    {
        var bob = _world.Env.AsUser(_world.Bob);

        var denial = SecurityWorld.Denial(() => bob.RetrieveMultiple(new QueryExpression("account")));
        Assert.That(denial?.ErrorCode, Is.EqualTo(-2147220960));
        Assert.That(denial?.Message, Does.Contain("prvReadaccount"));
    }
}
