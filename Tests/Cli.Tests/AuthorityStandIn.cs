using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;

namespace Rapport.Cli.Tests;

/// <summary>One request as the stand-in authority received it.</summary>
internal sealed record Received(string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Form);

/// <summary>
/// A local https stand-in for Microsoft Entra's endpoints (and a managed identity endpoint): Kestrel on 127.0.0.1 with
/// a self-signed certificate. It records every request and answers with the test's <see cref="Respond"/>.
/// </summary>
internal sealed class AuthorityStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();

    private AuthorityStandIn(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The answer to a request: status and JSON body.</summary>
    public Func<Received, (int Status, object Body)> Respond { get; set; } = _ => (404, new { error = "not_configured" });

    public IReadOnlyList<Received> Requests => _received.ToList();

    public static async Task<AuthorityStandIn> StartAsync()
    {
        var certificate = TestCertificates.Create("127.0.0.1", server: true);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var standIn = new AuthorityStandIn(app, certificate);
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.BaseUrl = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return standIn;
    }

    public void Clear() => _received.Clear();

    /// <summary>MSAL's HTTP client, trusting this stand-in's certificate only (pinned by thumbprint).</summary>
    public IMsalHttpClientFactory HttpClientFactory() => new PinnedFactory(Certificate.Thumbprint);

    private async Task HandleAsync(HttpContext context)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (context.Request.HasFormContentType)
        {
            foreach (var (key, value) in await context.Request.ReadFormAsync())
            {
                form[key] = value.ToString();
            }
        }

        var received = new Received(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            form);
        _received.Enqueue(received);
        var (status, body) = Respond(received);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private sealed class PinnedFactory : IMsalHttpClientFactory
    {
        private readonly HttpClient _client;

        public PinnedFactory(string thumbprint)
        {
            _client = new HttpClient(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint,
                AllowAutoRedirect = false,
            });
        }

        public HttpClient GetHttpClient() => _client;
    }
}
