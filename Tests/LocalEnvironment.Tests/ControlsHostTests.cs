using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>
/// The code components on the local host: files served at /controls/&lt;Namespace&gt;.&lt;Constructor&gt;/ from
/// LocalOptions.ControlsDirectory (laid out as pcf-scripts' out/controls/), and the form page that places them.
/// </summary>
public sealed class ControlsHostTests
{
    private HostFixture _host = null!;
    private string _root = null!;

    [SetUp]
    public async Task Start()
    {
        // A build's layout: out/controls/<Constructor>/ControlManifest.xml, bundle.js, css/…; out/platform/….
        _root = Path.Combine(Path.GetTempPath(), $"rapport-controls-{Guid.NewGuid():N}");
        foreach (var (name, ns) in new[] { ("Feed", "Rapport"), ("InsightsCard", "Rapport"), ("Other", "Acme") })
        {
            Directory.CreateDirectory(Path.Combine(_root, "controls", name, "css"));
            await File.WriteAllTextAsync(Path.Combine(_root, "controls", name, "ControlManifest.xml"), $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><manifest><control namespace="{ns}" constructor="{name}" control-type="virtual"/></manifest>""");
            await File.WriteAllTextAsync(Path.Combine(_root, "controls", name, "bundle.js"), $"/* {name} */");
            await File.WriteAllTextAsync(Path.Combine(_root, "controls", name, "css", $"{name}.css"), ".x{}");
        }

        Directory.CreateDirectory(Path.Combine(_root, "platform"));
        await File.WriteAllTextAsync(Path.Combine(_root, "platform", "platform-libs.js"), "/* react */");
        await File.WriteAllTextAsync(Path.Combine(_root, "secret.txt"), "outside");
        _host = await HostFixture.StartAsync(options: new LocalOptions { Port = 0, Token = HostFixture.Token, ControlsDirectory = Path.Combine(_root, "controls") });
        using var response = await _host.Client.PostAsync("ImportSolution", HostFixture.Json(new { CustomizationFile = Convert.ToBase64String(PackedZips.Managed("1.0.0.0")), OverwriteUnmanagedCustomizations = true, PublishWorkflows = true, ImportJobId = Guid.NewGuid() }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [TearDown]
    public async Task Stop()
    {
        await _host.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [TestCase("controls/Acme.Other/css/Other.css", HttpStatusCode.OK, "text/css", ".x{}")]
    [TestCase("controls/Rapport.Feed/ControlManifest.xml", HttpStatusCode.OK, "application/xml", null)]
    [TestCase("controls/Acme.Other/bundle.js", HttpStatusCode.OK, "text/javascript", "/* Other */")]
    [TestCase("controls/platform/platform-libs.js", HttpStatusCode.OK, "text/javascript", "/* react */")]
    [TestCase("controls/Acme.Feed/bundle.js", HttpStatusCode.NotFound, null, null)]
    [TestCase("controls/Rapport.Feed/missing.js", HttpStatusCode.NotFound, null, null)]
    [TestCase("controls/Rapport.Feed/..%2F..%2F..%2Fsecret.txt", HttpStatusCode.NotFound, null, null)]
    [TestCase("controls/platform/..%2Fsecret.txt", HttpStatusCode.NotFound, null, null)]
    public async Task Control_files_are_served_by_namespace_and_constructor_and_nothing_outside(string path, HttpStatusCode status, string? type, string? body)
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(_host.Host.BaseUrl, path));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status));
            if (type is not null)
            {
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(type));
            }

            if (body is not null)
            {
                Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(body));
            }
        });
    }

    [Test]
    public async Task An_imported_control_is_served_before_the_repository_build_of_the_same_name()
    {
        // The solution imported in Start carries Rapport.Feed (packed from the pcf-scripts-shaped fixture): as in
        // Dataverse, the form runs the imported component, not whatever sits in the build folder.
        using var client = new HttpClient();
        var imported = await File.ReadAllTextAsync(Path.Combine(PackedZips.ControlsFixture, "Feed", "bundle.js"));

        var served = await client.GetStringAsync(new Uri(_host.Host.BaseUrl, "controls/Rapport.Feed/bundle.js"));

        Assert.That(served, Is.EqualTo(imported).And.Not.EqualTo("/* Feed */"));
    }

    [Test]
    public async Task Contact_form_places_feed_and_card_in_the_page_and_ui_webresources_keeps_the_frames()
    {
        var contact = await _host.CreateAsync("contacts", new { lastname = "<b>Form</b>" });
        var account = await _host.CreateAsync("accounts", new { name = "Acme" });
        using var client = new HttpClient();

        var page = await client.GetStringAsync(new Uri(_host.Host.BaseUrl, $"main.aspx?etn=contact&id={contact}&token={HostFixture.Token}"));
        var accountPage = await client.GetStringAsync(new Uri(_host.Host.BaseUrl, $"main.aspx?etn=account&id={account}&token={HostFixture.Token}"));
        var old = await client.GetStringAsync(new Uri(_host.Host.BaseUrl, $"main.aspx?etn=contact&id={contact}&token={HostFixture.Token}&ui=webresources"));

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("<div id=\"control-feed\" class=\"pcf-control\" data-control=\"Rapport.Feed\"></div>"));
            Assert.That(page, Does.Contain("<div id=\"control-insights\" class=\"pcf-control\" data-control=\"Rapport.InsightsCard\"></div>"));
            Assert.That(page, Does.Contain("<script src=\"/controls/platform/platform-libs.js\"></script>"));
            Assert.That(page, Does.Contain($"\"record\":{{\"table\":\"contact\",\"id\":\"{contact}\""), "the record the context describes");
            Assert.That(page, Does.Not.Contain("<iframe"), "no iframe: one page, one scroll");
            Assert.That(page, Does.Contain("&lt;b&gt;Form&lt;/b&gt;").And.Not.Contain("<b>Form</b>"));
            Assert.That(page, Does.Contain("\"DisplayName\":\"Contact\""), "context.utils.getEntityMetadata's display names");
            Assert.That(accountPage, Does.Contain("data-control=\"Rapport.InsightsCard\""));
            Assert.That(old, Does.Contain("<iframe id=\"WebResource_rapport_feed\"").And.Not.Contain("data-control="));
        });
    }

    [Test]
    public async Task Form_of_another_table_has_the_feed_without_the_card()
    {
        using var client = new HttpClient();

        // A user's form: any table can carry the feed; the CLV card is for contacts and accounts.
        var page = await client.GetStringAsync(new Uri(_host.Host.BaseUrl, $"main.aspx?etn=systemuser&id={_host.Host.AdministratorId}&token={HostFixture.Token}"));

        Assert.That(page, Does.Contain("data-control=\"Rapport.Feed\"").And.Not.Contain("data-control=\"Rapport.InsightsCard\""));
    }
}
