using System;
using System.CommandLine;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Identity.Client;

namespace Rapport.Cli.Commands.Auth;

/// <summary>
/// `rapport auth token --environment URL [--flow …]`: a bearer token for a Dataverse environment on stdout as
/// <c>{"accessToken","expiresOn"}</c> (or the token alone with --token-only). Secrets come from environment
/// variables or standard input, never from the command line (other users see a process's arguments). Errors: one
/// sentence on stderr, exit code 2.
/// </summary>
internal static partial class AuthCommand
{
    public static Command Create() => Create(new TokenProvider(), Console.In, Console.Out, Console.Error, System.Environment.GetEnvironmentVariable);

    /// <summary>The command with its seams: the tests pass a provider bound to their stand-in authority and their own streams and variables.</summary>
    public static Command Create(TokenProvider provider, TextReader input, TextWriter output, TextWriter errors, Func<string, string?> variables)
    {
        var environment = new Option<string>("--environment") { Description = "The environment URL, e.g. https://contoso.crm.dynamics.com; a loopback URL is the local environment.", Required = true };
        var flow = new Option<string>("--flow") { Description = "secret (default), certificate, federated, managed-identity, device-code or interactive.", DefaultValueFactory = _ => "secret" };
        flow.AcceptOnlyFromAmong("secret", "certificate", "federated", "managed-identity", "device-code", "interactive");
        var tenant = new Option<string?>("--tenant-id") { Description = "Microsoft Entra tenant id or domain (default for federated: AZURE_TENANT_ID)." };
        var client = new Option<string?>("--client-id") { Description = "Application (client) id; for managed-identity, a user-assigned identity's client id (default for federated: AZURE_CLIENT_ID)." };
        var authority = new Option<string?>("--authority") { Description = "Authority host, https only (default https://login.microsoftonline.com; sovereign clouds use their own)." };
        var secretStdin = new Option<bool>("--secret-stdin") { Description = "Read the client secret from the first line of standard input instead of RAPPORT_CLIENT_SECRET." };
        var thumbprint = new Option<string?>("--certificate-thumbprint") { Description = "certificate: thumbprint of a certificate with its private key in the CurrentUser or LocalMachine 'My' store." };
        var certificatePath = new Option<string?>("--certificate-path") { Description = "certificate: PFX file; its password in RAPPORT_CERTIFICATE_PASSWORD." };
        var federated = new Option<string?>("--federated-token-file") { Description = "federated: file with the pipeline's federated token (default AZURE_FEDERATED_TOKEN_FILE)." };
        var claims = new Option<string?>("--claims") { Description = "Claims challenge (JSON) from a 401's WWW-Authenticate, passed to the authority." };
        var cache = new Option<string?>("--cache-file") { Description = "device-code and interactive: token cache file, owner-only (default ~/.rapport/msal-cache.json)." };
        var tokenOnly = new Option<bool>("--token-only") { Description = "Print the access token alone instead of {\"accessToken\",\"expiresOn\"}." };

        var token = new Command("token", "Print a bearer token for a Dataverse environment (scope <environment>/.default).");
        foreach (var option in new Option[] { environment, flow, tenant, client, authority, secretStdin, thumbprint, certificatePath, federated, claims, cache, tokenOnly })
        {
            token.Options.Add(option);
        }

        token.SetAction(async (parse, ct) =>
        {
            try
            {
                var request = Build(parse, variables, input);
                var result = await provider.AcquireAsync(request, ct).ConfigureAwait(false);
                output.WriteLine(parse.GetValue(tokenOnly)
                    ? result.Value
                    : JsonSerializer.Serialize(new { accessToken = result.Value, expiresOn = result.ExpiresOn.UtcDateTime.ToString("O") }));
                return 0;
            }
            catch (Exception e)
            {
                errors.WriteLine(Sentence(e));
                return 2;
            }

            TokenRequest Build(ParseResult p, Func<string, string?> vars, TextReader stdin)
            {
                var chosen = Flow(p.GetValue(flow)!);
                var federatedFlow = chosen == AuthFlow.Federated;
                return new TokenRequest
                {
                    Environment = EnvironmentUrl(p.GetValue(environment)!),
                    Flow = chosen,
                    TenantId = p.GetValue(tenant) ?? (federatedFlow ? vars("AZURE_TENANT_ID") : null),
                    ClientId = p.GetValue(client) ?? (federatedFlow ? vars("AZURE_CLIENT_ID") : null),
                    Authority = AuthorityUrl(p.GetValue(authority)),
                    Secret = p.GetValue(secretStdin) ? stdin.ReadLine()?.Trim() : vars("RAPPORT_CLIENT_SECRET"),
                    CertificateThumbprint = p.GetValue(thumbprint),
                    CertificatePath = p.GetValue(certificatePath),
                    CertificatePassword = vars("RAPPORT_CERTIFICATE_PASSWORD"),
                    FederatedTokenFile = p.GetValue(federated) ?? vars("AZURE_FEDERATED_TOKEN_FILE"),
                    Claims = p.GetValue(claims),
                    CacheFile = p.GetValue(cache),
                };
            }
        });

        var auth = new Command("auth", "Sign in to Dataverse environments (Microsoft Entra via MSAL.NET, or the local environment).");
        auth.Subcommands.Add(token);
        return auth;
    }

    private static AuthFlow Flow(string name) => name switch
    {
        "certificate" => AuthFlow.Certificate,
        "federated" => AuthFlow.Federated,
        "managed-identity" => AuthFlow.ManagedIdentity,
        "device-code" => AuthFlow.DeviceCode,
        "interactive" => AuthFlow.Interactive,
        _ => AuthFlow.Secret,
    };

    /// <summary>https, or http on loopback only (the local environment).</summary>
    private static Uri EnvironmentUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new AuthException($"--environment '{text}' is not an environment URL such as https://contoso.crm.dynamics.com.");
        }

        if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            throw new AuthException($"--environment {text} uses http: Dataverse environments are served over https (http is for the local environment on 127.0.0.1 only).");
        }

        return url;
    }

    private static Uri AuthorityUrl(string? text)
    {
        if (text is null)
        {
            return TokenRequest.PublicCloud;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            throw new AuthException($"--authority '{text}' is not an https URL: tokens are only requested over https.");
        }

        return url;
    }

    /// <summary>One sentence for the user: MSAL's first line (its AADSTS code and text), never a stack trace or "(Parameter 'x')".</summary>
    internal static string Sentence(Exception e)
    {
        var text = e switch
        {
            AuthException => e.Message,
            MsalServiceException service => $"Sign-in failed ({service.ErrorCode}): {ServerSentence(service.Message)}{Hint(service.ErrorCode)}",
            MsalException msal => $"Sign-in failed ({msal.ErrorCode}): {FirstLine(msal.Message)}",
            HttpRequestException http => $"Cannot reach the authority ({FirstLine(http.Message)}): check the network and --authority",
            OperationCanceledException => "Sign-in was cancelled",
            _ => $"rapport auth token failed: {FirstLine(e.Message)}",
        };
        text = ParameterSuffix().Replace(text, string.Empty).Trim();
        return text.EndsWith('.') ? text : text + ".";
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    /// <summary>The authority's own first sentence ("AADSTS7000215: Invalid client secret provided"), without MSAL's preamble or trace ids.</summary>
    private static string ServerSentence(string message)
    {
        var at = message.IndexOf("AADSTS", StringComparison.Ordinal);
        var text = FirstLine(at >= 0 ? message[at..] : message);
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? text[..end] : text).TrimEnd('.');
    }

    /// <summary>What to check for the errors an admin meets most (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).</summary>
    private static string Hint(string code) => code switch
    {
        "invalid_client" => "; check --tenant-id, --client-id and the secret or certificate (a secret may have expired)",
        "unauthorized_client" => "; check --client-id and that the app registration allows this flow",
        "invalid_scope" => "; check --environment (the scope is <environment>/.default)",
        "invalid_request" => "; check --tenant-id and --authority",
        _ => string.Empty,
    };

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterSuffix();
}
