using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator;
using Rapport.Solution.Model;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>
/// Accounts in a hierarchy (Alpha ← Beta ← Gamma, and Delta) and contacts under them, owned in two business units;
/// Ann (Sales) reads contacts and accounts of her unit only, so every query can be checked as her too.
/// </summary>
internal sealed class ODataFixture
{
    public HostFixture Host { get; private set; } = null!;

    public Guid Ann { get; private set; }

    public Guid Alpha { get; private set; }

    public Guid Beta { get; private set; }

    public Guid AnnContact { get; private set; }

    public static async Task<ODataFixture> StartAsync()
    {
        var fixture = new ODataFixture();
        fixture.Host = await HostFixture.StartAsync(fixture.Arrange);
        return fixture;
    }

    private void Arrange(DataverseEmulator env)
    {
        var security = env.Security;
        var sales = security.CreateBusinessUnit("Sales");
        var support = security.CreateBusinessUnit("Support");
        security.CreateRole("Reader", ("contact", PrivilegeType.Read, PrivilegeDepth.Local), ("account", PrivilegeType.Read, PrivilegeDepth.Local), ("systemuser", PrivilegeType.Read, PrivilegeDepth.Global));
        Ann = security.CreateUser("Ann Lee", sales, "Reader");
        var sam = security.CreateUser("Sam Owner", sales);
        var pat = security.CreateUser("Pat Owner", support);
        var service = env.SystemService;
        EntityReference Owner(Guid user) => new("systemuser", user);
        AnnContact = service.Create(new Entity("contact") { ["firstname"] = "Ann", ["lastname"] = "Abbot", ["fullname"] = "Ann Abbot", ["creditlimit"] = new Money(100m), ["gendercode"] = new OptionSetValue(2), ["ownerid"] = Owner(sam) });
        Alpha = service.Create(new Entity("account") { ["name"] = "Alpha", ["revenue"] = new Money(100m), ["primarycontactid"] = new EntityReference("contact", AnnContact), ["ownerid"] = Owner(sam) });
        Beta = service.Create(new Entity("account") { ["name"] = "Beta", ["revenue"] = new Money(200m), ["parentaccountid"] = new EntityReference("account", Alpha), ["ownerid"] = Owner(sam) });
        var gamma = service.Create(new Entity("account") { ["name"] = "Gamma", ["revenue"] = new Money(400m), ["parentaccountid"] = new EntityReference("account", Beta), ["ownerid"] = Owner(pat) });
        service.Create(new Entity("account") { ["name"] = "Delta", ["revenue"] = new Money(800m), ["ownerid"] = Owner(pat) });
        service.Update(new Entity("contact", AnnContact) { ["parentcustomerid"] = new EntityReference("account", Alpha) });
        service.Create(new Entity("contact") { ["firstname"] = "Bob", ["lastname"] = "Baker", ["fullname"] = "Bob Baker", ["creditlimit"] = new Money(200m), ["gendercode"] = new OptionSetValue(1), ["parentcustomerid"] = new EntityReference("account", Alpha), ["ownerid"] = Owner(pat) });
        service.Create(new Entity("contact") { ["firstname"] = "Cy", ["lastname"] = "Cole", ["fullname"] = "Cy Cole", ["creditlimit"] = new Money(300m), ["gendercode"] = new OptionSetValue(1), ["parentcustomerid"] = new EntityReference("account", Beta), ["ownerid"] = Owner(sam) });
        _ = gamma;
    }

    /// <summary>Sends a call (as Ann when <paramref name="asAnn"/>) and returns its status, JSON body and response.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string url, bool asAnn = false, string? prefer = null, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (asAnn)
        {
            request.Headers.Add("MSCRMCallerID", Ann.ToString());
        }

        if (prefer is not null)
        {
            request.Headers.Add("Prefer", prefer);
        }

        using var response = await Host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<JsonArray> ValuesAsync(string url, bool asAnn = false, string? prefer = null)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, url, asAnn, prefer);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return body!["value"]!.AsArray();
    }

    public async Task<string[]> NamesAsync(string url, string property = "name", bool asAnn = false) =>
        (await ValuesAsync(url, asAnn)).Select(v => (string)v![property]!).OrderBy(n => n, StringComparer.Ordinal).ToArray();
}
