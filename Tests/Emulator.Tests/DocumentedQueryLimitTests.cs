using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Faults;

namespace Rapport.Emulator.Tests;

/// <summary>Query limits and counts as Microsoft documents them, each test citing its page.</summary>
public sealed class DocumentedQueryLimitTests : EmulatorTest
{
    // "If you add more than 15 link-entity elements to a query you get this error: 0x8004430D ... Number of link
    // entities in query exceeded maximum limit." learn.microsoft.com/power-apps/developer/data-platform/fetchxml/join-tables
    [Test]
    public void A_query_with_more_than_15_link_entities_faults_0x8004430D()
    {
        Service.Create(new Entity("account") { ["name"] = "Contoso" });

        Assert.That(Service.RetrieveMultiple(Chain(15)).Entities, Is.Empty, "15 link-entities still run");
        var fault = FaultAssert.Throws(Env, unchecked((int)0x8004430D), () => Service.RetrieveMultiple(Chain(16)));
        Assert.That(fault.Message, Is.EqualTo("Number of link entities in query exceeded maximum limit."));
    }

    [Test]
    public void Nested_link_entities_count_towards_the_same_limit_of_15()
    {
        var query = new QueryExpression("account");
        var link = query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter);
        for (var i = 0; i < 15; i++)
        {
            link = link.AddLink("account", "parentcustomerid", "accountid", JoinOperator.LeftOuter);
            link.EntityAlias = "nested" + i;
            link = link.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter);
            link.EntityAlias = "back" + i;
        }

        FaultAssert.Throws(Env, ErrorCodes.TooManyLinkEntities, () => Service.RetrieveMultiple(query));
    }

    // "TotalRecordCount ... -1 unless ReturnTotalRecordCount is true."
    // learn.microsoft.com/power-apps/developer/data-platform/org-service/queryexpression/count-rows
    [Test]
    public void TotalRecordCount_is_minus_one_unless_the_count_was_asked_for()
    {
        for (var i = 0; i < 3; i++)
        {
            Service.Create(new Entity("account") { ["name"] = "A" + i });
        }

        var unasked = Service.RetrieveMultiple(new QueryExpression("account"));
        var asked = Service.RetrieveMultiple(new QueryExpression("account") { PageInfo = new PagingInfo { ReturnTotalRecordCount = true } });
        var fetchUnasked = Service.RetrieveMultiple(new FetchExpression("<fetch><entity name='account'><attribute name='name' /></entity></fetch>"));
        var fetchAsked = Service.RetrieveMultiple(new FetchExpression("<fetch returntotalrecordcount='true'><entity name='account'><attribute name='name' /></entity></fetch>"));
        var top = Service.RetrieveMultiple(new QueryExpression("account") { TopCount = 2 });

        Assert.Multiple(() =>
        {
            Assert.That(unasked.TotalRecordCount, Is.EqualTo(-1));
            Assert.That(fetchUnasked.TotalRecordCount, Is.EqualTo(-1));
            Assert.That(top.TotalRecordCount, Is.EqualTo(-1));
            Assert.That(asked.TotalRecordCount, Is.EqualTo(3));
            Assert.That(fetchAsked.TotalRecordCount, Is.EqualTo(3));
        });
    }

    // "aggregatelimit: Set a limit below the standard 50,000 record aggregate limit." Exceeding it faults
    // AggregateQueryRecordLimitExceeded 0x8004E023 "The maximum record limit is exceeded. Reduce the number of records."
    // learn.microsoft.com/power-apps/developer/data-platform/fetchxml/aggregate-data#limitations
    [Test]
    public void An_aggregate_over_more_rows_than_aggregatelimit_faults_0x8004E023()
    {
        for (var i = 0; i < 4; i++)
        {
            Service.Create(new Entity("account") { ["name"] = "A" + i, ["numberofemployees"] = 10 });
        }

        static string Sum(int limit) =>
            $"<fetch aggregate='true' aggregatelimit='{limit}'><entity name='account'><attribute name='numberofemployees' alias='total' aggregate='sum' /></entity></fetch>";

        var total = Service.RetrieveMultiple(new FetchExpression(Sum(4))).Entities.Single().GetAttributeValue<AliasedValue>("total")!.Value;
        Assert.That(total, Is.EqualTo(40), "4 rows under aggregatelimit 4 aggregate");
        var fault = FaultAssert.Throws(Env, unchecked((int)0x8004E023), () => Service.RetrieveMultiple(new FetchExpression(Sum(3))));
        Assert.That(fault.Message, Is.EqualTo("The maximum record limit is exceeded. Reduce the number of records."));
    }

    [Test]
    public void An_aggregate_over_more_than_50000_rows_faults_0x8004E023_without_an_aggregatelimit()
    {
        for (var i = 0; i <= 50_000; i++)
        {
            Env.SystemService.Create(new Entity(TestSolution.Item) { ["rapport_count"] = 1 });
        }

        const string Count = "<fetch aggregate='true'><entity name='rapport_item'><attribute name='rapport_itemid' alias='n' aggregate='count' /></entity></fetch>";
        FaultAssert.Throws(Env, ErrorCodes.AggregateQueryRecordLimitExceeded, () => Service.RetrieveMultiple(new FetchExpression(Count)));

        Service.Delete(TestSolution.Item, Env.Store.Rows(TestSolution.Item).First().Id);
        var n = Service.RetrieveMultiple(new FetchExpression(Count)).Entities.Single().GetAttributeValue<AliasedValue>("n")!.Value;
        Assert.That(n, Is.EqualTo(50_000), "exactly 50,000 rows still aggregate");
    }

    [Test]
    public void An_aggregatelimit_above_50000_is_refused_as_bad_fetchxml()
    {
        const string Fetch = "<fetch aggregate='true' aggregatelimit='60000'><entity name='account'><attribute name='accountid' alias='n' aggregate='count' /></entity></fetch>";

        FaultAssert.Throws(Env, ErrorCodes.InvalidFetchXml, () => Service.RetrieveMultiple(new FetchExpression(Fetch)));
    }

    // A chain account → contact → account → ... of the given number of link-entities, each under the previous one.
    private static QueryExpression Chain(int links)
    {
        var query = new QueryExpression("account");
        LinkEntity? last = null;
        for (var i = 0; i < links; i++)
        {
            var link = i % 2 == 0
                ? new LinkEntity("account", "contact", "accountid", "parentcustomerid", JoinOperator.Inner)
                : new LinkEntity("contact", "account", "parentcustomerid", "accountid", JoinOperator.Inner);
            link.EntityAlias = "l" + i;
            if (last is null)
            {
                query.LinkEntities.Add(link);
            }
            else
            {
                last.LinkEntities.Add(link);
            }

            last = link;
        }

        return query;
    }
}
