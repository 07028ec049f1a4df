using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Rapport.Emulator.Tests;

public sealed class QueryTests : EmulatorTest
{
    private Guid Contact(string last, string? first = null, Guid? account = null) =>
        Service.Create(new Entity("contact")
        {
            ["lastname"] = last,
            ["firstname"] = first,
            ["parentcustomerid"] = account is { } a ? new EntityReference("account", a) : null,
        });

    [Test]
    public void Nested_and_or_filters_with_common_operators()
    {
        Contact("Smith", "Jo");
        Contact("Smythe", "Al");
        Contact("Jones", "Jo");
        Contact("Brown");
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        query.Criteria.AddCondition("firstname", ConditionOperator.NotNull);
        var either = query.Criteria.AddFilter(LogicalOperator.Or);
        either.AddCondition("lastname", ConditionOperator.BeginsWith, "sm");
        either.AddCondition("lastname", ConditionOperator.In, "Jones", "Nobody");
        query.AddOrder("lastname", OrderType.Ascending);

        var names = Service.RetrieveMultiple(query).Entities.Select(e => e["lastname"]).ToArray();

        Assert.That(names, Is.EqualTo(new[] { "Jones", "Smith", "Smythe" }));
    }

    [Test]
    public void Like_not_like_ends_with_and_not_equal_exclude_nulls()
    {
        Contact("Smith", "Jo");
        Contact("Jones");
        Assert.Multiple(() =>
        {
            Assert.That(Count("lastname", ConditionOperator.Like, "%mit%"), Is.EqualTo(1));
            Assert.That(Count("lastname", ConditionOperator.NotLike, "S%"), Is.EqualTo(1));
            Assert.That(Count("lastname", ConditionOperator.EndsWith, "ES"), Is.EqualTo(1));
            Assert.That(Count("firstname", ConditionOperator.NotEqual, "Al"), Is.EqualTo(1));
            Assert.That(Count("firstname", ConditionOperator.Null), Is.EqualTo(1));
        });
    }

    [Test]
    public void Numeric_date_and_user_operators()
    {
        var me = Env.CreateUser("Ann Lee");
        var mine = Env.GetService(me);
        foreach (var count in new[] { 1, 5, 10 })
        {
            mine.Create(new Entity(TestSolution.Item) { ["rapport_count"] = count, ["rapport_on"] = Env.Clock.UtcNow.AddDays(-count) });
        }

        Service.Create(new Entity(TestSolution.Item) { ["rapport_count"] = 7 });
        Assert.Multiple(() =>
        {
            Assert.That(Count("rapport_count", ConditionOperator.Between, new object[] { 2, 10 }, TestSolution.Item), Is.EqualTo(3));
            Assert.That(Count("rapport_count", ConditionOperator.GreaterThan, 5, TestSolution.Item), Is.EqualTo(2));
            Assert.That(Count("rapport_count", ConditionOperator.LessEqual, 5, TestSolution.Item), Is.EqualTo(2));
            Assert.That(Count("rapport_count", ConditionOperator.NotIn, new object[] { 1, 7 }, TestSolution.Item), Is.EqualTo(2));
            Assert.That(Count("rapport_on", ConditionOperator.LastXDays, 6, TestSolution.Item), Is.EqualTo(2));
            Assert.That(Count("rapport_on", ConditionOperator.OnOrAfter, Env.Clock.UtcNow.AddDays(-5), TestSolution.Item), Is.EqualTo(2));
            Assert.That(Count("rapport_on", ConditionOperator.On, Env.Clock.UtcNow.AddDays(-10), TestSolution.Item), Is.EqualTo(1));
            Assert.That(mine.RetrieveMultiple(Query(TestSolution.Item, "ownerid", ConditionOperator.EqualUserId)).Entities, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public void Link_entity_with_alias_returns_aliased_values()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        Contact("Smith", account: account);
        Contact("Alone");
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        var link = query.AddLink("account", "parentcustomerid", "accountid");
        link.EntityAlias = "acc";
        link.Columns = new ColumnSet("name");
        link.LinkCriteria.AddCondition("name", ConditionOperator.Equal, "Contoso");

        var rows = Service.RetrieveMultiple(query).Entities;

        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(1));
            var aliased = rows[0].GetAttributeValue<AliasedValue>("acc.name");
            Assert.That(aliased!.Value, Is.EqualTo("Contoso"));
            Assert.That(aliased!.EntityLogicalName, Is.EqualTo("account"));
        });
    }

    [Test]
    public void Outer_link_keeps_rows_without_a_match_and_filters_on_the_alias()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        Contact("Smith", account: account);
        Contact("Alone");
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        var link = query.AddLink("account", "parentcustomerid", "accountid", JoinOperator.LeftOuter);
        link.EntityAlias = "acc";
        query.Criteria.AddCondition("acc", "accountid", ConditionOperator.Null);

        var rows = Service.RetrieveMultiple(query).Entities;

        Assert.That(rows.Select(r => r["lastname"]), Is.EqualTo(new[] { "Alone" }));
    }

    [Test]
    public void Paging_returns_three_pages_with_cookies_and_more_records()
    {
        for (var i = 0; i < 12; i++)
        {
            Contact("c" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
        }

        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname"), PageInfo = new PagingInfo { Count = 5, PageNumber = 1 } };
        query.AddOrder("lastname", OrderType.Ascending);
        var seen = new System.Collections.Generic.List<string>();
        var pages = 0;
        while (true)
        {
            var page = Service.RetrieveMultiple(query);
            pages++;
            seen.AddRange(page.Entities.Select(e => (string)e["lastname"]!));
            Assert.That(page.PagingCookie, Does.StartWith("<cookie page=\"" + pages + "\">"));
            if (!page.MoreRecords)
            {
                break;
            }

            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }

        Assert.Multiple(() =>
        {
            Assert.That(pages, Is.EqualTo(3));
            Assert.That(seen, Is.EqualTo(Enumerable.Range(0, 12).Select(i => "c" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture))));
        });
    }

    [Test]
    public void Top_and_distinct()
    {
        Contact("Same", "A");
        Contact("Same", "B");
        Contact("Other");
        var distinct = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname"), Distinct = true };
        var top = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname"), TopCount = 2 };

        Assert.Multiple(() =>
        {
            Assert.That(Service.RetrieveMultiple(distinct).Entities, Has.Count.EqualTo(2));
            Assert.That(Service.RetrieveMultiple(top).Entities, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void QueryByAttribute_matches_all_pairs()
    {
        Contact("Smith", "Jo");
        Contact("Smith", "Al");
        var query = new QueryByAttribute("contact") { ColumnSet = new ColumnSet("firstname") };
        query.AddAttributeValue("lastname", "Smith");
        query.AddAttributeValue("firstname", "Al");

        Assert.That(Service.RetrieveMultiple(query).Entities.Single()["firstname"], Is.EqualTo("Al"));
    }

    [Test]
    public void Fetch_with_filter_link_and_order()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        Contact("Smith", "Jo", account);
        Contact("Adams", "Jo", account);
        Contact("Brown", "Al", account);
        var fetch = $"""
            <fetch>
              <entity name="contact">
                <attribute name="lastname" />
                <order attribute="lastname" descending="true" />
                <filter type="and">
                  <condition attribute="firstname" operator="eq" value="Jo" />
                  <condition attribute="statecode" operator="eq" value="0" />
                </filter>
                <link-entity name="account" from="accountid" to="parentcustomerid" alias="a">
                  <attribute name="name" />
                  <filter><condition attribute="accountid" operator="eq" value="{account}" /></filter>
                </link-entity>
              </entity>
            </fetch>
            """;

        var rows = Service.RetrieveMultiple(new FetchExpression(fetch)).Entities;

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r["lastname"]), Is.EqualTo(new[] { "Smith", "Adams" }));
            Assert.That(rows[0].GetAttributeValue<AliasedValue>("a.name")!.Value, Is.EqualTo("Contoso"));
        });
    }

    [Test]
    public void Fetch_aggregate_with_groupby_and_date_grouping()
    {
        var march = new DateTime(2024, 3, 5, 0, 0, 0, DateTimeKind.Utc);
        Service.Create(new Entity(TestSolution.Item) { ["rapport_kind"] = new OptionSetValue(100000000), ["rapport_amount"] = new Money(10m), ["rapport_on"] = march });
        Service.Create(new Entity(TestSolution.Item) { ["rapport_kind"] = new OptionSetValue(100000000), ["rapport_amount"] = new Money(30m), ["rapport_on"] = march.AddMonths(1) });
        Service.Create(new Entity(TestSolution.Item) { ["rapport_kind"] = new OptionSetValue(100000001), ["rapport_amount"] = new Money(5m), ["rapport_on"] = march });
        var fetch = """
            <fetch aggregate="true">
              <entity name="rapport_item">
                <attribute name="rapport_kind" alias="kind" groupby="true" />
                <attribute name="rapport_itemid" alias="n" aggregate="count" />
                <attribute name="rapport_amount" alias="total" aggregate="sum" />
                <attribute name="rapport_amount" alias="average" aggregate="avg" />
                <attribute name="rapport_amount" alias="largest" aggregate="max" />
                <order alias="kind" />
              </entity>
            </fetch>
            """;
        var byMonth = """
            <fetch aggregate="true">
              <entity name="rapport_item">
                <attribute name="rapport_on" alias="month" groupby="true" dategrouping="month" />
                <attribute name="rapport_amount" alias="total" aggregate="sum" />
                <order alias="month" />
              </entity>
            </fetch>
            """;

        var rows = Service.RetrieveMultiple(new FetchExpression(fetch)).Entities;
        var months = Service.RetrieveMultiple(new FetchExpression(byMonth)).Entities;

        static object? Value(Entity e, string alias) => e.GetAttributeValue<AliasedValue>(alias)!.Value;
        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(2));
            Assert.That(Value(rows[0], "kind"), Is.EqualTo(new OptionSetValue(100000000)));
            Assert.That(Value(rows[0], "n"), Is.EqualTo(2));
            Assert.That(Value(rows[0], "total"), Is.EqualTo(new Money(40m)));
            Assert.That(Value(rows[0], "average"), Is.EqualTo(new Money(20m)));
            Assert.That(Value(rows[0], "largest"), Is.EqualTo(new Money(30m)));
            Assert.That(Value(rows[1], "total"), Is.EqualTo(new Money(5m)));
            Assert.That(months.Select(m => Value(m, "month")), Is.EqualTo(new object[] { 3, 4 }));
            Assert.That(Value(months[0], "total"), Is.EqualTo(new Money(15m)));
        });
    }

    [Test]
    public void Fetch_paging_with_count_and_page()
    {
        for (var i = 0; i < 7; i++)
        {
            Contact("c" + i);
        }

        var first = Service.RetrieveMultiple(new FetchExpression("<fetch count='3' page='1'><entity name='contact'><attribute name='lastname'/></entity></fetch>"));
        var last = Service.RetrieveMultiple(new FetchExpression("<fetch count='3' page='3'><entity name='contact'><attribute name='lastname'/></entity></fetch>"));

        Assert.Multiple(() =>
        {
            Assert.That(first.MoreRecords, Is.True);
            Assert.That(last.MoreRecords, Is.False);
            Assert.That(last.Entities, Has.Count.EqualTo(1));
        });
    }

    private int Count(string column, ConditionOperator op, object value, string table = "contact") =>
        Service.RetrieveMultiple(Query(table, column, op, value is object[] many ? many : [value])).Entities.Count;

    private int Count(string column, ConditionOperator op) => Service.RetrieveMultiple(Query("contact", column, op)).Entities.Count;

    private static QueryExpression Query(string table, string column, ConditionOperator op, params object[] values)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(true) };
        query.Criteria.AddCondition(column, op, values);
        return query;
    }
}
