using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Rapport.Emulator;
using Rapport.Solution.Declarations;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>
/// Issue 20: importing a solution with code components writes one customcontrol row per component (name, manifest,
/// compatible data types, version: learn.microsoft.com/power-apps/developer/data-platform/reference/entities/customcontrol),
/// keeps the files the zip carries and serves them at /controls/&lt;Namespace&gt;.&lt;Constructor&gt;/&lt;file&gt;; a
/// CustomControl whose manifest the zip lacks fails the import, naming the part, as Dataverse's import does.
/// </summary>
public sealed class CodeComponentImportTests
{
    private HostFixture _host = null!;

    [SetUp]
    public async Task Start() => _host = await HostFixture.StartAsync();

    [TearDown]
    public async Task Stop() => await _host.DisposeAsync();

    private static string Fixture(string path) => Path.Combine(PackedZips.ControlsFixture, path);

    private async Task<HttpResponseMessage> ImportAsync(byte[] zip) =>
        await _host.Client.PostAsync("ImportSolution", HostFixture.Json(new
        {
            CustomizationFile = Convert.ToBase64String(zip),
            OverwriteUnmanagedCustomizations = true,
            PublishWorkflows = true,
            ImportJobId = Guid.NewGuid(),
        }));

    private async Task ImportOkAsync(byte[] zip)
    {
        using var response = await ImportAsync(zip);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Import_writes_a_customcontrol_row_per_component_with_its_manifest_and_bound_types()
    {
        await ImportOkAsync(PackedZips.Managed("1.0.0.0"));

        var rows = (await _host.GetAsync("customcontrols?$select=name,manifest,compatibledatatypes,version&$orderby=name"))["value"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => (string?)r!["name"]), Is.EqualTo(new[] { "rapport_Rapport.Feed", "rapport_Rapport.InsightsCard" }));
            Assert.That((string?)rows[0]!["manifest"], Is.EqualTo(File.ReadAllText(Fixture("Feed/ControlManifest.xml"))));
            Assert.That(rows.Select(r => (string?)r!["compatibledatatypes"]), Is.All.EqualTo("SingleLine.Text"), "the anchor property is bound to a single line of text");
            Assert.That(rows.Select(r => (string?)r!["version"]), Is.All.EqualTo("1.0.0"));
        });
    }

    [TestCase("Rapport.Feed/bundle.js", "Feed/bundle.js", "text/javascript; charset=utf-8")]
    [TestCase("Rapport.Feed/css/Feed.css", "Feed/css/Feed.css", "text/css; charset=utf-8")]
    [TestCase("Rapport.InsightsCard/strings/InsightsCard.1033.resx", "InsightsCard/strings/InsightsCard.1033.resx", "application/xml")]
    [TestCase("Rapport.InsightsCard/ControlManifest.xml", "InsightsCard/ControlManifest.xml", "application/xml")]
    public async Task Imported_files_are_served_without_a_token_with_their_content_type(string url, string fixture, string contentType)
    {
        await ImportOkAsync(PackedZips.Managed("1.0.0.0"));

        // A form page loads the bundle with a script tag: no bearer token.
        using var anonymous = new HttpClient();
        using var response = await anonymous.GetAsync(new Uri(_host.Host.BaseUrl, "controls/" + url));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo(contentType));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(File.ReadAllBytes(Fixture(fixture))));
    }

    [Test]
    public async Task A_file_or_component_nothing_imported_has_is_left_to_the_other_routes()
    {
        await ImportOkAsync(PackedZips.Managed("1.0.0.0"));

        using var unknownComponent = await _host.Client.GetAsync(new Uri(_host.Host.BaseUrl, "controls/Rapport.Timeline/bundle.js"));
        using var unknownFile = await _host.Client.GetAsync(new Uri(_host.Host.BaseUrl, "controls/Rapport.Feed/secret.js"));

        Assert.Multiple(() =>
        {
            Assert.That(unknownComponent.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unknownFile.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task Nothing_is_served_before_an_import()
    {
        using var anonymous = new HttpClient();
        using var response = await anonymous.GetAsync(new Uri(_host.Host.BaseUrl, "controls/Rapport.Feed/bundle.js"));

        Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_custom_control_whose_manifest_the_zip_lacks_fails_the_import_naming_the_part_and_registers_nothing()
    {
        var zip = PackedZips.Without(PackedZips.Managed("1.0.0.0"), "Controls/rapport_Rapport.Feed/ControlManifest.xml");

        using var response = await ImportAsync(zip);
        var error = await HostFixture.ErrorOf(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)error["message"], Does.Contain("Controls/rapport_Rapport.Feed/ControlManifest.xml").And.Contain("missing"));
            Assert.That(_host.Host.Environment.Store.Count("customcontrol"), Is.Zero);
            Assert.That(_host.Host.Environment.Store.Rows("solution").Where(r => (string?)r["uniquename"] == "Rapport"), Is.Empty);
        });
    }

    [Test]
    public async Task A_custom_control_without_its_FileName_is_refused_as_the_customizations_schema_demands()
    {
        var zip = PackedZips.With(PackedZips.Managed("1.0.0.0"), "customizations.xml",
            xml => xml.Replace("<FileName>/Controls/rapport_Rapport.Feed/ControlManifest.xml</FileName>", "", StringComparison.Ordinal));

        using var response = await ImportAsync(zip);
        var error = await HostFixture.ErrorOf(response);

        Assert.That((string?)error["message"], Does.Contain("customizations.xml").And.Contain("CustomControl").And.Contain("FileName"));
    }

    [Test]
    public async Task Reimporting_the_same_components_updates_their_rows_instead_of_adding_more()
    {
        await ImportOkAsync(PackedZips.Managed("1.0.0.0"));
        await ImportOkAsync(PackedZips.Managed("1.0.0.1"));

        Assert.That(_host.Host.Environment.Store.Count("customcontrol"), Is.EqualTo(2));
    }

    [Test]
    public async Task Imported_components_are_served_again_after_a_restart_on_the_same_data()
    {
        var data = Path.Combine(Path.GetTempPath(), "rapport-pcf-import-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new LocalOptions { Port = 0, Token = HostFixture.Token, DataDirectory = data };
            await using (var first = await LocalHost.StartAsync(new DataverseEmulator(RapportSolution.Build("1.0.0.0")), options))
            {
                using var client = new HttpClient { BaseAddress = new Uri(first.BaseUrl, "api/data/v9.2/") };
                client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", HostFixture.Token);
                using var import = await client.PostAsync("ImportSolution", HostFixture.Json(new { CustomizationFile = Convert.ToBase64String(PackedZips.Managed("1.0.0.0")), ImportJobId = Guid.NewGuid() }));
                Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            }

            await using var second = await LocalHost.StartAsync(new DataverseEmulator(RapportSolution.Build("1.0.0.0")), options);
            using var anonymous = new HttpClient();
            using var response = await anonymous.GetAsync(new Uri(second.BaseUrl, "controls/Rapport.Feed/bundle.js"));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.Environment.Store.Count("customcontrol"), Is.EqualTo(2));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
