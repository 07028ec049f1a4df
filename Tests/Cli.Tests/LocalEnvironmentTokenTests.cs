using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Rapport.Cli.Commands.Auth;
using Rapport.Emulator;
using Rapport.LocalEnvironment;
using Rapport.Solution.Declarations;

namespace Rapport.Cli.Tests;

/// <summary>`rapport auth token --environment http://127.0.0.1:N`: the local environment's own token endpoint, no Microsoft Entra.</summary>
public sealed class LocalEnvironmentTokenTests
{
    private const string EnvironmentToken = "local-environment-token";
    private LocalHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() =>
        _host = await LocalHost.StartAsync(new DataverseEmulator(RapportSolution.Build("1.0.0.0")), new LocalOptions { Port = 0, Token = EnvironmentToken, TokenLifetime = TimeSpan.FromSeconds(120) });

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [Test]
    public async Task The_issued_token_opens_the_Web_API_and_expires_after_the_environments_token_lifetime()
    {
        var (exit, output, errors) = await AuthCli.RunAsync(new TokenProvider(), new Dictionary<string, string> { ["RAPPORT_CLIENT_SECRET"] = EnvironmentToken }, null,
            "auth", "token", "--environment", _host.BaseUrl.ToString().TrimEnd('/'));

        Assert.That(exit, Is.EqualTo(0), errors);
        var (token, expires) = AuthCli.Parse(output);
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var whoAmI = await client.GetAsync(new Uri(_host.BaseUrl, "api/data/v9.2/WhoAmI"));
        Assert.Multiple(() =>
        {
            Assert.That(token, Is.Not.EqualTo(EnvironmentToken));
            Assert.That(expires, Is.EqualTo(DateTimeOffset.UtcNow.AddSeconds(120)).Within(TimeSpan.FromSeconds(20)));
            Assert.That(whoAmI.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task A_wrong_environment_token_is_one_sentence_and_exit_code_2()
    {
        var (exit, output, errors) = await AuthCli.RunAsync(new TokenProvider(), null, "not-the-token\n",
            "auth", "token", "--environment", _host.BaseUrl.ToString(), "--secret-stdin");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(errors.Trim(), Is.EqualTo($"The local environment at {_host.BaseUrl.GetLeftPart(UriPartial.Authority)} refused the client secret (invalid_client): pass the token of the running environment (.local-data/local.json)."));
        });
    }
}
