using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using System.Web;

namespace Rapport.Cli.Tests;

/// <summary>
/// Device code (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code: POST /devicecode with
/// client_id and scope, then POST /token with grant_type=urn:ietf:params:oauth:grant-type:device_code until the user
/// signed in, "authorization_pending" meanwhile) and browser sign-in (authorization code with PKCE,
/// https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow), with the owner-only token cache file.
/// </summary>
[NonParallelizable]
public sealed class PublicClientTests
{
    private AuthorityStandIn _standIn = null!;
    private string _folder = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _standIn = await AuthorityStandIn.StartAsync();
        _folder = Directory.CreateTempSubdirectory("rapport-auth-").FullName;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _standIn.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [SetUp]
    public void Reset() => _standIn.Clear();

    [Test]
    public async Task Device_code_makes_two_requests_then_the_cache_file_owner_only_serves_the_next_call_without_a_request()
    {
        var cache = Path.Combine(_folder, "device", "msal-cache.json");
        var polls = 0;
        _standIn.Respond = r => r.Path switch
        {
            var p when p == $"/{AuthCli.Tenant}/oauth2/v2.0/devicecode" => (200, new
            {
                user_code = "ABCD-EFGH",
                device_code = "device-code-123",
                verification_uri = "https://microsoft.com/devicelogin",
                expires_in = 900,
                interval = 1,
                message = "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ABCD-EFGH to authenticate.",
            }),
            var p when p == AuthCli.TokenPath && polls++ == 0 => (400, new { error = "authorization_pending", error_description = "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending." }),
            var p when p == AuthCli.TokenPath => (200, AuthCli.UserToken(_standIn, "user-token-1")),
            _ => (404, new { error = "unexpected" }),
        };
        using var messages = new StringWriter();
        string[] arguments = AuthCli.Arguments(_standIn, "--flow", "device-code", "--cache-file", cache);

        var first = await AuthCli.RunAsync(AuthCli.Provider(_standIn, messages), null, null, arguments);
        var requests = _standIn.Requests;
        _standIn.Clear();
        var second = await AuthCli.RunAsync(AuthCli.Provider(_standIn, messages), null, null, arguments);

        Assert.That(first.Exit, Is.EqualTo(0), first.Errors);
        Assert.That(second.Exit, Is.EqualTo(0), second.Errors);
        var code = requests.First(r => r.Path.EndsWith("/devicecode", StringComparison.Ordinal));
        var tokens = requests.Where(r => r.Path == AuthCli.TokenPath).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(code.Method, Is.EqualTo("POST"));
            Assert.That(code.Form["client_id"], Is.EqualTo(AuthCli.ClientId));
            Assert.That(code.Form["scope"].Split(' '), Does.Contain(AuthCli.Environment + "/.default").And.Contain("offline_access"));
            Assert.That(tokens, Has.Count.EqualTo(2), "one pending poll, one success");
            // The page names urn:ietf:params:oauth:grant-type:device_code; MSAL.NET sends the short form Entra also accepts.
            Assert.That(tokens.Select(t => t.Form["grant_type"]), Is.All.AnyOf("urn:ietf:params:oauth:grant-type:device_code", "device_code"));
            Assert.That(tokens.Select(t => t.Form["device_code"]), Is.All.EqualTo("device-code-123"));
            Assert.That(messages.ToString(), Does.Contain("enter the code ABCD-EFGH"), "the instructions are shown (on stderr, not stdout)");
            Assert.That(AuthCli.Parse(first.Output).Token, Is.EqualTo("user-token-1"));
            Assert.That(File.Exists(cache), Is.True);
            Assert.That(UnixMode(cache), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "0600");
            Assert.That(UnixMode(Path.GetDirectoryName(cache)!), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute), "0700");
            Assert.That(File.ReadAllText(cache), Does.Contain("refresh-user-token-1"), "the refresh token is kept for renewal");
            Assert.That(_standIn.Requests, Is.Empty, "the second call is served from the cache");
            Assert.That(AuthCli.Parse(second.Output).Token, Is.EqualTo("user-token-1"));
        });
    }

    [Test]
    public async Task An_expired_cached_token_is_renewed_with_the_refresh_token_not_a_new_sign_in()
    {
        var cache = Path.Combine(_folder, "refresh", "msal-cache.json");
        _standIn.Respond = r => r.Path.EndsWith("/devicecode", StringComparison.Ordinal)
            ? (200, new { user_code = "X", device_code = "d", verification_uri = "https://microsoft.com/devicelogin", expires_in = 900, interval = 1, message = "m" })
            : r.Form["grant_type"] == "refresh_token" ? (200, AuthCli.UserToken(_standIn, "user-token-renewed")) : (200, AuthCli.UserToken(_standIn, "user-token-short", expiresIn: 60));
        string[] arguments = AuthCli.Arguments(_standIn, "--flow", "device-code", "--cache-file", cache);

        await AuthCli.RunAsync(AuthCli.Provider(_standIn), null, null, arguments);
        _standIn.Clear();
        var second = await AuthCli.RunAsync(AuthCli.Provider(_standIn), null, null, arguments);

        Assert.Multiple(() =>
        {
            Assert.That(second.Exit, Is.EqualTo(0), second.Errors);
            Assert.That(_standIn.Requests.Select(r => r.Form.GetValueOrDefault("grant_type")), Is.EqualTo(new[] { "refresh_token" }), "MSAL renews a token within 5 minutes of expiry");
            Assert.That(_standIn.Requests.Single().Form["refresh_token"], Is.EqualTo("refresh-user-token-short"));
            Assert.That(AuthCli.Parse(second.Output).Token, Is.EqualTo("user-token-renewed"));
        });
    }

    [Test]
    public async Task Browser_sign_in_uses_PKCE_S256_and_a_loopback_redirect()
    {
        var cache = Path.Combine(_folder, "browser", "msal-cache.json");
        Uri? authorize = null;
        _standIn.Respond = r => r.Path == AuthCli.TokenPath ? (200, AuthCli.UserToken(_standIn, "browser-token")) : (404, new { error = "unexpected" });

        // The "browser": reads the authorization request and comes back to the loopback redirect with a code. MSAL opens
        // the browser before it listens, so the redirect is sent in the background until the listener answers.
        Task Browser(Uri url)
        {
            authorize = url;
            var query = HttpUtility.ParseQueryString(url.Query);
            _ = Task.Run(async () =>
            {
                using var client = new HttpClient();
                for (var attempt = 0; attempt < 50; attempt++)
                {
                    try
                    {
                        // response_mode=form_post: the authority's page posts code and state to the redirect URI.
                        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "auth-code-1", ["state"] = query["state"]! });
                        using var response = await client.PostAsync(query["redirect_uri"], form);
                        return;
                    }
                    catch (HttpRequestException)
                    {
                        await Task.Delay(100);
                    }
                }
            });
            return Task.CompletedTask;
        }

        var (exit, output, errors) = await AuthCli.RunAsync(AuthCli.Provider(_standIn, browser: Browser), null, null, AuthCli.Arguments(_standIn, "--flow", "interactive", "--cache-file", cache));

        Assert.That(exit, Is.EqualTo(0), errors);
        var query = HttpUtility.ParseQueryString(authorize!.Query);
        var redeem = _standIn.Requests.Single(r => r.Path == AuthCli.TokenPath).Form;
        Assert.Multiple(() =>
        {
            Assert.That(authorize.AbsolutePath, Is.EqualTo($"/{AuthCli.Tenant}/oauth2/v2.0/authorize"));
            Assert.That(query["response_type"], Is.EqualTo("code"));
            Assert.That(query["client_id"], Is.EqualTo(AuthCli.ClientId));
            Assert.That(query["scope"]!.Split(' '), Does.Contain(AuthCli.Environment + "/.default"));
            Assert.That(new Uri(query["redirect_uri"]!).IsLoopback, Is.True);
            Assert.That(query["code_challenge_method"], Is.EqualTo("S256"));
            Assert.That(query["response_mode"], Is.EqualTo("form_post"), "the code does not travel in the URL");
            Assert.That(redeem["grant_type"], Is.EqualTo("authorization_code"));
            Assert.That(redeem["code"], Is.EqualTo("auth-code-1"));
            Assert.That(redeem["redirect_uri"], Is.EqualTo(query["redirect_uri"]));

            // RFC 7636 §4.2, computed here: code_challenge = BASE64URL(SHA256(ASCII(code_verifier))).
            Assert.That(query["code_challenge"], Is.EqualTo(AuthCli.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(redeem["code_verifier"])))));
            Assert.That(AuthCli.Parse(output).Token, Is.EqualTo("browser-token"));
        });
    }

    /// <summary>The file's permission bits (Windows has none: the test then compares with what Linux would show).</summary>
    private static UnixFileMode UnixMode(string path) =>
        OperatingSystem.IsWindows() ? (File.Exists(path) ? UnixFileMode.UserRead | UnixFileMode.UserWrite : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute) : File.GetUnixFileMode(path);
}
