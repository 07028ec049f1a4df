using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>
/// POST /rapport/token: short-lived tokens for the environment's own token, in OAuth 2.0's client credentials shape
/// (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow: grant_type, client_secret,
/// scope; the answer's token_type, expires_in, access_token), and the 401 of an expired one with
/// WWW-Authenticate: Bearer error="invalid_token" (RFC 6750 §3.1, as Dataverse answers an expired token).
/// </summary>
public sealed class IssuedTokenTests
{
    private readonly ManualTime _time = new();
    private HostFixture _host = null!;

    [OneTimeSetUp]
    public async Task Start() =>
        _host = await HostFixture.StartAsync(options: new LocalOptions { Port = 0, Token = HostFixture.Token, Time = _time, TokenLifetime = TimeSpan.FromSeconds(90) });

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [Test]
    public async Task A_token_issued_for_the_client_secret_opens_the_Web_API_until_its_lifetime_ends_then_401_invalid_token()
    {
        var (token, expiresIn) = await IssueAsync(HostFixture.Token);
        using var client = ClientWith(token);

        using var fresh = await client.GetAsync("WhoAmI");
        _time.Advance(TimeSpan.FromSeconds(89));
        using var almost = await client.GetAsync("WhoAmI");
        _time.Advance(TimeSpan.FromSeconds(2));
        using var expired = await client.GetAsync("WhoAmI");
        var error = await HostFixture.ErrorOf(expired);

        Assert.Multiple(() =>
        {
            Assert.That(expiresIn, Is.EqualTo(90), "expires_in is --token-lifetime");
            Assert.That(token, Is.Not.EqualTo(HostFixture.Token).And.Length.GreaterThanOrEqualTo(32));
            Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(almost.StatusCode, Is.EqualTo(HttpStatusCode.OK), "still valid one second before it expires");
            Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(expired.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer error=\"invalid_token\"").And.Contains("expired"));
            Assert.That((string?)error["code"], Is.EqualTo("0x80072560"));
        });
    }

    [Test]
    public async Task A_wrong_client_secret_is_401_invalid_client_and_issues_nothing()
    {
        using var client = new HttpClient();
        using var response = await client.PostAsync(new Uri(_host.Host.BaseUrl, "rapport/token"), Form("not-the-token"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((string?)body["error"], Is.EqualTo("invalid_client"));
            Assert.That(body["access_token"], Is.Null);
        });
    }

    [Test]
    public async Task An_issued_token_cannot_mint_tokens_sign_in_links_or_form_pages()
    {
        var (token, _) = await IssueAsync(HostFixture.Token);
        using var client = ClientWith(token);

        using var mint = await client.PostAsync(new Uri(_host.Host.BaseUrl, "rapport/token"), Form(token));
        using var codes = await client.PostAsync(new Uri(_host.Host.BaseUrl, "rapport/signin-codes"), null);

        Assert.Multiple(() =>
        {
            Assert.That(mint.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a short-lived token must not extend itself");
            Assert.That(codes.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task Revoking_stops_every_issued_token_at_once_but_not_the_environment_token()
    {
        var (first, _) = await IssueAsync(HostFixture.Token);
        var (second, _) = await IssueAsync(HostFixture.Token);
        using var admin = new HttpClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HostFixture.Token);
        using var revoke = await admin.DeleteAsync(new Uri(_host.Host.BaseUrl, "rapport/token"));
        using var one = ClientWith(first);
        using var two = ClientWith(second);

        using var a = await one.GetAsync("WhoAmI");
        using var b = await two.GetAsync("WhoAmI");
        using var own = await _host.Client.GetAsync("WhoAmI");
        var (third, _) = await IssueAsync(HostFixture.Token);
        using var three = ClientWith(third);
        using var c = await three.GetAsync("WhoAmI");

        Assert.Multiple(() =>
        {
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(new[] { a.StatusCode, b.StatusCode }, Is.All.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(a.Headers.WwwAuthenticate.ToString(), Does.Contain("error=\"invalid_token\"").And.Contains("revoked"));
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(c.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a token issued after the revocation works");
        });
    }

    private async Task<(string Token, int ExpiresIn)> IssueAsync(string secret)
    {
        using var client = new HttpClient();
        using var response = await client.PostAsync(new Uri(_host.Host.BaseUrl, "rapport/token"), Form(secret));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "RFC 6749 §5.1: Cache-Control: no-store");
        var body = JsonNode.Parse(text)!;
        Assert.That((string?)body["token_type"], Is.EqualTo("Bearer"));
        return ((string)body["access_token"]!, (int)body["expires_in"]!);
    }

    private HttpClient ClientWith(string token)
    {
        var client = new HttpClient { BaseAddress = _host.Client.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private FormUrlEncodedContent Form(string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_secret"] = secret,
        ["scope"] = _host.Host.BaseUrl.GetLeftPart(UriPartial.Authority) + "/.default",
    });
}
