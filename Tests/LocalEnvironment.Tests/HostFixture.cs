using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Rapport.Emulator;
using Rapport.Solution.Declarations;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>A host on a free loopback port with a known token, and an HttpClient that sends it, as a Web API client would.</summary>
internal sealed class HostFixture : IAsyncDisposable
{
    public const string Token = "test-token";

    private HostFixture(LocalHost host)
    {
        Host = host;
        Client = new HttpClient { BaseAddress = new Uri(host.BaseUrl, "api/data/v9.2/") };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Client.DefaultRequestHeaders.Add("OData-Version", "4.0");
    }

    public LocalHost Host { get; }

    public HttpClient Client { get; }

    public static async Task<HostFixture> StartAsync(Action<DataverseEmulator>? arrange = null, LocalOptions? options = null)
    {
        var env = new DataverseEmulator(RapportSolution.Build("1.0.0.0"));
        arrange?.Invoke(env);
        return new HostFixture(await LocalHost.StartAsync(env, options ?? new LocalOptions { Port = 0, Token = Token }));
    }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public async Task<JsonObject> GetAsync(string url, string? prefer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (prefer is not null)
        {
            request.Headers.Add("Prefer", prefer);
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Creates a row and returns its id from the OData-EntityId header.</summary>
    public async Task<Guid> CreateAsync(string set, object body)
    {
        using var response = await Client.PostAsync(set, Json(body));
        Assert.That((int)response.StatusCode, Is.EqualTo(204), await response.Content.ReadAsStringAsync());
        var location = response.Headers.GetValues("OData-EntityId").Single();
        return Guid.Parse(location[(location.LastIndexOf('(') + 1)..^1]);
    }

    public static async Task<JsonObject> ErrorOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.AsObject();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
