using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Rapport.LocalEnvironment.Tests;

public sealed class FormHostTests
{
    private HostFixture _host = null!;

    [SetUp]
    public async Task Start()
    {
        _host = await HostFixture.StartAsync(env => env.RegisterCustomApi(EchoPlugin.Echo, typeof(EchoPlugin).Assembly));
        using var response = await _host.Client.PostAsync("ImportSolution", HostFixture.Json(new { CustomizationFile = Convert.ToBase64String(PackedZips.Managed("1.0.0.0")), OverwriteUnmanagedCustomizations = true, PublishWorkflows = true, ImportJobId = Guid.NewGuid() }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [TearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [TestCase("rapport/form/contact/{0}?token={1}")]
    [TestCase("main.aspx?etn=contact&id={0}&token={1}")]
    public async Task Form_page_hosts_the_feed_web_resource_with_the_Xrm_shim(string template)
    {
        var id = await _host.CreateAsync("contacts", new { lastname = "Form" });
        using var client = new HttpClient();

        var html = await client.GetStringAsync(new Uri(_host.Host.BaseUrl, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, id, HostFixture.Token)));
        var shim = await client.GetStringAsync(new Uri(_host.Host.BaseUrl, "rapport/xrm-shim.js"));

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("src=\"/WebResources/" + PackedZips.FeedPageName + "?typename=contact&amp;id="));
            Assert.That(html, Does.Contain("<script src=\"/rapport/xrm-shim.js\"></script>"));
            Assert.That(shim, Does.Contain("retrieveMultipleRecords").And.Contain("getGlobalContext"));
        });
    }

    [Test]
    public async Task Form_page_without_token_is_401()
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(_host.Host.BaseUrl, $"rapport/form/contact/{Guid.NewGuid()}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    /// <summary>The shim itself, run by node against the live host: what a web resource's calls through Xrm.WebApi see.</summary>
    [Test]
    public async Task Xrm_shim_runs_WebApi_calls_and_Custom_APIs_against_the_host()
    {
        var shim = await new HttpClient().GetStringAsync(new Uri(_host.Host.BaseUrl, "rapport/xrm-shim.js"));
        var script = Path.Combine(Path.GetTempPath(), $"rapport-shim-{Guid.NewGuid():N}.js");
        await File.WriteAllTextAsync(script, $$"""
            globalThis.window = globalThis;
            window.__rapportLocal = { token: "{{HostFixture.Token}}", clientUrl: "{{_host.Host.BaseUrl.ToString().TrimEnd('/')}}", userId: "{{_host.Host.Environment.SystemUserId}}", userName: "SYSTEM", languageId: 1033, organizationId: "{{_host.Host.Environment.OrganizationId}}", sets: { contact: "contacts" } };
            {{shim}}
            (async () => {
              const created = await Xrm.WebApi.createRecord("contact", { lastname: "Shim", gendercode: 2 });
              await Xrm.WebApi.updateRecord("contact", created.id, { firstname: "Js" });
              const row = await Xrm.WebApi.retrieveRecord("contact", "{" + created.id + "}", "?$select=fullname,gendercode");
              const list = await Xrm.WebApi.retrieveMultipleRecords("contact", "?$select=fullname&$filter=lastname eq 'Shim'");
              const echo = await (await Xrm.WebApi.online.execute({ Text: "ab", Times: 2, getMetadata: () => ({ boundParameter: null, operationName: "rapport_Echo", operationType: 0, parameterTypes: { Text: {}, Times: {} } }) })).json();
              let failure = "";
              try { await Xrm.WebApi.retrieveRecord("contact", "00000000-0000-0000-0000-000000000001"); } catch (e) { failure = e.errorCode.toString(16); }
              await Xrm.WebApi.deleteRecord("contact", created.id);
              console.log([row.fullname, row["gendercode@OData.Community.Display.V1.FormattedValue"], list.entities.length, echo.Echoed, failure, Xrm.Utility.getGlobalContext().userSettings.languageId].join("|"));
            })().catch(e => { console.log("ERROR " + e.message); process.exit(1); });
            """);
        try
        {
            var start = new ProcessStartInfo("node", [script]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Assert.Ignore("node is not installed.");
                return;
            }

            using (process)
            {
                var output = await process.StandardOutput.ReadToEndAsync();
                Assert.That(process.WaitForExit(30_000), Is.True);
                Assert.That(output.Trim(), Is.EqualTo("Js Shim|Female|1|abab|80040217|1033"), await process.StandardError.ReadToEndAsync());
            }
        }
        finally
        {
            File.Delete(script);
        }
    }
}
