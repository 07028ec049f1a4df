using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>The sign-in link: a one-time code (bearer token only) that opens a cookie session for pages and the shim's API calls.</summary>
public sealed class SignInTests
{
    private readonly ManualTime _time = new();
    private HostFixture _host = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = await HostFixture.StartAsync(options: new LocalOptions { Port = 0, Token = HostFixture.Token, Time = _time });
        using var response = await _host.Client.PostAsync("ImportSolution", HostFixture.Json(new { CustomizationFile = Convert.ToBase64String(PackedZips.Managed("1.0.0.0")), OverwriteUnmanagedCustomizations = true, PublishWorkflows = true, ImportJobId = Guid.NewGuid() }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    private Uri Url(string relative) => new(_host.Host.BaseUrl, relative);

    /// <summary>A browser stand-in: keeps cookies, does not follow redirects (the test asserts them).</summary>
    private static HttpClient Browser(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false });

    private async Task<Uri> NewLinkAsync()
    {
        using var response = await _host.Client.PostAsync(Url("rapport/signin-codes"), null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return new Uri((string)JsonNode.Parse(text)!["url"]!);
    }

    private async Task<CookieContainer> SignedInAsync()
    {
        var cookies = new CookieContainer();
        using var browser = Browser(cookies);
        using var response = await browser.GetAsync(await NewLinkAsync());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return cookies;
    }

    [Test]
    public async Task A_code_is_issued_only_with_the_bearer_token_and_is_not_the_token()
    {
        using var anonymous = Browser();
        using var refused = await anonymous.PostAsync(Url("rapport/signin-codes"), null);
        using var withSession = Browser(await SignedInAsync());
        using var refusedToSession = await withSession.PostAsync(Url("rapport/signin-codes"), null);

        var link = await NewLinkAsync();

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(refusedToSession.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a session cannot mint the next link");
            Assert.That(link.GetLeftPart(UriPartial.Path), Is.EqualTo(Url("rapport/signin").ToString()));
            Assert.That(link.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(link.Query, Does.StartWith("?code=").And.Not.Contain(HostFixture.Token));
        });
    }

    [Test]
    public async Task Redeeming_sets_an_HttpOnly_SameSite_Strict_session_cookie_and_redirects_to_the_landing_page()
    {
        using var browser = Browser();

        using var response = await browser.GetAsync(await NewLinkAsync());

        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/rapport/"));
            Assert.That(cookie, Does.StartWith("rapport_session="));
            Assert.That(cookie.ToLowerInvariant(), Does.Contain("httponly").And.Contain("samesite=strict").And.Contain("path=/"));
            Assert.That(cookie, Does.Not.Contain(HostFixture.Token), "the cookie holds a session, not the token");
        });
    }

    [Test]
    public async Task The_session_cookie_opens_the_landing_page_a_form_page_and_the_Web_API()
    {
        var id = await _host.CreateAsync("contacts", new { lastname = "Signed" });
        using var browser = Browser(await SignedInAsync());

        using var landing = await browser.GetAsync(Url("rapport/"));
        using var form = await browser.GetAsync(Url($"main.aspx?etn=contact&id={id}"));
        using var api = await browser.GetAsync(Url("api/data/v9.2/WhoAmI"));
        var landingHtml = await landing.Content.ReadAsStringAsync();
        var formHtml = await form.Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(landing.StatusCode, Is.EqualTo(HttpStatusCode.OK), landingHtml);
            Assert.That(landingHtml, Does.Contain("<script src=\"/rapport/xrm-shim.js\"></script>").And.Not.Contain(HostFixture.Token));
            Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.OK), formHtml);
            Assert.That(formHtml, Does.Contain("src=\"/WebResources/" + PackedZips.FeedPageName).And.Not.Contain(HostFixture.Token), "a session's page calls with the cookie");
            Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Guid.Parse((string)JsonNode.Parse(await api.Content.ReadAsStringAsync())!["UserId"]!), Is.EqualTo(_host.Host.AdministratorId));
        });
    }

    [Test]
    public async Task A_code_works_once()
    {
        var link = await NewLinkAsync();
        using var first = Browser();
        using var second = Browser();

        using var redeemed = await first.GetAsync(link);
        using var again = await second.GetAsync(link);
        var page = await again.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(redeemed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(again.Headers.Contains("Set-Cookie"), Is.False);
            Assert.That(page, Does.Contain("This sign-in link has expired").And.Contain("./Deploy.ps1</code> again").And.Contain("POST /rapport/signin-codes"));
        });
    }

    [Test]
    public async Task An_expired_code_is_refused()
    {
        var link = await NewLinkAsync();
        _time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        using var browser = Browser();

        using var response = await browser.GetAsync(link);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("This sign-in link has expired"));
        });
    }

    [TestCase(null)]
    [TestCase("not-a-session")]
    public async Task Without_a_valid_session_the_landing_page_and_the_API_are_401(string? cookie)
    {
        var cookies = new CookieContainer();
        if (cookie is not null)
        {
            cookies.Add(_host.Host.BaseUrl, new Cookie("rapport_session", cookie));
        }

        using var browser = Browser(cookies);
        using var landing = await browser.GetAsync(Url("rapport/"));
        using var api = await browser.GetAsync(Url("api/data/v9.2/WhoAmI"));
        using var form = await browser.GetAsync(Url($"main.aspx?etn=contact&id={Guid.NewGuid()}"));

        Assert.Multiple(async () =>
        {
            Assert.That(landing.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await landing.Content.ReadAsStringAsync(), Does.Contain("needs a sign-in link"));
            Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task Landing_page_lists_recent_records_encoded_and_users_with_view_as_links()
    {
        var id = await _host.CreateAsync("contacts", new { lastname = "<b>Bold</b> & Co" });
        var account = await _host.CreateAsync("accounts", new { name = "Landing Ltd" });
        var env = _host.Host.Environment;
        var ada = env.SystemService.Create(new Entity("systemuser")
        {
            ["firstname"] = "Ada",
            ["lastname"] = "Landing",
            ["businessunitid"] = new EntityReference("businessunit", env.RootBusinessUnitId),
        });
        using var browser = Browser(await SignedInAsync());

        var html = await browser.GetStringAsync(Url("rapport/"));
        var asAda = await browser.GetStringAsync(Url($"rapport/?user={ada}"));
        using var unknown = await browser.GetAsync(Url($"rapport/?user={Guid.NewGuid()}"));

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<h2 id=\"feed-title\">My feed</h2>"));
            Assert.That(html, Does.Contain("src=\"/WebResources/rapport_/feed/feed.html?data=scope%3Dmy\""));
            Assert.That(html, Does.Contain($"<a href=\"/main.aspx?etn=contact&amp;id={id}\">&lt;b&gt;Bold&lt;/b&gt; &amp; Co</a>"));
            Assert.That(html, Does.Not.Contain("<b>Bold</b>"));
            Assert.That(html, Does.Contain($"<a href=\"/main.aspx?etn=account&amp;id={account}\">Landing Ltd</a>"));
            Assert.That(html, Does.Contain($"Ada Landing — <a href=\"/rapport/?user={ada}\">view as</a>"));
            Assert.That(html, Does.Contain("Signed in as Local Administrator"));
            Assert.That(asAda, Does.Contain("Viewing as Ada Landing"));
            Assert.That(asAda, Does.Contain($"\"callerId\":\"{ada}\""), "the shim impersonates the viewed user");
            Assert.That(asAda, Does.Contain($"/main.aspx?etn=contact&amp;id={id}&amp;user={ada}"), "record links keep the view");
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }
}
