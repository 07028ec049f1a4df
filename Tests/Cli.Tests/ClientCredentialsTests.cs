using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace Rapport.Cli.Tests;

/// <summary>
/// The client credentials flows as Microsoft Entra's token endpoint receives them:
/// https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow (first case: a shared
/// secret; second case: a certificate, the assertion of https://learn.microsoft.com/entra/identity-platform/certificate-credentials;
/// third case: a federated credential, the assertion being the external token as it is, per
/// https://learn.microsoft.com/entra/workload-id/workload-identity-federation).
/// </summary>
[NonParallelizable]
public sealed class ClientCredentialsTests
{
    private const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
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
    public void Reset()
    {
        _standIn.Clear();
        _standIn.Respond = r => r.Path == AuthCli.TokenPath ? (200, AuthCli.AppToken("app-token-1")) : (404, new { error = "unexpected" });
    }

    [Test]
    public async Task Client_secret_from_the_environment_is_sent_in_the_form_body_with_scope_environment_default()
    {
        var (exit, output, errors) = await AuthCli.RunAsync(AuthCli.Provider(_standIn), new Dictionary<string, string> { ["RAPPORT_CLIENT_SECRET"] = "s3cret~value" }, null, AuthCli.Arguments(_standIn));

        Assert.That(exit, Is.EqualTo(0), errors);
        var request = _standIn.Requests.Single();
        var (token, expires) = AuthCli.Parse(output);
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.Path, Is.EqualTo(AuthCli.TokenPath));
            Assert.That(request.Form["grant_type"], Is.EqualTo("client_credentials"));
            Assert.That(request.Form["client_id"], Is.EqualTo(AuthCli.ClientId));
            Assert.That(request.Form["client_secret"], Is.EqualTo("s3cret~value"));
            Assert.That(request.Form["scope"].Split(' '), Does.Contain(AuthCli.Environment + "/.default"));
            Assert.That(request.Form.ContainsKey("client_assertion"), Is.False);
            Assert.That(request.Query.Values.Concat(request.Headers.Values), Has.None.Contains("s3cret~value"), "the secret travels in the body only");
            Assert.That(token, Is.EqualTo("app-token-1"));
            Assert.That(expires, Is.EqualTo(DateTimeOffset.UtcNow.AddSeconds(3599)).Within(TimeSpan.FromSeconds(30)));
        });
    }

    [Test]
    public async Task Client_secret_can_come_from_standard_input_and_token_only_prints_the_bare_token()
    {
        var (exit, output, errors) = await AuthCli.RunAsync(AuthCli.Provider(_standIn), null, "piped-secret\n", AuthCli.Arguments(_standIn, "--secret-stdin", "--token-only"));

        Assert.That(exit, Is.EqualTo(0), errors);
        Assert.Multiple(() =>
        {
            Assert.That(_standIn.Requests.Single().Form["client_secret"], Is.EqualTo("piped-secret"));
            Assert.That(output.Trim(), Is.EqualTo("app-token-1"));
        });
    }

    [Test]
    public async Task A_secret_on_the_command_line_is_refused_before_anything_is_sent()
    {
        var (exit, _, _) = await AuthCli.RunAsync(AuthCli.Provider(_standIn), null, null, AuthCli.Arguments(_standIn, "--client-secret", "plain-secret"));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Not.EqualTo(0), "there is no option that takes a secret");
            Assert.That(_standIn.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task Certificate_sends_a_JWT_assertion_signed_by_the_certificates_private_key()
    {
        using var appCertificate = TestCertificates.Create("rapport-test-app", server: false);
        var pfx = Path.Combine(_folder, "app.pfx");
        File.WriteAllBytes(pfx, appCertificate.Export(X509ContentType.Pfx, "pfx-password"));

        var (exit, output, errors) = await AuthCli.RunAsync(AuthCli.Provider(_standIn), new Dictionary<string, string> { ["RAPPORT_CERTIFICATE_PASSWORD"] = "pfx-password" }, null,
            AuthCli.Arguments(_standIn, "--flow", "certificate", "--certificate-path", pfx));

        Assert.That(exit, Is.EqualTo(0), errors);
        var form = _standIn.Requests.Single().Form;
        var assertion = form["client_assertion"];
        var header = AuthCli.JwtPart(assertion, 0);
        var claims = AuthCli.JwtPart(assertion, 1);
        using var stranger = TestCertificates.Create("someone-else", server: false);
        Assert.Multiple(() =>
        {
            Assert.That(form["grant_type"], Is.EqualTo("client_credentials"));
            Assert.That(form["client_assertion_type"], Is.EqualTo(JwtBearer));
            Assert.That(form.ContainsKey("client_secret"), Is.False);
            Assert.That(SignatureValid(assertion, appCertificate), Is.True, "verified with the certificate's public key");
            Assert.That(SignatureValid(assertion, stranger), Is.False, "the check can fail: another key does not verify it");
            Assert.That(claims.GetProperty("aud").GetString(), Is.EqualTo(new Uri(_standIn.BaseUrl, AuthCli.TokenPath.TrimStart('/')).ToString()), "aud is the token endpoint");
            Assert.That(claims.GetProperty("iss").GetString(), Is.EqualTo(AuthCli.ClientId));
            Assert.That(claims.GetProperty("sub").GetString(), Is.EqualTo(AuthCli.ClientId));
            Assert.That(claims.GetProperty("jti").GetString(), Is.Not.Empty);
            Assert.That(DateTimeOffset.FromUnixTimeSeconds(NumericDate(claims.GetProperty("exp"))), Is.GreaterThan(DateTimeOffset.UtcNow));
            Assert.That(Thumbprints(header), Does.Contain(AuthCli.Base64Url(SHA256.HashData(appCertificate.RawData))).Or.Contain(AuthCli.Base64Url(appCertificate.GetCertHash())),
                "the header names the certificate (x5t#S256 or x5t)");
            Assert.That(AuthCli.Parse(output).Token, Is.EqualTo("app-token-1"));
        });
    }

    [Test]
    public async Task Certificate_by_thumbprint_is_found_in_the_current_users_store()
    {
        using var appCertificate = TestCertificates.Create("rapport-test-store", server: false);
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(appCertificate);
        try
        {
            var (exit, _, errors) = await AuthCli.RunAsync(AuthCli.Provider(_standIn), null, null,
                AuthCli.Arguments(_standIn, "--flow", "certificate", "--certificate-thumbprint", appCertificate.Thumbprint.ToLowerInvariant()));

            Assert.That(exit, Is.EqualTo(0), errors);
            Assert.That(SignatureValid(_standIn.Requests.Single().Form["client_assertion"], appCertificate), Is.True);
        }
        finally
        {
            store.Remove(appCertificate);
        }
    }

    [Test]
    public async Task An_unknown_thumbprint_says_where_it_looked()
    {
        var (exit, _, errors) = await AuthCli.RunAsync(AuthCli.Provider(_standIn), null, null,
            AuthCli.Arguments(_standIn, "--flow", "certificate", "--certificate-thumbprint", "00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 00 11 22 33"));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(errors.Trim(), Is.EqualTo("No certificate with thumbprint 00112233445566778899AABBCCDDEEFF00112233 in the CurrentUser or LocalMachine 'My' store: import it there, or pass --certificate-path."));
            Assert.That(_standIn.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task Certificate_with_a_wrong_password_is_one_sentence_and_exit_code_2()
    {
        using var appCertificate = TestCertificates.Create("rapport-test-app", server: false);
        var pfx = Path.Combine(_folder, "wrong.pfx");
        File.WriteAllBytes(pfx, appCertificate.Export(X509ContentType.Pfx, "right"));

        var (exit, output, errors) = await AuthCli.RunAsync(AuthCli.Provider(_standIn), new Dictionary<string, string> { ["RAPPORT_CERTIFICATE_PASSWORD"] = "wrong" }, null,
            AuthCli.Arguments(_standIn, "--flow", "certificate", "--certificate-path", pfx));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(errors.Trim(), Does.StartWith($"The certificate file {pfx} cannot be opened").And.EndWith("RAPPORT_CERTIFICATE_PASSWORD."));
            Assert.That(errors.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(_standIn.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task Federation_sends_the_token_files_content_as_the_assertion_and_rereads_it_when_rotated()
    {
        var file = Path.Combine(_folder, "azure-identity-token");
        File.WriteAllText(file, "eyJ.federated-token-one.sig\n");
        var variables = new Dictionary<string, string> { ["AZURE_FEDERATED_TOKEN_FILE"] = file, ["AZURE_TENANT_ID"] = AuthCli.Tenant, ["AZURE_CLIENT_ID"] = AuthCli.ClientId };
        string[] arguments = ["auth", "token", "--environment", AuthCli.Environment, "--authority", _standIn.BaseUrl.ToString(), "--flow", "federated"];

        var first = await AuthCli.RunAsync(AuthCli.Provider(_standIn), variables, null, arguments);
        File.WriteAllText(file, "eyJ.federated-token-two.sig");
        var second = await AuthCli.RunAsync(AuthCli.Provider(_standIn), variables, null, arguments);

        Assert.That(first.Exit + second.Exit, Is.EqualTo(0), first.Errors + second.Errors);
        var forms = _standIn.Requests.Select(r => r.Form).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(_standIn.Requests.Select(r => r.Path), Is.All.EqualTo(AuthCli.TokenPath), "tenant from AZURE_TENANT_ID");
            Assert.That(forms.Select(f => f["client_id"]), Is.All.EqualTo(AuthCli.ClientId), "client from AZURE_CLIENT_ID");
            Assert.That(forms.Select(f => f["client_assertion_type"]), Is.All.EqualTo(JwtBearer));
            Assert.That(forms.Select(f => f["client_assertion"]), Is.EqualTo(new[] { "eyJ.federated-token-one.sig", "eyJ.federated-token-two.sig" }));
        });
    }

    [Test]
    public async Task Claims_challenge_is_passed_to_the_token_request()
    {
        // https://learn.microsoft.com/entra/identity-platform/claims-challenge: the claims JSON goes back to the authority as is.
        const string challenge = "{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"1733390000\"}}}";

        var (exit, _, errors) = await AuthCli.RunAsync(AuthCli.Provider(_standIn), new Dictionary<string, string> { ["RAPPORT_CLIENT_SECRET"] = "s" }, null, AuthCli.Arguments(_standIn, "--claims", challenge));

        Assert.That(exit, Is.EqualTo(0), errors);
        using var sent = JsonDocument.Parse(_standIn.Requests.Single().Form["claims"]);
        Assert.That(sent.RootElement.GetProperty("access_token").GetProperty("nbf").GetProperty("value").GetString(), Is.EqualTo("1733390000"));
    }

    [Test]
    public async Task An_authority_error_is_one_sentence_with_its_AADSTS_code_and_exit_code_2()
    {
        _standIn.Respond = _ => (401, new
        {
            error = "invalid_client",
            error_description = "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.\r\nTrace ID: 0\r\nCorrelation ID: 0",
            error_codes = new[] { 7000215 },
        });

        var (exit, output, errors) = await AuthCli.RunAsync(AuthCli.Provider(_standIn), new Dictionary<string, string> { ["RAPPORT_CLIENT_SECRET"] = "wrong" }, null, AuthCli.Arguments(_standIn));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(errors.Trim(), Is.EqualTo("Sign-in failed (invalid_client): AADSTS7000215: Invalid client secret provided; check --tenant-id, --client-id and the secret or certificate (a secret may have expired)."));
            Assert.That(errors, Does.Not.Contain("Trace ID").And.Not.Contain("(Parameter").And.Not.Contain("   at "));
            Assert.That(errors, Does.Not.Contain("wrong"));
        });
    }

    [TestCase("--authority", "http://127.0.0.1:9/", "is not an https URL")]
    [TestCase("--environment", "http://contoso.crm.dynamics.com", "uses http: Dataverse environments are served over https")]
    public async Task Plain_http_is_refused_except_for_the_local_environment(string option, string value, string message)
    {
        var arguments = AuthCli.Arguments(_standIn).ToList();
        var at = arguments.IndexOf(option);
        arguments[at + 1] = value;

        var (exit, _, errors) = await AuthCli.RunAsync(AuthCli.Provider(_standIn), new Dictionary<string, string> { ["RAPPORT_CLIENT_SECRET"] = "s" }, null, arguments.ToArray());

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(errors, Does.Contain(message));
            Assert.That(_standIn.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task A_missing_secret_names_where_to_put_it()
    {
        var (exit, _, errors) = await AuthCli.RunAsync(AuthCli.Provider(_standIn), null, null, AuthCli.Arguments(_standIn));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(errors.Trim(), Is.EqualTo("Missing the client secret in RAPPORT_CLIENT_SECRET or on standard input with --secret-stdin."));
        });
    }

    /// <summary>RS256 (PKCS#1 v1.5) or PS256 (PSS), as the header says, over "header.payload".</summary>
    private static bool SignatureValid(string jwt, X509Certificate2 certificate)
    {
        var parts = jwt.Split('.');
        var alg = AuthCli.JwtPart(jwt, 0).GetProperty("alg").GetString();
        var padding = alg switch { "RS256" => RSASignaturePadding.Pkcs1, "PS256" => RSASignaturePadding.Pss, _ => throw new AssertionException($"unexpected alg {alg}") };
        using var key = certificate.GetRSAPublicKey()!;
        return key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), AuthCli.FromBase64Url(parts[2]), HashAlgorithmName.SHA256, padding);
    }

    /// <summary>MSAL writes the JWT's NumericDate claims as JSON strings; accept a number too.</summary>
    private static long NumericDate(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetInt64() : long.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Thumbprints(JsonElement header) =>
        new[] { "x5t#S256", "x5t" }.Where(n => header.TryGetProperty(n, out _)).Select(n => header.GetProperty(n).GetString()!).ToList();
}

/// <summary>Whatever fails, the user reads one sentence: no stack trace, no .NET "(Parameter 'x')" suffix.</summary>
public sealed class ErrorSentenceTests
{
    [Test]
    public void An_argument_exception_loses_its_parameter_suffix() =>
        Assert.That(Commands.Auth.AuthCommand.Sentence(new ArgumentException("The client id must not be empty.", "clientId")),
            Is.EqualTo("rapport auth token failed: The client id must not be empty."));

    [Test]
    public void A_multi_line_message_keeps_its_first_line_and_ends_with_a_period() =>
        Assert.That(Commands.Auth.AuthCommand.Sentence(new InvalidOperationException("Something went wrong\n   at Frame.One()\n   at Frame.Two()")),
            Is.EqualTo("rapport auth token failed: Something went wrong."));
}
