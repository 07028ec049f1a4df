using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Rapport.Cli.Commands.Auth;

namespace Rapport.Cli.Tests;

/// <summary>`rapport auth token …` run in process with the stand-in's HTTP client, the test's variables and standard input.</summary>
internal static class AuthCli
{
    public const string Environment = "https://contoso.crm.dynamics.com";
    public const string Tenant = "contoso-tenant";
    public const string ClientId = "11111111-2222-3333-4444-555555555555";

    public static TokenProvider Provider(AuthorityStandIn standIn, TextWriter? messages = null, Func<Uri, Task>? browser = null) => new()
    {
        HttpClientFactory = standIn.HttpClientFactory(),
        ValidateAuthority = false,
        Messages = messages ?? TextWriter.Null,
        OpenBrowser = browser,
    };

    public static async Task<(int Exit, string Output, string Errors)> RunAsync(TokenProvider provider, IReadOnlyDictionary<string, string>? variables, string? input, params string[] arguments)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var root = new RootCommand();
        root.Subcommands.Add(AuthCommand.Create(provider, new StringReader(input ?? string.Empty), output, errors, name => variables is not null && variables.TryGetValue(name, out var value) ? value : null));
        var exit = await root.Parse(arguments).InvokeAsync();
        return (exit, output.ToString(), errors.ToString());
    }

    /// <summary>The arguments common to the Entra flows: the environment, the tenant at the stand-in, the app.</summary>
    public static string[] Arguments(AuthorityStandIn standIn, params string[] more) =>
        new[] { "auth", "token", "--environment", Environment, "--authority", standIn.BaseUrl.ToString(), "--tenant-id", Tenant, "--client-id", ClientId }.Concat(more).ToArray();

    public static (string Token, DateTimeOffset ExpiresOn) Parse(string output)
    {
        using var json = JsonDocument.Parse(output);
        return (json.RootElement.GetProperty("accessToken").GetString()!, DateTimeOffset.Parse(json.RootElement.GetProperty("expiresOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    public static string TokenPath => $"/{Tenant}/oauth2/v2.0/token";

    /// <summary>A client credentials answer (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow#successful-response).</summary>
    public static object AppToken(string token) => new { token_type = "Bearer", expires_in = 3599, ext_expires_in = 3599, access_token = token };

    /// <summary>A user's answer: access, refresh and id tokens and client_info (the account MSAL caches).</summary>
    public static object UserToken(AuthorityStandIn standIn, string token, int expiresIn = 3599)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var idToken = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "none", typ = "JWT" })) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(new
        {
            aud = ClientId,
            iss = new Uri(standIn.BaseUrl, Tenant + "/v2.0").ToString(),
            iat = now,
            nbf = now,
            exp = now + 3600,
            oid = "aaaaaaaa-0000-0000-0000-000000000001",
            sub = "subject-1",
            tid = "bbbbbbbb-0000-0000-0000-000000000002",
            preferred_username = "admin@contoso.test",
            name = "Contoso Admin",
            ver = "2.0",
        })) + ".";
        var clientInfo = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { uid = "aaaaaaaa-0000-0000-0000-000000000001", utid = "bbbbbbbb-0000-0000-0000-000000000002" }));
        return new
        {
            token_type = "Bearer",
            scope = Environment + "/.default",
            expires_in = expiresIn,
            ext_expires_in = expiresIn,
            access_token = token,
            refresh_token = "refresh-" + token,
            id_token = idToken,
            client_info = clientInfo,
        };
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }

    public static JsonElement JwtPart(string jwt, int index) => JsonDocument.Parse(Encoding.UTF8.GetString(FromBase64Url(jwt.Split('.')[index]))).RootElement.Clone();
}
