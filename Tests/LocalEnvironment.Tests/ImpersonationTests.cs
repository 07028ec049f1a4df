using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator;
using Rapport.Solution.Declarations.Security;
using Rapport.Solution.Model;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>
/// Calls run as the token's user (the local administrator), or as the user named by MSCRMCallerID / CallerObjectId,
/// with Dataverse's role model deciding what that user may read: Sales' reader cannot read Support's contact.
/// </summary>
public sealed class ImpersonationTests
{
    private static readonly Guid AnnObjectId = Guid.NewGuid();

    private HostFixture _host = null!;
    private Guid _sales;
    private Guid _ann;
    private Guid _salesContact;
    private Guid _supportContact;

    [SetUp]
    public async Task Start()
    {
        _host = await HostFixture.StartAsync(Arrange);
    }

    [TearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [Test]
    public async Task Calls_run_as_the_local_administrator_or_the_impersonated_user()
    {
        var admin = await SendAsync(HttpMethod.Get, "WhoAmI", null);
        var byId = await SendAsync(HttpMethod.Get, "WhoAmI", _ann);
        using var request = new HttpRequestMessage(HttpMethod.Get, "WhoAmI");
        request.Headers.Add("CallerObjectId", AnnObjectId.ToString());
        using var response = await _host.Client.SendAsync(request);
        var byObjectId = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var adminRow = _host.Host.Environment.Store.Find("systemuser", _host.Host.AdministratorId);

        Assert.Multiple(() =>
        {
            Assert.That(Guid.Parse((string)admin.Body["UserId"]!), Is.EqualTo(_host.Host.AdministratorId).And.Not.EqualTo(_host.Host.Environment.SystemUserId));
            Assert.That(adminRow?["fullname"], Is.EqualTo("Local Administrator"));
            Assert.That(Guid.Parse((string)byId.Body["UserId"]!), Is.EqualTo(_ann));
            Assert.That(Guid.Parse((string)byId.Body["BusinessUnitId"]!), Is.EqualTo(_sales), "the impersonated user's business unit");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Guid.Parse((string)byObjectId["UserId"]!), Is.EqualTo(_ann), "CallerObjectId finds the user by azureactivedirectoryobjectid");
        });
    }

    [Test]
    public async Task An_unknown_caller_id_is_refused_with_Dataverse_error_body()
    {
        var unknown = Guid.NewGuid();

        var result = await SendAsync(HttpMethod.Get, "WhoAmI", unknown);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string?)result.Body["error"]!["code"], Is.EqualTo("0x80040217"));
            Assert.That((string?)result.Body["error"]!["message"], Does.Contain(unknown.ToString()));
        });
    }

    [Test]
    // Ann holds Read on contacts at her business unit's depth: a row outside it is refused with the access-check code
    // 0x80048306, not 0x80040220 ("no privilege at all"). learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes
    public async Task A_user_without_read_on_a_record_gets_403_with_the_access_check_code()
    {
        var denied = await SendAsync(HttpMethod.Get, $"contacts({_supportContact})?$select=fullname", _ann);
        var allowed = await SendAsync(HttpMethod.Get, $"contacts({_salesContact})?$select=fullname", _ann);
        var list = await SendAsync(HttpMethod.Get, "contacts?$select=fullname", _ann);
        var asAdmin = await SendAsync(HttpMethod.Get, $"contacts({_supportContact})?$select=fullname", null);

        Assert.Multiple(() =>
        {
            Assert.That(denied.Status, Is.EqualTo(HttpStatusCode.Forbidden), denied.Body.ToJsonString());
            Assert.That((string?)denied.Body["error"]!["code"], Is.EqualTo("0x80048306"));
            Assert.That(allowed.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(list.Body["value"]!.AsArray().Select(r => (string?)r!["fullname"]), Is.EqualTo(new[] { "Sam Sales" }), "the list is trimmed");
            Assert.That(asAdmin.Status, Is.EqualTo(HttpStatusCode.OK), "the administrator reads it");
        });
    }

    [Test]
    public async Task GetFeed_as_a_user_who_cannot_read_a_record_leaves_out_its_posts_and_refuses_its_wall()
    {
        await ImportRapportAsync();
        _host.Host.Environment.Security.AssignRoles(_ann, RapportRoles.User);
        await PostAsync(_salesContact, "about Sam");
        await PostAsync(_supportContact, $"about Pat, @[systemuser,{_ann},\"Ann Lee\"] please look");
        var follow = await SendAsync(HttpMethod.Post, "rapport_Follow", _ann, new { RecordTable = "contact", RecordId = _salesContact.ToString() });

        var annFeed = await FeedAsync(_ann, "my");
        // Issue 20: the wall of a record Ann cannot read is refused as Dataverse refuses the read (was an empty list).
        var annWall = await SendAsync(HttpMethod.Get, $"rapport_GetFeed(Scope=@s,RecordTable=@t,RecordId=@id)?@s='record'&@t='contact'&@id='{_supportContact}'", _ann);
        var adminWall = await FeedAsync(null, "record", _supportContact);

        Assert.Multiple(() =>
        {
            Assert.That(follow.Status, Is.EqualTo(HttpStatusCode.OK), follow.Body.ToJsonString());
            Assert.That(annFeed, Is.EqualTo(new[] { "about Sam" }), "the post mentioning Ann is about a contact she cannot read");
            Assert.That(annWall.Status, Is.EqualTo(HttpStatusCode.Forbidden), annWall.Body.ToJsonString());
            Assert.That((string?)annWall.Body["error"]!["code"], Is.EqualTo("0x80048306"), "the code of the same Retrieve's refusal above");
            Assert.That(annWall.Body.ToJsonString(), Does.Not.Contain("about Pat"));
            Assert.That(adminWall, Has.Length.EqualTo(1).And.All.StartsWith("about Pat"));
        });
    }

    /// <summary>The form page opened with &amp;user= runs the shim's calls as that user (node runs the page's own config and shim).</summary>
    [Test]
    public async Task Form_page_with_user_runs_the_shim_as_that_user()
    {
        using var import = await _host.Client.PostAsync("ImportSolution", HostFixture.Json(new { CustomizationFile = Convert.ToBase64String(PackedZips.Managed("1.0.0.0")), OverwriteUnmanagedCustomizations = true, PublishWorkflows = true, ImportJobId = Guid.NewGuid() }));
        Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await import.Content.ReadAsStringAsync());
        using var browser = new HttpClient { BaseAddress = _host.Host.BaseUrl };
        var form = $"main.aspx?etn=contact&id={_salesContact}&token={HostFixture.Token}";

        var asAnn = await browser.GetStringAsync($"{form}&user={_ann}");
        var asAdmin = await browser.GetStringAsync(form);
        using var unknown = await browser.GetAsync($"{form}&user={Guid.NewGuid()}");
        var output = await RunShimAsync(asAnn, $$"""
            const results = [];
            for (const id of ["{{_salesContact}}", "{{_supportContact}}"]) {
              try { results.push((await Xrm.WebApi.retrieveRecord("contact", id, "?$select=fullname")).fullname); }
              catch (e) { results.push(e.errorCode.toString(16)); }
            }
            console.log(results.join("|") + "|" + Xrm.Utility.getGlobalContext().userSettings.userName);
            """);

        Assert.Multiple(() =>
        {
            Assert.That(asAnn, Does.Contain($"\"callerId\":\"{_ann}\""));
            Assert.That(asAdmin, Does.Contain($"\"userId\":\"{_host.Host.AdministratorId}\"").And.Not.Contain("callerId"));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(output, Is.EqualTo("Sam Sales|80048306|Ann Lee"), "Ann reads Sales' contact, not Support's (a row out of her depth): " + output);
        });
    }

    /// <summary>The sample's users work with security on (their feed loads through the plugins as them), and their roles' privileges come back after a restart.</summary>
    [Test]
    public async Task Sample_users_read_their_feed_before_and_after_a_restart()
    {
        var data = Directory.CreateTempSubdirectory("rapport-local-impersonation-").FullName;
        try
        {
            int before;
            Guid ada, ann;
            await using (var first = await HostFixture.StartAsync(options: new LocalOptions { Port = 0, Token = HostFixture.Token, Sample = "nonprofit", DataDirectory = data }))
            {
                _host = first;
                await ImportRapportAsync();
                ada = await IdOfAsync("systemusers", "systemuserid", "fullname eq 'Ada Lovelace'");
                ann = await IdOfAsync("contacts", "contactid", "fullname eq 'Ann Abbot'");
                before = (await FeedAsync(ada, "record", ann)).Length;
            }

            await using var second = await HostFixture.StartAsync(options: new LocalOptions { Port = 0, Token = HostFixture.Token, DataDirectory = data });
            _host = second;
            var after = await FeedAsync(ada, "record", ann);

            Assert.Multiple(() =>
            {
                Assert.That(before, Is.GreaterThan(3), "the sample's posts about Ann Abbot, written as its users");
                Assert.That(after, Has.Length.EqualTo(before), "Ada still reads Ann Abbot after a restart without --sample");
            });
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private void Arrange(DataverseEmulator env)
    {
        var security = env.Security;
        _sales = security.CreateBusinessUnit("Sales");
        var support = security.CreateBusinessUnit("Support");
        security.CreateRole("Contact reader", ("contact", PrivilegeType.Read, PrivilegeDepth.Local), ("systemuser", PrivilegeType.Read, PrivilegeDepth.Global));
        _ann = security.CreateUser("Ann Lee", _sales, "Contact reader");
        env.SystemService.Update(new Entity("systemuser", _ann) { ["azureactivedirectoryobjectid"] = AnnObjectId });
        var bob = security.CreateUser("Sam Owner", _sales);
        var pat = security.CreateUser("Pat Owner", support);
        _salesContact = env.SystemService.Create(new Entity("contact") { ["firstname"] = "Sam", ["lastname"] = "Sales", ["ownerid"] = new EntityReference("systemuser", bob) });
        _supportContact = env.SystemService.Create(new Entity("contact") { ["firstname"] = "Pat", ["lastname"] = "Support", ["ownerid"] = new EntityReference("systemuser", pat) });
    }

    private async Task ImportRapportAsync()
    {
        using var response = await _host.Client.PostAsync("ImportSolution", HostFixture.Json(new
        {
            CustomizationFile = Convert.ToBase64String(PackedZips.Rapport("1.0.0.0")),
            OverwriteUnmanagedCustomizations = true,
            PublishWorkflows = true,
            ImportJobId = Guid.NewGuid(),
        }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    private async Task<Guid> IdOfAsync(string set, string key, string filter)
    {
        var rows = await SendAsync(HttpMethod.Get, $"{set}?$select={key}&$filter={filter}", null);
        return Guid.Parse((string)rows.Body["value"]!.AsArray().Single()![key]!);
    }

    private async Task PostAsync(Guid contact, string text)
    {
        var created = await SendAsync(HttpMethod.Post, "rapport_posts", null, new { rapport_regardingtable = "contact", rapport_regardingid = contact.ToString(), rapport_text = text });
        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.NoContent), created.Body.ToJsonString());
    }

    private async Task<string[]> FeedAsync(Guid? caller, string scope, Guid? record = null)
    {
        var url = record is { } id
            ? $"rapport_GetFeed(Scope=@s,RecordTable=@t,RecordId=@id)?@s='{scope}'&@t='contact'&@id='{id}'"
            : $"rapport_GetFeed(Scope=@s)?@s='{scope}'";
        var result = await SendAsync(HttpMethod.Get, url, caller);
        Assert.That(result.Status, Is.EqualTo(HttpStatusCode.OK), result.Body.ToJsonString());
        return JsonDocument.Parse((string)result.Body["Items"]!).RootElement.EnumerateArray().Select(i => i.GetProperty("text").GetString()!).ToArray();
    }

    /// <summary>Runs the page's own config script and the shim under node, then <paramref name="body"/>; returns stdout.</summary>
    private async Task<string> RunShimAsync(string page, string body)
    {
        var config = Regex.Match(page, "<script>(window\\.__rapportLocal = .*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.That(config, Is.Not.Empty, "the page sets window.__rapportLocal");
        using var browser = new HttpClient { BaseAddress = _host.Host.BaseUrl };
        var shim = await browser.GetStringAsync("rapport/xrm-shim.js");
        var script = Path.Combine(Path.GetTempPath(), $"rapport-impersonation-{Guid.NewGuid():N}.js");
        // The page's form OnLoad waits for the load event, which node never raises.
        await File.WriteAllTextAsync(script, $"globalThis.window = globalThis;\nwindow.addEventListener = () => {{ }};\n{config}\n{shim}\n(async () => {{\n{body}\n}})().catch(e => {{ console.log(\"ERROR \" + e.message); process.exit(1); }});\n");
        try
        {
            Process process;
            try
            {
                process = Process.Start(new ProcessStartInfo("node", [script]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Assert.Ignore("node is not installed.");
                return string.Empty;
            }

            using (process)
            {
                var output = await process.StandardOutput.ReadToEndAsync();
                var errors = await process.StandardError.ReadToEndAsync();
                Assert.That(process.WaitForExit(30_000), Is.True);
                return (output + errors).Trim();
            }
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>One call, as the token's user or (with <paramref name="caller"/>) as MSCRMCallerID; any status.</summary>
    private async Task<(HttpStatusCode Status, JsonNode Body)> SendAsync(HttpMethod method, string url, Guid? caller, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : HostFixture.Json(body) };
        if (caller is { } id)
        {
            request.Headers.Add("MSCRMCallerID", id.ToString());
        }

        using var response = await _host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!);
    }
}
