using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>The Web API's query options over HTTP, each against the response shape Microsoft documents.</summary>
public sealed class ODataQueryTests
{
    private ODataFixture _data = null!;

    [OneTimeSetUp]
    public async Task Start() => _data = await ODataFixture.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _data.Host.DisposeAsync();

    // learn.microsoft.com/power-apps/developer/data-platform/webapi/web-api-service-documents#csdl-metadata-document:
    // $metadata is the CSDL (Edmx 4.0) of namespace Microsoft.Dynamics.CRM, entity types deriving from crmbaseentity,
    // lookups as _x_value with a single-valued navigation property, 1:N relationships as collection-valued ones.
    [Test]
    public async Task Metadata_is_the_CSDL_of_the_tables_and_relationships()
    {
        using var response = await _data.Host.Client.GetAsync("$metadata");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace edm = "http://docs.oasis-open.org/odata/ns/edm";
        var account = xml.Descendants(edm + "EntityType").Single(e => (string?)e.Attribute("Name") == "account");

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/xml"));
            Assert.That((string?)xml.Root!.Attribute("Version"), Is.EqualTo("4.0"));
            Assert.That((string?)account.Parent!.Attribute("Namespace"), Is.EqualTo("Microsoft.Dynamics.CRM"));
            Assert.That((string?)account.Attribute("BaseType"), Is.EqualTo("Microsoft.Dynamics.CRM.crmbaseentity"));
            Assert.That((string?)account.Element(edm + "Key")!.Element(edm + "PropertyRef")!.Attribute("Name"), Is.EqualTo("accountid"));
            Assert.That(account.Elements(edm + "Property").Single(p => (string?)p.Attribute("Name") == "_primarycontactid_value").Attribute("Type")!.Value, Is.EqualTo("Edm.Guid"));
            Assert.That(account.Elements(edm + "NavigationProperty").Single(p => (string?)p.Attribute("Name") == "primarycontactid").Attribute("Type")!.Value, Is.EqualTo("Microsoft.Dynamics.CRM.contact"));
            Assert.That(account.Elements(edm + "NavigationProperty").Single(p => (string?)p.Attribute("Name") == "contact_customer_accounts").Attribute("Type")!.Value, Is.EqualTo("Collection(Microsoft.Dynamics.CRM.contact)"));
            Assert.That(xml.Descendants(edm + "EntitySet").Any(s => (string?)s.Attribute("Name") == "accounts" && (string?)s.Attribute("EntityType") == "Microsoft.Dynamics.CRM.account"), Is.True);
            Assert.That(xml.Descendants(edm + "EntityContainer").Single().Attribute("Name")!.Value, Is.EqualTo("System"));
            var getFeed = xml.Descendants(edm + "Function").Single(f => (string?)f.Attribute("Name") == "rapport_GetFeed");
            Assert.That(getFeed.Elements(edm + "Parameter").Select(p => (string?)p.Attribute("Name")), Does.Contain("PageSize").And.Contain("ContinuationToken"));
            Assert.That((string?)getFeed.Element(edm + "ReturnType")!.Attribute("Type"), Is.EqualTo("Microsoft.Dynamics.CRM.rapport_GetFeedResponse"));
            Assert.That(xml.Descendants(edm + "Action").Any(a => (string?)a.Attribute("Name") == "rapport_Follow"), Is.True);
            Assert.That(xml.Descendants(edm + "FunctionImport").Any(f => (string?)f.Attribute("Name") == "WhoAmI"), Is.True);
        });
    }

    // learn.microsoft.com/power-apps/developer/data-platform/webapi/query/select-columns: the context URL names the
    // selected columns and each row carries those, its etag and its primary key.
    [Test]
    public async Task Select_returns_the_columns_and_names_them_in_the_context()
    {
        var (_, body) = await _data.SendAsync(HttpMethod.Get, "accounts?$select=name,revenue&$filter=name eq 'Alpha'");
        var row = body!["value"]![0]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That((string?)body["@odata.context"], Does.EndWith("$metadata#accounts(name,revenue)"));
            Assert.That(row.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal), Is.EqualTo(new[] { "@odata.etag", "accountid", "name", "revenue" }));
            Assert.That((decimal)row["revenue"]!, Is.EqualTo(100m));
        });
    }

    // learn.microsoft.com/troubleshoot/power-platform/dataverse/dataverse-web-api-and-sdk/web-api-client-errors:
    // an unknown property is 400 with code 0x0; an unknown entity set is 404 with code 0x8006088a.
    [Test]
    public async Task Unknown_property_and_segment_are_refused_as_Dataverse_refuses_them()
    {
        var (propertyStatus, property) = await _data.SendAsync(HttpMethod.Get, "accounts?$select=Name");
        var (segmentStatus, segment) = await _data.SendAsync(HttpMethod.Get, "Account");

        Assert.Multiple(() =>
        {
            Assert.That(propertyStatus, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)property!["error"]!["code"], Is.EqualTo("0x0"));
            Assert.That((string?)property["error"]!["message"], Is.EqualTo("Could not find a property named 'Name' on type 'Microsoft.Dynamics.CRM.account'."));
            Assert.That(segmentStatus, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string?)segment!["error"]!["code"], Is.EqualTo("0x8006088a"));
            Assert.That((string?)segment["error"]!["message"], Is.EqualTo("Resource not found for the segment 'Account'."));
        });
    }

    // learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/queryfunctions (Under, UnderOrEqual, In,
    // Between, On, LastXDays) and query-hierarchical-data: Under is the rows below, not the row itself.
    [TestCase("Microsoft.Dynamics.CRM.Under(PropertyName='accountid',PropertyValue='{alpha}')", "Beta,Gamma")]
    [TestCase("Microsoft.Dynamics.CRM.UnderOrEqual(PropertyName='accountid',PropertyValue='{beta}')", "Beta,Gamma")]
    [TestCase("Microsoft.Dynamics.CRM.NotUnder(PropertyName='accountid',PropertyValue='{alpha}')", "Alpha,Delta")]
    [TestCase("Microsoft.Dynamics.CRM.In(PropertyName='name',PropertyValues=[\"Alpha\",\"Delta\"])", "Alpha,Delta")]
    [TestCase("Microsoft.Dynamics.CRM.Between(PropertyName='revenue',PropertyValues=[\"150\",\"500\"])", "Beta,Gamma")]
    [TestCase("Microsoft.Dynamics.CRM.On(PropertyName='createdon',PropertyValue='2025-01-01') and revenue gt 300", "Delta,Gamma")]
    [TestCase("Microsoft.Dynamics.CRM.LastXDays(PropertyName='createdon',PropertyValue=7)", "")]
    [TestCase("not Microsoft.Dynamics.CRM.In(PropertyName='name',PropertyValues=[\"Alpha\",\"Delta\"])", "Beta,Gamma")]
    public async Task Query_functions_select_the_documented_rows(string filter, string expected)
    {
        filter = filter.Replace("{alpha}", _data.Alpha.ToString(), StringComparison.Ordinal).Replace("{beta}", _data.Beta.ToString(), StringComparison.Ordinal);

        var names = await _data.NamesAsync($"accounts?$select=name&$filter={Uri.EscapeDataString(filter)}");

        Assert.That(string.Join(",", names), Is.EqualTo(expected));
    }

    // learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/lastxdays: rows whose date falls in the last
    // X days — the row created now, not those created in 2025.
    [Test]
    public async Task LastXDays_finds_the_row_created_now()
    {
        var id = await _data.Host.CreateAsync("accounts", new { name = "Recent" });

        var names = await _data.NamesAsync("accounts?$select=name&$filter=" + Uri.EscapeDataString("Microsoft.Dynamics.CRM.LastXDays(PropertyName='createdon',PropertyValue=7)"));
        await _data.SendAsync(HttpMethod.Delete, $"accounts({id})");

        Assert.That(names, Is.EqualTo(new[] { "Recent" }));
    }

    // learn.microsoft.com/power-apps/developer/data-platform/webapi/query/filter-rows#filter-using-data-from-related-tables:
    // any/all over a collection-valued navigation property; rows the caller cannot read never decide a match.
    [TestCase("contact_customer_accounts/any(c: c/lastname eq 'Baker')", false, "Alpha")]
    [TestCase("contact_customer_accounts/any(c: c/lastname eq 'Baker')", true, "")]
    [TestCase("contact_customer_accounts/any(c: c/creditlimit ge 100)", true, "Alpha,Beta")]
    [TestCase("contact_customer_accounts/all(c: c/lastname ne 'Baker')", false, "Beta,Delta,Gamma")]
    [TestCase("primarycontactid/fullname eq 'Ann Abbot'", false, "Alpha")]
    public async Task Lambda_and_navigation_filters_match_through_related_rows(string filter, bool asAnn, string expected)
    {
        var names = await _data.NamesAsync($"accounts?$select=name&$filter={Uri.EscapeDataString(filter)}", asAnn: asAnn);

        Assert.That(string.Join(",", names), Is.EqualTo(expected));
    }

    // learn.microsoft.com/power-apps/developer/data-platform/webapi/query/count-rows: @odata.count is the number of
    // matching rows (not the page), trimmed to what the caller may read.
    [TestCase(false, 4)]
    [TestCase(true, 2)]
    public async Task Count_is_every_readable_match_not_the_page(bool asAnn, int expected)
    {
        var (_, body) = await _data.SendAsync(HttpMethod.Get, "accounts?$select=name&$count=true&$top=1", asAnn);

        Assert.Multiple(() =>
        {
            Assert.That((int)body!["@odata.count"]!, Is.EqualTo(expected));
            Assert.That(body["value"]!.AsArray(), Has.Count.EqualTo(1));
        });
    }

    // learn.microsoft.com/power-apps/developer/data-platform/webapi/query/join-tables (retrieve-related-table-records-query):
    // a single-valued navigation property expands to an object (null when there is none), a collection-valued one to
    // an array honouring the nested $select/$filter/$orderby/$top.
    [Test]
    public async Task Expand_single_and_collection_valued_navigation_properties()
    {
        var rows = await _data.ValuesAsync("accounts?$select=name&$orderby=name&$expand=primarycontactid($select=fullname),contact_customer_accounts($select=lastname;$filter=creditlimit gt 50;$orderby=lastname desc;$top=1)");
        var alpha = rows.Single(r => (string?)r!["name"] == "Alpha")!;
        var beta = rows.Single(r => (string?)r!["name"] == "Beta")!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)alpha["primarycontactid"]!["fullname"], Is.EqualTo("Ann Abbot"));
            Assert.That((string?)alpha["primarycontactid"]!["contactid"], Is.EqualTo(_data.AnnContact.ToString()));
            Assert.That(beta["primarycontactid"], Is.Null);
            Assert.That(alpha["contact_customer_accounts"]!.AsArray().Select(c => (string?)c!["lastname"]), Is.EqualTo(new[] { "Baker" }));
            Assert.That(beta["contact_customer_accounts"]!.AsArray().Select(c => (string?)c!["lastname"]), Is.EqualTo(new[] { "Cole" }));
        });
    }

    [Test]
    public async Task Expand_is_trimmed_to_the_rows_the_caller_may_read()
    {
        var rows = await _data.ValuesAsync("accounts?$select=name&$filter=name eq 'Alpha'&$expand=contact_customer_accounts($select=lastname)", asAnn: true);

        Assert.That(rows.Single()!["contact_customer_accounts"]!.AsArray().Select(c => (string?)c!["lastname"]), Is.EqualTo(new[] { "Abbot" }));
    }

    // learn.microsoft.com/power-apps/developer/data-platform/webapi/query/aggregate-data: aggregate and groupby rows
    // carry the aliases; grouped choices carry their FormattedValue when annotations are asked for.
    [TestCase(false, 1500, 4)]
    [TestCase(true, 300, 2)]
    public async Task Apply_aggregates_only_the_rows_the_caller_may_read(bool asAnn, decimal total, int count)
    {
        var row = (await _data.ValuesAsync("accounts?$apply=aggregate(revenue with sum as total,$count as count)", asAnn)).Single()!;

        Assert.Multiple(() =>
        {
            Assert.That((decimal)row["total"]!, Is.EqualTo(total));
            Assert.That((int)row["count"]!, Is.EqualTo(count));
        });
    }

    [Test]
    public async Task Apply_groupby_counts_each_group_with_its_label()
    {
        var rows = await _data.ValuesAsync("contacts?$apply=groupby((gendercode),aggregate($count as count))", prefer: "odata.include-annotations=\"*\"");
        var groups = rows.ToDictionary(r => (string)r!["gendercode@OData.Community.Display.V1.FormattedValue"]!, r => (int)r!["count"]!);

        Assert.That(groups, Is.EqualTo(new System.Collections.Generic.Dictionary<string, int> { ["Female"] = 1, ["Male"] = 2 }));
    }

    [Test]
    public async Task Apply_filters_then_groups_by_a_lookup()
    {
        var rows = await _data.ValuesAsync("accounts?$apply=filter(revenue gt 150)/groupby((_parentaccountid_value),aggregate(revenue with sum as total))");
        var totals = rows.ToDictionary(r => (string?)r!["_parentaccountid_value"] ?? "none", r => (decimal)r!["total"]!);

        Assert.That(totals, Is.EqualTo(new System.Collections.Generic.Dictionary<string, decimal>
        {
            [_data.Alpha.ToString()] = 200m, [_data.Beta.ToString()] = 400m, ["none"] = 800m,
        }));
    }

    // learn.microsoft.com/power-apps/developer/data-platform/webapi/retrieve-entity-using-web-api#retrieve-related-table-records-by-expanding-navigation-properties:
    // one record with a nested expansion.
    [Test]
    public async Task A_single_record_expands_nested_navigation_properties()
    {
        var (status, row) = await _data.SendAsync(HttpMethod.Get, $"contacts({_data.AnnContact})?$select=fullname&$expand=parentcustomerid_account($select=name;$expand=primarycontactid($select=fullname))");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)row!["@odata.context"], Does.EndWith("$metadata#contacts(fullname,parentcustomerid_account(name,primarycontactid(fullname)))/$entity"));
            Assert.That((string?)row["parentcustomerid_account"]!["name"], Is.EqualTo("Alpha"));
            Assert.That((string?)row["parentcustomerid_account"]!["primarycontactid"]!["fullname"], Is.EqualTo("Ann Abbot"));
        });
    }

    // learn.microsoft.com/power-apps/developer/data-platform/fetchxml/retrieve-data?tabs=webapi: ?fetchXml= on the
    // entity set runs the FetchXML as the caller.
    [TestCase(false, "Delta,Gamma")]
    [TestCase(true, "")]
    public async Task FetchXml_parameter_runs_the_query_as_the_caller(bool asAnn, string expected)
    {
        const string fetch = "<fetch><entity name='account'><attribute name='name'/><filter><condition attribute='revenue' operator='gt' value='300'/></filter></entity></fetch>";

        var names = await _data.NamesAsync("accounts?fetchXml=" + Uri.EscapeDataString(fetch), asAnn: asAnn);

        Assert.That(string.Join(",", names), Is.EqualTo(expected));
    }

    // learn.microsoft.com/power-apps/developer/data-platform/webapi/query/page-results: the nextLink is used as it is;
    // a $skiptoken the service did not write is refused (never the first page again).
    [TestCase("garbage")]
    [TestCase("<cookie pagenumber=\"x\" />")]
    public async Task A_bad_skiptoken_is_a_400(string token)
    {
        var (status, body) = await _data.SendAsync(HttpMethod.Get, "accounts?$select=name&$skiptoken=" + Uri.EscapeDataString(token), prefer: "odata.maxpagesize=2");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["error"]!["code"], Does.StartWith("0x"));
        });
    }

    // learn.microsoft.com/power-apps/developer/data-platform/webapi/query/select-columns#formatted-values and
    // #lookup-property-data: FormattedValue, associatednavigationproperty and lookuplogicalname annotations.
    [Test]
    public async Task Annotations_carry_labels_and_lookup_details()
    {
        var (_, row) = await _data.SendAsync(HttpMethod.Get, $"contacts({_data.AnnContact})?$select=_parentcustomerid_value,gendercode,creditlimit", prefer: "odata.include-annotations=\"*\"");

        Assert.Multiple(() =>
        {
            Assert.That((string?)row!["_parentcustomerid_value@OData.Community.Display.V1.FormattedValue"], Is.EqualTo("Alpha"));
            Assert.That((string?)row["_parentcustomerid_value@Microsoft.Dynamics.CRM.associatednavigationproperty"], Is.EqualTo("parentcustomerid_account"));
            Assert.That((string?)row["_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname"], Is.EqualTo("account"));
            Assert.That((string?)row["gendercode@OData.Community.Display.V1.FormattedValue"], Is.EqualTo("Female"));
            Assert.That((string?)row["creditlimit@OData.Community.Display.V1.FormattedValue"], Is.EqualTo("$100.00"));
        });
    }

    // learn.microsoft.com/power-apps/developer/data-platform/webapi/create-entity-web-api#create-with-data-returned:
    // Prefer: return=representation answers 201 with the row ($select applies).
    [Test]
    public async Task Create_with_return_representation_answers_201_with_the_row()
    {
        using var content = new StringContent("{\"name\":\"Epsilon\",\"revenue\":5}", Encoding.UTF8, "application/json");
        var (status, body) = await _data.SendAsync(HttpMethod.Post, "accounts?$select=name,revenue", prefer: "return=representation", content: content);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((string?)body!["@odata.context"], Does.EndWith("$metadata#accounts(name,revenue)/$entity"));
            Assert.That((string?)body["name"], Is.EqualTo("Epsilon"));
        });

        await _data.SendAsync(HttpMethod.Delete, $"accounts({body!["accountid"]})");
    }

    // learn.microsoft.com/troubleshoot/power-platform/dataverse/dataverse-web-api-and-sdk/web-api-client-errors: a
    // refused URL writes nothing, even when the write itself would have worked.
    [Test]
    public async Task A_create_with_a_bad_select_is_refused_before_it_writes()
    {
        var before = _data.Host.Host.Environment.Store.Count("account");
        using var content = new StringContent("{\"name\":\"Never\"}", Encoding.UTF8, "application/json");

        var (status, body) = await _data.SendAsync(HttpMethod.Post, "accounts?$select=Name", prefer: "return=representation", content: content);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["error"]!["code"], Is.EqualTo("0x0"));
            Assert.That(_data.Host.Host.Environment.Store.Count("account"), Is.EqualTo(before));
        });
    }

    // learn.microsoft.com/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors#http-headers:
    // a body is sent as application/json; another media type is refused (415) and nothing is written.
    [Test]
    public async Task A_write_without_application_json_is_415_and_writes_nothing()
    {
        var before = _data.Host.Host.Environment.Store.Count("account");
        using var content = new StringContent("{\"name\":\"Plain\"}", Encoding.UTF8, "text/plain");

        var (status, body) = await _data.SendAsync(HttpMethod.Post, "accounts", content: content);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
            Assert.That((string?)body!["error"]!["message"], Does.Contain("application/json"));
            Assert.That(_data.Host.Host.Environment.Store.Count("account"), Is.EqualTo(before));
        });
    }
}
