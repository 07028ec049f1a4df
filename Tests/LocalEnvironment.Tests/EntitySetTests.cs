using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Rapport.LocalEnvironment.Tests;

public sealed class EntitySetTests
{
    private HostFixture _host = null!;

    [SetUp]
    public async Task Start() => _host = await HostFixture.StartAsync();

    [TearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [Test]
    public async Task Create_retrieve_update_delete_round_trip()
    {
        var id = await _host.CreateAsync("contacts", new { firstname = "Ann", lastname = "Smith", creditlimit = 1500.5m });

        var read = await _host.GetAsync($"contacts({id})?$select=fullname,creditlimit");
        Assert.Multiple(() =>
        {
            Assert.That((string?)read["fullname"], Is.EqualTo("Ann Smith"));
            Assert.That((decimal?)read["creditlimit"], Is.EqualTo(1500.5m));
            Assert.That((string?)read["contactid"], Is.EqualTo(id.ToString()));
            Assert.That(read.ContainsKey("lastname"), Is.False, "$select limits the columns");
            Assert.That((string?)read["@odata.etag"], Does.StartWith("W/\""));
        });

        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"contacts({id})") { Content = HostFixture.Json(new { lastname = "Jones" }) };
        using var patched = await _host.Client.SendAsync(patch);
        Assert.That(patched.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((string?)(await _host.GetAsync($"contacts({id})?$select=fullname"))["fullname"], Is.EqualTo("Ann Jones"));

        using var deleted = await _host.Client.DeleteAsync($"contacts({id})");
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using var gone = await _host.Client.GetAsync($"contacts({id})");
        var error = await HostFixture.ErrorOf(gone);
        Assert.Multiple(() =>
        {
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string?)error["code"], Is.EqualTo("0x80040217"));
        });
    }

    [Test]
    public async Task Create_with_return_representation_is_201_with_the_row()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "contacts?$select=fullname") { Content = HostFixture.Json(new { lastname = "Rep" }) };
        request.Headers.Add("Prefer", "return=representation");
        using var response = await _host.Client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((string?)body["fullname"], Is.EqualTo("Rep"));
            Assert.That(response.Headers.Contains("OData-EntityId"), Is.True);
        });
    }

    [Test]
    public async Task Lookup_bound_with_odata_bind_reads_back_as_value_with_annotations()
    {
        var account = await _host.CreateAsync("accounts", new { name = "Contoso" });
        var contact = await _host.CreateAsync("contacts", new JsonObject { ["lastname"] = "Lee", ["parentcustomerid_account@odata.bind"] = $"/accounts({account})", ["gendercode"] = 2 });

        var read = await _host.GetAsync($"contacts({contact})?$select=_parentcustomerid_value,gendercode", "odata.include-annotations=\"*\"");

        Assert.Multiple(() =>
        {
            Assert.That((string?)read["_parentcustomerid_value"], Is.EqualTo(account.ToString()));
            Assert.That((string?)read["_parentcustomerid_value@OData.Community.Display.V1.FormattedValue"], Is.EqualTo("Contoso"));
            Assert.That((string?)read["_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname"], Is.EqualTo("account"));
            Assert.That((string?)read["gendercode@OData.Community.Display.V1.FormattedValue"], Is.EqualTo("Female"));
        });

        var filtered = await _host.GetAsync($"contacts?$select=lastname&$filter=_parentcustomerid_value eq {account}");
        Assert.That(filtered["value"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Formatted_values_appear_only_when_asked_for()
    {
        var id = await _host.CreateAsync("accounts", new { name = "Fabrikam", revenue = 1234.5m });

        var plain = await _host.GetAsync($"accounts({id})?$select=revenue");
        var annotated = await _host.GetAsync($"accounts({id})?$select=revenue,statecode", "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"");

        Assert.Multiple(() =>
        {
            Assert.That(plain.ContainsKey("revenue@OData.Community.Display.V1.FormattedValue"), Is.False);
            Assert.That((string?)annotated["revenue@OData.Community.Display.V1.FormattedValue"], Is.EqualTo("$1,234.50"));
            Assert.That((string?)annotated["statecode@OData.Community.Display.V1.FormattedValue"], Is.EqualTo("Active"));
        });
    }

    [Test]
    public async Task Unknown_property_in_payload_is_400_with_error_body()
    {
        using var response = await _host.Client.PostAsync("contacts", HostFixture.Json(new { nosuchcolumn = "x" }));
        var error = await HostFixture.ErrorOf(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)error["message"], Does.Contain("nosuchcolumn"));
        });
    }

    [Test]
    public async Task Emulator_fault_maps_to_status_and_hex_code()
    {
        using var response = await _host.Client.PostAsync("contacts", HostFixture.Json(new { lastname = new string('x', 51) }));
        var error = await HostFixture.ErrorOf(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)error["code"], Is.EqualTo("0x80044331"));
        });
    }

    [Test]
    public async Task Patch_of_a_missing_row_creates_it_unless_IfMatch_star()
    {
        var id = Guid.NewGuid();
        using var strict = new HttpRequestMessage(HttpMethod.Patch, $"contacts({id})") { Content = HostFixture.Json(new { lastname = "Upserted" }) };
        strict.Headers.TryAddWithoutValidation("If-Match", "*");
        using var refused = await _host.Client.SendAsync(strict);

        using var upsert = new HttpRequestMessage(HttpMethod.Patch, $"contacts({id})") { Content = HostFixture.Json(new { lastname = "Upserted" }) };
        using var created = await _host.Client.SendAsync(upsert);

        Assert.Multiple(async () =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That((string?)(await _host.GetAsync($"contacts({id})?$select=lastname"))["lastname"], Is.EqualTo("Upserted"));
        });
    }
}
