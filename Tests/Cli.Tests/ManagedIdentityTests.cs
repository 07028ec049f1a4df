using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Rapport.Cli.Tests;

/// <summary>
/// Managed identity on App Service, as MSAL finds it from IDENTITY_ENDPOINT and IDENTITY_HEADER
/// (https://learn.microsoft.com/azure/app-service/overview-managed-identity#rest-endpoint-reference: GET
/// IDENTITY_ENDPOINT?api-version=2019-08-01&amp;resource=…[&amp;client_id=…] with the X-IDENTITY-HEADER header; the answer's
/// expires_on is in seconds since 1970). The variables are process-wide: the fixture sets and restores them.
/// </summary>
[NonParallelizable]
public sealed class ManagedIdentityTests
{
    private AuthorityStandIn _standIn = null!;
    private readonly Dictionary<string, string?> _saved = new();

    [OneTimeSetUp]
    public async Task Start()
    {
        _standIn = await AuthorityStandIn.StartAsync();
        foreach (var name in new[] { "IDENTITY_ENDPOINT", "IDENTITY_HEADER", "IDENTITY_SERVER_THUMBPRINT", "IMDS_ENDPOINT", "MSI_ENDPOINT", "MSI_SECRET" })
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }

        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", new Uri(_standIn.BaseUrl, "msi/token").ToString());
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", "identity-header-secret");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        await _standIn.DisposeAsync();
    }

    [TestCase(null)]
    [TestCase("99999999-8888-7777-6666-555555555555")]
    public async Task Managed_identity_asks_the_App_Service_endpoint_for_the_environment_as_resource(string? userAssigned)
    {
        _standIn.Clear();
        var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        _standIn.Respond = r => r.Path == "/msi/token"
            ? (200, new { access_token = "mi-token-" + (userAssigned ?? "system"), expires_on = expiresOn.ToString(System.Globalization.CultureInfo.InvariantCulture), resource = AuthCli.Environment, token_type = "Bearer", client_id = userAssigned ?? "system" })
            : (404, new { error = "unexpected" });
        var arguments = new List<string> { "auth", "token", "--environment", AuthCli.Environment, "--flow", "managed-identity" };
        if (userAssigned is not null)
        {
            arguments.AddRange(["--client-id", userAssigned]);
        }

        var (exit, output, errors) = await AuthCli.RunAsync(AuthCli.Provider(_standIn), null, null, arguments.ToArray());

        Assert.That(exit, Is.EqualTo(0), errors);
        var request = _standIn.Requests.Single();
        var (token, expires) = AuthCli.Parse(output);
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("GET"));
            Assert.That(request.Query["api-version"], Is.EqualTo("2019-08-01"));
            Assert.That(request.Query["resource"].TrimEnd('/'), Is.EqualTo(AuthCli.Environment), "a resource, not a /.default scope");
            Assert.That(request.Headers["X-IDENTITY-HEADER"], Is.EqualTo("identity-header-secret"));
            Assert.That(request.Query.GetValueOrDefault("client_id"), Is.EqualTo(userAssigned), "client_id names a user-assigned identity only");
            Assert.That(token, Is.EqualTo("mi-token-" + (userAssigned ?? "system")));
            Assert.That(expires.ToUnixTimeSeconds(), Is.EqualTo(expiresOn));
        });
    }
}
