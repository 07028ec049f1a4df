using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Rapport.LocalEnvironment.Tests;

public sealed class ImportTests
{
    private HostFixture _host = null!;

    [SetUp]
    public async Task Start() => _host = await HostFixture.StartAsync();

    [TearDown]
    public async Task Stop() => await _host.DisposeAsync();

    private Task<HttpResponseMessage> ImportAsync(byte[] zip, string message = "ImportSolution", Guid? jobId = null) =>
        _host.Client.PostAsync(message, HostFixture.Json(new
        {
            CustomizationFile = Convert.ToBase64String(zip),
            OverwriteUnmanagedCustomizations = true,
            PublishWorkflows = true,
            ImportJobId = jobId ?? Guid.NewGuid(),
        }));

    private async Task ImportOkAsync(byte[] zip)
    {
        using var response = await ImportAsync(zip);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> RecalculateAsync(Guid contact) =>
        _host.Client.PostAsync($"contacts({contact})/Microsoft.Dynamics.CRM.{PackedZips.ApiName}", HostFixture.Json(new { Horizon = 12 }));

    [Test]
    public async Task Imported_zip_is_listed_and_its_Custom_API_runs_the_plugin_loaded_from_the_zip()
    {
        var zip = PackedZips.Managed("1.0.0.0");
        var contact = await _host.CreateAsync("contacts", new { lastname = "Donor" });
        using (var before = await RecalculateAsync(contact))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no such operation before the import");
        }

        await ImportOkAsync(zip);
        using var after = await RecalculateAsync(contact);
        var solutions = await _host.GetAsync("solutions?$select=uniquename,version,ismanaged,friendlyname");

        Assert.Multiple(() =>
        {
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), after.Content.ReadAsStringAsync().Result);
            var row = solutions["value"]!.AsArray().Single()!;
            Assert.That((string?)row["uniquename"], Is.EqualTo("Rapport"));
            Assert.That((string?)row["version"], Is.EqualTo("1.0.0.0"));
            Assert.That((bool?)row["ismanaged"], Is.True);
        });
        var fixtures = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "Rapport.Solution.Fixtures").ToList();
        Assert.That(fixtures.Select(a => System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(a)!.Name), Has.All.EqualTo("solution:Rapport"),
            "the plugin assembly was loaded from the zip's bytes (the tests do not reference it)");
    }

    [Test]
    public async Task Async_import_completes_with_asyncoperation_and_importjob_records()
    {
        var jobId = Guid.NewGuid();
        using var response = await ImportAsync(PackedZips.Managed("1.0.0.0"), "ImportSolutionAsync", jobId);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)body["ImportJobKey"], Is.EqualTo(jobId.ToString()));

        var operation = await PollAsync(Guid.Parse((string)body["AsyncOperationId"]!));
        var job = await _host.GetAsync($"importjobs({jobId})?$select=progress,data,solutionname");

        Assert.Multiple(() =>
        {
            Assert.That((int?)operation["statecode"], Is.EqualTo(3));
            Assert.That((int?)operation["statuscode"], Is.EqualTo(30), (string?)operation["message"]);
            Assert.That((double?)job["progress"], Is.EqualTo(100));
            Assert.That((string?)job["data"], Does.Contain("result=\"success\""));
            Assert.That((string?)job["solutionname"], Is.EqualTo("Rapport"));
        });
    }

    [Test]
    public async Task Higher_version_upgrades_in_place_and_keeps_data()
    {
        await ImportOkAsync(PackedZips.Managed("1.0.0.0"));
        var steps = _host.Host.Environment.Store.Count("sdkmessageprocessingstep");
        var contact = await _host.CreateAsync("contacts", new { lastname = "Kept" });

        await ImportOkAsync(PackedZips.Managed("1.1.0.0"));
        await ImportOkAsync(PackedZips.Managed("1.1.0.0"));
        using var call = await RecalculateAsync(contact);
        var solutions = await _host.GetAsync("solutions?$select=version");

        Assert.Multiple(async () =>
        {
            Assert.That((string?)(await _host.GetAsync($"contacts({contact})?$select=lastname"))["lastname"], Is.EqualTo("Kept"));
            Assert.That(solutions["value"]!.AsArray().Select(s => (string?)s!["version"]), Is.EqualTo(new[] { "1.1.0.0" }));
            Assert.That(call.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(_host.Host.Environment.Store.Count("sdkmessageprocessingstep"), Is.EqualTo(steps).And.GreaterThan(0), "an upgrade replaces the steps, it does not add to them");
        });
    }

    [Test]
    public async Task Lower_version_is_refused_and_names_the_version()
    {
        await ImportOkAsync(PackedZips.Managed("2.0.0.0"));

        using var response = await ImportAsync(PackedZips.Managed("1.0.0.0"));
        var error = await HostFixture.ErrorOf(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)error["code"], Does.StartWith("0x8004"));
            Assert.That((string?)error["message"], Does.Contain("solution.xml/Version").And.Contain("2.0.0.0"));
        });
    }

    [Test]
    public async Task Broken_zip_is_refused_with_a_message_naming_the_missing_part()
    {
        var broken = PackedZips.Without(PackedZips.Managed("1.0.0.0"), "customizations.xml");

        using var response = await ImportAsync(broken);
        var error = await HostFixture.ErrorOf(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)error["message"], Does.Contain("customizations.xml"));
        });
    }

    [Test]
    public async Task A_False_entity_flag_is_refused_as_Dataverse_refuses_it_naming_the_element_and_nothing_is_registered()
    {
        // Exports write entity flags as 0/1 (<IsDuplicateCheckSupported>0</…> in the ColumnLevelSecurity sample export
        // of microsoft/PowerApps-Samples); the local import must not accept what Dataverse's import rejects.
        var zip = PackedZips.With(PackedZips.Managed("1.0.0.0"), "customizations.xml",
            xml => xml.Replace("<IsDuplicateCheckSupported>0</IsDuplicateCheckSupported>", "<IsDuplicateCheckSupported>False</IsDuplicateCheckSupported>", StringComparison.Ordinal));

        using var response = await ImportAsync(zip);
        var error = await HostFixture.ErrorOf(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)error["message"], Does.Contain("customizations.xml").And.Contain("IsDuplicateCheckSupported").And.Contain("'False'"));
            Assert.That(_host.Host.Environment.Store.Count("sdkmessageprocessingstep"), Is.Zero, "a refused import registers nothing");
            Assert.That(_host.Host.Environment.Store.Rows("solution").Where(r => (string?)r["uniquename"] == "Rapport"), Is.Empty);
        });
    }

    [Test]
    public async Task A_plugin_type_without_its_required_FriendlyName_is_refused_naming_the_type()
    {
        var zip = PackedZips.With(PackedZips.Managed("1.0.0.0"), "customizations.xml",
            xml => System.Text.RegularExpressions.Regex.Replace(xml, "<FriendlyName>[^<]*</FriendlyName>", "", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(5)));

        using var response = await ImportAsync(zip);
        var error = await HostFixture.ErrorOf(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)error["message"], Does.Contain("PluginType[").And.Contain("FriendlyName"));
        });
    }

    [Test]
    public async Task Failed_async_import_reports_statuscode_31_and_the_job_names_the_part()
    {
        var jobId = Guid.NewGuid();
        using var response = await ImportAsync([1, 2, 3], "ImportSolutionAsync", jobId);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var operation = await PollAsync(Guid.Parse((string)body["AsyncOperationId"]!));
        var job = await _host.GetAsync($"importjobs({jobId})?$select=data");

        Assert.Multiple(() =>
        {
            Assert.That((int?)operation["statuscode"], Is.EqualTo(31));
            Assert.That((string?)operation["message"], Does.Contain("zip"));
            Assert.That((string?)job["data"], Does.Contain("result=\"failure\""));
        });
    }

    [Test]
    public async Task Web_resources_of_the_imported_solution_are_served_with_their_content_type()
    {
        await ImportOkAsync(PackedZips.Managed("1.0.0.0"));

        using var response = await _host.Client.GetAsync(new Uri(_host.Host.BaseUrl, "WebResources/" + PackedZips.WebResourceName));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(PackedZips.WebResourceText));
        });
    }

    [Test]
    public async Task PublishAllXml_is_accepted()
    {
        using var response = await _host.Client.PostAsync("PublishAllXml", HostFixture.Json(new { }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    private async Task<JsonObject> PollAsync(Guid operationId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var operation = await _host.GetAsync($"asyncoperations({operationId})?$select=statecode,statuscode,message");
            if ((int?)operation["statecode"] == 3)
            {
                return operation;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The async import did not complete within 10 seconds.");
        return null!;
    }
}
