using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Rapport.Emulator;
using Rapport.Solution.Declarations;

namespace Rapport.LocalEnvironment.Tests;

public sealed class PersistenceTests
{
    private string _data = null!;

    [SetUp]
    public void CreateDataFolder() => _data = Directory.CreateTempSubdirectory("rapport-local-data-").FullName;

    [TearDown]
    public void DeleteDataFolder() => Directory.Delete(_data, recursive: true);

    private async Task<LocalHost> StartAsync() =>
        await LocalHost.StartAsync(new DataverseEmulator(RapportSolution.Build("1.0.0.0")), new LocalOptions { Port = 0, Token = HostFixture.Token, DataDirectory = _data });

    private static HttpClient ClientFor(LocalHost host)
    {
        var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl, "api/data/v9.2/") };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", HostFixture.Token);
        return client;
    }

    [Test]
    public async Task Rows_solutions_and_the_caller_survive_a_restart()
    {
        Guid account, contact, deleted, user, system;
        var zip = PackedZips.Managed("1.2.0.0");
        await using (var first = await StartAsync())
        {
            using var client = ClientFor(first);
            account = await CreateAsync(client, "accounts", new { name = "Contoso", revenue = 10.25m });
            contact = await CreateAsync(client, "contacts", new System.Text.Json.Nodes.JsonObject { ["lastname"] = "Kept", ["parentcustomerid_account@odata.bind"] = $"/accounts({account})", ["gendercode"] = 2 });
            deleted = await CreateAsync(client, "contacts", new { lastname = "Gone" });
            (await client.DeleteAsync($"contacts({deleted})")).Dispose();
            using var patch = new HttpRequestMessage(HttpMethod.Patch, $"contacts({contact})") { Content = HostFixture.Json(new { firstname = "Still" }) };
            (await client.SendAsync(patch)).Dispose();
            using var import = await client.PostAsync("ImportSolution", HostFixture.Json(new { CustomizationFile = Convert.ToBase64String(zip), OverwriteUnmanagedCustomizations = true, PublishWorkflows = true, ImportJobId = Guid.NewGuid() }));
            Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            user = first.AdministratorId;
            system = first.Environment.SystemUserId;
        }

        await using var second = await StartAsync();
        using var again = ClientFor(second);
        var read = await ReadAsync(again, $"contacts({contact})?$select=fullname,_parentcustomerid_value,gendercode,_ownerid_value");
        using var gone = await again.GetAsync($"contacts({deleted})");
        using var api = await again.PostAsync($"contacts({contact})/Microsoft.Dynamics.CRM.{PackedZips.ApiName}", HostFixture.Json(new { Horizon = 6 }));
        var solutions = await ReadAsync(again, "solutions?$select=uniquename,version");

        Assert.Multiple(() =>
        {
            Assert.That((string?)read["fullname"], Is.EqualTo("Still Kept"));
            Assert.That((string?)read["_parentcustomerid_value"], Is.EqualTo(account.ToString()));
            Assert.That((int?)read["gendercode"], Is.EqualTo(2));
            Assert.That((string?)read["_ownerid_value"], Is.EqualTo(user.ToString()), "the stored local administrator is the caller again");
            Assert.That(second.AdministratorId, Is.EqualTo(user));
            Assert.That(second.Environment.SystemUserId, Is.EqualTo(system));
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "the stored zip's plugins are loaded again");
            Assert.That(solutions["value"]!.AsArray().Select(s => (string?)s!["version"]), Is.EqualTo(new[] { "1.2.0.0" }));
        });
    }

    /// <summary>
    /// An organization's id is its identity: WhoAmI returns it
    /// (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/whoamiresponse), and a client
    /// that stored it must find the same organization after the server restarts on the same data.
    /// </summary>
    [Test]
    public async Task The_organization_id_is_kept_with_the_data_and_differs_for_other_data()
    {
        Guid first, restarted, other;
        await using (var host = await StartAsync())
        {
            first = await WhoAmIOrganizationAsync(host);
        }

        await using (var host = await StartAsync())
        {
            restarted = await WhoAmIOrganizationAsync(host);
        }

        var otherData = Directory.CreateTempSubdirectory("rapport-local-data-").FullName;
        try
        {
            await using var host = await LocalHost.StartAsync(new DataverseEmulator(RapportSolution.Build("1.0.0.0")), new LocalOptions { Port = 0, Token = HostFixture.Token, DataDirectory = otherData });
            other = await WhoAmIOrganizationAsync(host);
        }
        finally
        {
            Directory.Delete(otherData, recursive: true);
        }

        Assert.Multiple(() =>
        {
            Assert.That(restarted, Is.EqualTo(first), "same data folder, same organization");
            Assert.That(other, Is.Not.EqualTo(first), "another data folder is another organization");
        });
    }

    private static async Task<Guid> WhoAmIOrganizationAsync(LocalHost host)
    {
        using var client = ClientFor(host);
        var body = await ReadAsync(client, "WhoAmI");
        return Guid.Parse((string)body["OrganizationId"]!);
    }

    [Test]
    public async Task Killing_the_process_during_writes_keeps_a_consistent_prefix()
    {
        var acknowledged = new List<string>();
        using (var local = await LocalProcess.StartAsync("kill-test", _data))
        {
            var killer = Task.Run(async () =>
            {
                await Task.Delay(1500);
                Native.Kill(local.Process.Id, Native.SigKill);
            });
            for (var i = 0; i < 5000; i++)
            {
                var name = $"Row{i:D5}";
                try
                {
                    using var response = await local.Client.PostAsync("contacts", HostFixture.Json(new { lastname = name }));
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
                    acknowledged.Add(name);
                }
                catch (HttpRequestException)
                {
                    break;
                }
            }

            await killer;
            local.Process.WaitForExit(10_000);
        }

        Assume.That(acknowledged, Is.Not.Empty, "some creates were acknowledged before the kill");
        TestContext.Out.WriteLine($"{acknowledged.Count} creates acknowledged before SIGKILL.");
        using var restarted = await LocalProcess.StartAsync("kill-test", _data);
        var stored = new List<string>();
        string? url = "contacts?$select=lastname&$orderby=lastname";
        for (var page = 0; url is not null && page < 100; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Prefer", "odata.maxpagesize=500");
            using var response = await restarted.Client.SendAsync(request);
            var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            stored.AddRange(body["value"]!.AsArray().Select(v => (string)v!["lastname"]!));
            url = (string?)body["@odata.nextLink"];
        }

        Assert.Multiple(() =>
        {
            Assert.That(stored.Take(acknowledged.Count), Is.EqualTo(acknowledged), "every acknowledged create is stored, in order");
            Assert.That(stored.Count - acknowledged.Count, Is.InRange(0, 1), "at most the request in flight at the kill");
        });
    }

    private static async Task<Guid> CreateAsync(HttpClient client, string set, object body)
    {
        using var response = await client.PostAsync(set, HostFixture.Json(body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        var location = response.Headers.GetValues("OData-EntityId").Single();
        return Guid.Parse(location[(location.LastIndexOf('(') + 1)..^1]);
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> ReadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
    }
}
