using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace Rapport.Cli.Commands.Auth;

/// <summary>
/// Signs in with MSAL.NET, one flow per <see cref="AuthFlow"/>. The seams (HTTP client factory, authority validation,
/// the browser) are for the tests' local stand-in of the authority; the command uses the defaults.
/// </summary>
internal sealed class TokenProvider
{
    /// <summary>MSAL's HTTP client (null: MSAL's own).</summary>
    public IMsalHttpClientFactory? HttpClientFactory { get; init; }

    /// <summary>Instance discovery and authority validation against Microsoft Entra (off only for a stand-in authority).</summary>
    public bool ValidateAuthority { get; init; } = true;

    /// <summary>Opens the sign-in page of the interactive flow (null: the system browser).</summary>
    public Func<Uri, Task>? OpenBrowser { get; init; }

    /// <summary>Where the device code instructions are written (the user reads them; stdout stays the token).</summary>
    public TextWriter Messages { get; init; } = Console.Error;

    /// <summary>The local environment's token endpoint is called with this handler (null: a plain HttpClient).</summary>
    public HttpMessageHandler? LocalHandler { get; init; }

    public Task<AccessToken> AcquireAsync(TokenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (LocalEnvironmentToken.IsLocal(request.Environment))
        {
            return LocalEnvironmentToken.AcquireAsync(request, LocalHandler, cancellationToken);
        }

        return request.Flow switch
        {
            AuthFlow.ManagedIdentity => ManagedIdentityAsync(request, cancellationToken),
            AuthFlow.DeviceCode or AuthFlow.Interactive => PublicClientAsync(request, cancellationToken),
            _ => ConfidentialClientAsync(request, cancellationToken),
        };
    }

    /// <summary>Client credentials: secret, certificate or federated token; the app's own permissions (scope /.default).</summary>
    private async Task<AccessToken> ConfidentialClientAsync(TokenRequest request, CancellationToken cancellationToken)
    {
        var builder = ConfidentialClientApplicationBuilder.Create(Require(request.ClientId, "--client-id (the app registration's application id)"))
            .WithAuthority(Authority(request), ValidateAuthority);
        _ = Require(request.TenantId, "--tenant-id (your tenant id or domain)");
        builder = Configure(builder);
        builder = request.Flow switch
        {
            AuthFlow.Secret => builder.WithClientSecret(Require(request.Secret, "the client secret in RAPPORT_CLIENT_SECRET or on standard input with --secret-stdin")),
            AuthFlow.Certificate => builder.WithCertificate(CertificateLoader.Load(request)),

            // Read on each request: the pipeline's token file is short-lived and rotated in place.
            AuthFlow.Federated => builder.WithClientAssertion((AssertionRequestOptions _) => Task.FromResult(FederatedToken(request))),
            _ => throw new AuthException($"The {request.Flow} flow is not a client credentials flow."),
        };
        var app = builder.Build();
        var acquire = app.AcquireTokenForClient([request.Scope]);
        if (request.Claims is { } claims)
        {
            acquire = acquire.WithClaims(claims);
        }

        var result = await acquire.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return new AccessToken(result.AccessToken, result.ExpiresOn);
    }

    /// <summary>The managed identity of the Azure resource this runs on; MSAL finds the endpoint (App Service, IMDS...) from the environment variables.</summary>
    private async Task<AccessToken> ManagedIdentityAsync(TokenRequest request, CancellationToken cancellationToken)
    {
        var id = request.ClientId is { Length: > 0 } client ? ManagedIdentityId.WithUserAssignedClientId(client) : ManagedIdentityId.SystemAssigned;
        var builder = ManagedIdentityApplicationBuilder.Create(id);
        if (HttpClientFactory is not null)
        {
            builder = builder.WithHttpClientFactory(HttpClientFactory);
        }

        var acquire = builder.Build().AcquireTokenForManagedIdentity(request.Resource);
        if (request.Claims is { } claims)
        {
            acquire = acquire.WithClaims(claims);
        }

        var result = await acquire.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return new AccessToken(result.AccessToken, result.ExpiresOn);
    }

    /// <summary>Device code or browser sign-in; the cache file keeps the account and its refresh token for the next run.</summary>
    private async Task<AccessToken> PublicClientAsync(TokenRequest request, CancellationToken cancellationToken)
    {
        var builder = PublicClientApplicationBuilder.Create(request.ClientId ?? TokenRequest.DefaultPublicClientId)
            .WithAuthority(Authority(request), ValidateAuthority)
            .WithRedirectUri("http://localhost");
        var app = Configure(builder).Build();
        TokenCacheFile.Bind(app.UserTokenCache, request.CacheFile ?? TokenCacheFile.DefaultPath);
        string[] scopes = [request.Scope];
        var account = (await app.GetAccountsAsync().ConfigureAwait(false)).FirstOrDefault();
        if (account is not null)
        {
            try
            {
                var silent = app.AcquireTokenSilent(scopes, account);
                if (request.Claims is { } claims)
                {
                    silent = silent.WithClaims(claims);
                }

                var cached = await silent.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                return new AccessToken(cached.AccessToken, cached.ExpiresOn);
            }
            catch (MsalUiRequiredException)
            {
                // The refresh token expired or the claims need a new sign-in: fall through to the person.
            }
        }

        AuthenticationResult result;
        if (request.Flow == AuthFlow.DeviceCode)
        {
            var flow = app.AcquireTokenWithDeviceCode(scopes, code =>
            {
                Messages.WriteLine(code.Message);
                Messages.Flush();
                return Task.CompletedTask;
            });
            result = await (request.Claims is { } c ? flow.WithClaims(c) : flow).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (OpenBrowser is null && !BrowserAvailable())
            {
                throw new AuthException("No browser is available here (no DISPLAY or WAYLAND_DISPLAY): sign in with --flow device-code instead.");
            }

            var flow = app.AcquireTokenInteractive(scopes).WithUseEmbeddedWebView(false);
            if (OpenBrowser is { } open)
            {
                flow = flow.WithSystemWebViewOptions(new SystemWebViewOptions { OpenBrowserAsync = open });
            }

            result = await (request.Claims is { } c ? flow.WithClaims(c) : flow).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        return new AccessToken(result.AccessToken, result.ExpiresOn);
    }

    private T Configure<T>(T builder)
        where T : AbstractApplicationBuilder<T>
    {
        if (!ValidateAuthority)
        {
            builder = builder.WithInstanceDiscovery(false);
        }

        return HttpClientFactory is null ? builder : builder.WithHttpClientFactory(HttpClientFactory);
    }

    /// <summary>https only: a token request carries the client's credential.</summary>
    private static string Authority(TokenRequest request)
    {
        if (request.Authority.Scheme != Uri.UriSchemeHttps)
        {
            throw new AuthException($"The authority {request.Authority} is not https: tokens are only requested over https.");
        }

        return request.TenantAuthority;
    }

    private static string FederatedToken(TokenRequest request)
    {
        var path = Require(request.FederatedTokenFile, "--federated-token-file (or AZURE_FEDERATED_TOKEN_FILE, as the pipeline sets it)");
        try
        {
            var token = File.ReadAllText(path).Trim();
            return token.Length > 0 ? token : throw new AuthException($"The federated token file {path} is empty: check the pipeline's workload identity setup.");
        }
        catch (IOException e)
        {
            throw new AuthException($"The federated token file {path} cannot be read ({e.Message.TrimEnd('.')}): check AZURE_FEDERATED_TOKEN_FILE.", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new AuthException($"The federated token file {path} cannot be read (access denied): run as the user the pipeline gave it to.", e);
        }
    }

    private static bool BrowserAvailable() =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        || !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("DISPLAY"))
        || !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));

    private static string Require(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new AuthException($"Missing {what}.") : value;
}
