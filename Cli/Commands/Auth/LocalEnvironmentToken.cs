using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Rapport.Cli.Commands.Auth;

/// <summary>
/// A loopback environment is `rapport local`: it has no Microsoft Entra tenant, so the token comes from its own
/// <c>POST /rapport/token</c> (client credentials shape: the environment's token from .local-data/local.json is the
/// client secret) and is short-lived like a real one (`rapport local --token-lifetime`).
/// </summary>
internal static class LocalEnvironmentToken
{
    public const string Path = "/rapport/token";

    public static bool IsLocal(Uri environment) => environment.IsLoopback;

    public static async Task<AccessToken> AcquireAsync(TokenRequest request, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        var secret = string.IsNullOrWhiteSpace(request.Secret)
            ? throw new AuthException("Missing the local environment's token (the client secret): pass it in RAPPORT_CLIENT_SECRET or on standard input with --secret-stdin; it is in .local-data/local.json.")
            : request.Secret;
        var endpoint = new Uri(new Uri(request.Resource), Path);
        using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.Timeout = TimeSpan.FromSeconds(30);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_secret"] = secret,
            ["scope"] = request.Scope,
        });
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync(endpoint, form, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new AuthException($"Cannot reach the local environment at {request.Resource} ({e.Message.TrimEnd('.')}): start it with `./rapport local` or Deploy.ps1.", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest)
            {
                throw new AuthException($"The local environment at {request.Resource} refused the client secret ({Error(text)}): pass the token of the running environment (.local-data/local.json).");
            }

            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new AuthException($"The local environment at {request.Resource} has no token endpoint ({Path}): restart it with this version of rapport.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new AuthException($"The local environment's token endpoint answered HTTP {(int)response.StatusCode}.");
            }

            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            return new AccessToken(root.GetProperty("access_token").GetString()!, DateTimeOffset.UtcNow.AddSeconds(root.GetProperty("expires_in").GetDouble()));
        }
    }

    private static string Error(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("error", out var error) ? error.GetString() ?? "unauthorized" : "unauthorized";
        }
        catch (JsonException)
        {
            return "unauthorized";
        }
    }
}
