using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk.Query;

namespace Rapport.Sdk.Tests;

/// <summary>Query objects are plain trees the emulator walks; these are the shapes the builders produce.</summary>
[TestFixture]
public sealed class QueryTests
{
    [Test]
    public void ColumnSet_constructors_and_adders()
    {
        var some = new ColumnSet("name", "telephone1");
        some.AddColumn("fax");
        some.AddColumns("websiteurl", "revenue");

        Assert.Multiple(() =>
        {
            Assert.That(new ColumnSet(true).AllColumns, Is.True);
            Assert.That(new ColumnSet().Columns, Is.Empty);
            Assert.That(some.AllColumns, Is.False);
            Assert.That(some.Columns, Is.EqualTo(new[] { "name", "telephone1", "fax", "websiteurl", "revenue" }));
        });
    }

    [Test]
    public void QueryExpression_defaults_are_non_null()
    {
        var query = new QueryExpression("account");

        Assert.Multiple(() =>
        {
            Assert.That(query.EntityName, Is.EqualTo("account"));
            Assert.That(query.ColumnSet.AllColumns, Is.False);
            Assert.That(query.Criteria.FilterOperator, Is.EqualTo(LogicalOperator.And));
            Assert.That(query.PageInfo.Count, Is.Zero);
            Assert.That(query.TopCount, Is.Null);
            Assert.That(query.LinkEntities, Is.Empty);
            Assert.That(query.Orders, Is.Empty);
        });
    }

    [Test]
    public void AddLink_and_AddOrder_build_the_tree()
    {
        var query = new QueryExpression("account") { TopCount = 5, Distinct = true, NoLock = true };
        var link = query.AddLink("contact", "primarycontactid", "contactid", JoinOperator.LeftOuter);
        link.EntityAlias = "pc";
        link.Columns.AddColumn("fullname");
        var nested = link.AddLink("systemuser", "ownerid", "systemuserid");
        query.AddOrder("name", OrderType.Descending);

        Assert.Multiple(() =>
        {
            Assert.That(query.LinkEntities, Has.Count.EqualTo(1));
            Assert.That(link.LinkFromEntityName, Is.EqualTo("account"));
            Assert.That(link.LinkToEntityName, Is.EqualTo("contact"));
            Assert.That(link.LinkFromAttributeName, Is.EqualTo("primarycontactid"));
            Assert.That(link.LinkToAttributeName, Is.EqualTo("contactid"));
            Assert.That(link.JoinOperator, Is.EqualTo(JoinOperator.LeftOuter));
            Assert.That(nested.LinkFromEntityName, Is.EqualTo("contact"), "a nested link starts at its parent's table");
            Assert.That(nested.JoinOperator, Is.EqualTo(JoinOperator.Inner));
            Assert.That(query.Orders[0].AttributeName, Is.EqualTo("name"));
            Assert.That(query.Orders[0].OrderType, Is.EqualTo(OrderType.Descending));
        });
    }

    [Test]
    public void Filter_conditions_keep_their_values()
    {
        var filter = new FilterExpression(LogicalOperator.Or);
        filter.AddCondition("statecode", ConditionOperator.Equal, 0);
        filter.AddCondition("pc", "fullname", ConditionOperator.Like, "A%");
        filter.AddCondition("name", ConditionOperator.In, "a", "b", "c");
        filter.AddCondition(new ConditionExpression("createdon", ConditionOperator.Null));
        var child = filter.AddFilter(LogicalOperator.And);
        child.AddCondition("revenue", ConditionOperator.Between, 1m, 2m);

        Assert.Multiple(() =>
        {
            Assert.That(filter.FilterOperator, Is.EqualTo(LogicalOperator.Or));
            Assert.That(filter.Conditions, Has.Count.EqualTo(4));
            Assert.That(filter.Conditions[0].Values, Is.EqualTo(new object[] { 0 }));
            Assert.That(filter.Conditions[1].EntityName, Is.EqualTo("pc"));
            Assert.That(filter.Conditions[2].Values, Is.EqualTo(new object[] { "a", "b", "c" }));
            Assert.That(filter.Conditions[3].Values, Is.Empty);
            Assert.That(filter.Filters, Is.EqualTo(new[] { child }));
            Assert.That(child.Conditions[0].Operator, Is.EqualTo(ConditionOperator.Between));
        });
    }

    [Test]
    public void ConditionExpression_spreads_an_ICollection_and_a_params_array()
    {
        var ids = new List<Guid> { Guid.Empty, Guid.Empty };

        Assert.Multiple(() =>
        {
            Assert.That(new ConditionExpression("accountid", ConditionOperator.In, ids).Values, Has.Count.EqualTo(2));
            Assert.That(new ConditionExpression("name", ConditionOperator.In, new object[] { "a", "b" }).Values, Has.Count.EqualTo(2));
            Assert.That(new ConditionExpression("a", ConditionOperator.Equal, true, "b").CompareColumns, Is.True);
        });
    }

    [Test]
    public void QueryByAttribute_pairs_attributes_with_values()
    {
        var query = new QueryByAttribute("contact") { ColumnSet = new ColumnSet("fullname"), TopCount = 1 };
        query.AddAttributeValue("emailaddress1", "ada@example.com");

        Assert.Multiple(() =>
        {
            Assert.That(query.Attributes, Is.EqualTo(new[] { "emailaddress1" }));
            Assert.That(query.Values, Is.EqualTo(new object[] { "ada@example.com" }));
        });
    }

    [Test]
    public void PagingInfo_and_FetchExpression_hold_their_values()
    {
        var paging = new PagingInfo { Count = 50, PageNumber = 2, PagingCookie = "c", ReturnTotalRecordCount = true };

        Assert.Multiple(() =>
        {
            Assert.That(paging.Count, Is.EqualTo(50));
            Assert.That(paging.PageNumber, Is.EqualTo(2));
            Assert.That(new FetchExpression("<fetch />").Query, Is.EqualTo("<fetch />"));
        });
    }
}
