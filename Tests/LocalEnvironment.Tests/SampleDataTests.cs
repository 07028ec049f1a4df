using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Rapport.Emulator;
using Rapport.Solution.Declarations;

namespace Rapport.LocalEnvironment.Tests;

public sealed class SampleDataTests
{
    private static async Task<JsonObject> GetAsync(LocalHost host, string url)
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl, "api/data/v9.2/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HostFixture.Token);
        return JsonNode.Parse(await client.GetStringAsync(url))!.AsObject();
    }

    private static Task<LocalHost> StartAsync(string sample, string? data = null) =>
        LocalHost.StartAsync(new DataverseEmulator(RapportSolution.Build("1.0.0.0")), new LocalOptions { Port = 0, Token = HostFixture.Token, Sample = sample, DataDirectory = data });

    [Test]
    public async Task Nonprofit_sample_has_donors_with_gift_histories_users_and_a_team()
    {
        await using var host = await StartAsync("nonprofit");

        var donors = await GetAsync(host, "contacts?$select=fullname,_ownerid_value");
        var gifts = await GetAsync(host, "rapport_gifts?$select=rapport_amount,rapport_giftdate,_rapport_donorid_value");
        var teams = await GetAsync(host, "teams?$select=name&$filter=name eq 'Major Gifts'");
        var users = await GetAsync(host, "systemusers?$select=fullname&$filter=fullname ne 'SYSTEM' and fullname ne 'Local Administrator'");

        var perDonor = gifts["value"]!.AsArray().GroupBy(g => (string?)g!["_rapport_donorid_value"]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(donors["value"]!.AsArray(), Has.Count.EqualTo(150));
            Assert.That(perDonor, Has.Count.EqualTo(150), "every donor gave at least once");
            Assert.That(perDonor.Any(g => g.Count() > 3), Is.True, "some donors are frequent givers");
            Assert.That(gifts["value"]!.AsArray().All(g => (decimal)g!["rapport_amount"]! > 0), Is.True);
            Assert.That(teams["value"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(users["value"]!.AsArray(), Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task Sales_sample_has_accounts_with_orders()
    {
        await using var host = await StartAsync("sales");

        var accounts = await GetAsync(host, "accounts?$select=name");
        var orders = await GetAsync(host, "salesorders?$select=totalamount,_customerid_value");

        Assert.Multiple(() =>
        {
            Assert.That(accounts["value"]!.AsArray(), Has.Count.EqualTo(150));
            Assert.That(orders["value"]!.AsArray().Select(o => (string?)o!["_customerid_value"]).Distinct().Count(), Is.EqualTo(150));
        });
    }

    [Test]
    public async Task Stored_environment_is_not_seeded_twice()
    {
        var data = System.IO.Directory.CreateTempSubdirectory("rapport-local-sample-").FullName;
        try
        {
            await using (await StartAsync("nonprofit", data))
            {
            }

            await using var again = await StartAsync("nonprofit", data);
            var donors = await GetAsync(again, "contacts?$select=fullname");

            Assert.That(donors["value"]!.AsArray(), Has.Count.EqualTo(150));
        }
        finally
        {
            System.IO.Directory.Delete(data, recursive: true);
        }
    }
}
