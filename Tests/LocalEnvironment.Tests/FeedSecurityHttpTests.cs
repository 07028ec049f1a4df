using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>
/// Issue 15's probes over HTTP, as the sample user Ada Lovelace (Fundraising; Fundraiser + Rapport User) against the
/// local environment with Rapport imported: the administrator's confidential post about a contact Ada cannot read is
/// refused on every Web API path (403 with Dataverse's "missing prvRead" fault, as
/// https://learn.microsoft.com/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors describes
/// error responses), its protected columns cannot be changed, and the page, card and session refuse what they should.
/// </summary>
public sealed class FeedSecurityHttpTests
{
    private const string Secret = "CONFIDENTIAL: board member pledge";
    private HostFixture _host = null!;
    private Guid _ada;
    private Guid _hidden;
    private Guid _post;
    private Guid _comment;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = await HostFixture.StartAsync(options: new LocalOptions { Port = 0, Token = HostFixture.Token, Sample = "nonprofit" });
        using var import = await _host.Client.PostAsync("ImportSolution", HostFixture.Json(new
        {
            CustomizationFile = Convert.ToBase64String(PackedZips.Rapport("1.0.0.0")),
            OverwriteUnmanagedCustomizations = true,
            PublishWorkflows = true,
            ImportJobId = Guid.NewGuid(),
        }));
        Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await import.Content.ReadAsStringAsync());
        _ada = Guid.Parse((string)(await _host.GetAsync("systemusers?$select=systemuserid&$filter=fullname eq 'Ada Lovelace'"))["value"]![0]!["systemuserid"]!);

        // The administrator's contact (root business unit): outside Ada's Local read.
        _hidden = await _host.CreateAsync("contacts", new { firstname = "Board", lastname = "Member" });
        _post = await _host.CreateAsync("rapport_posts", new
        {
            rapport_regardingtable = "contact",
            rapport_regardingid = _hidden.ToString(),
            rapport_text = $"{Secret} @[systemuser,{_ada},\"Ada Lovelace\"]",
        });
        _comment = await _host.CreateAsync("rapport_comments", new Dictionary { ["rapport_text"] = "Noted", ["rapport_postid@odata.bind"] = $"/rapport_posts({_post})" });
    }

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [TestCase("rapport_posts?$filter=rapport_regardingid eq '{hidden}'", "prvReadrapport_post")]
    [TestCase("rapport_posts({post})", "prvReadrapport_post")]
    [TestCase("rapport_posts?$select=rapport_text,rapport_regardingname", "prvReadrapport_post")]
    [TestCase("rapport_comments?$filter=_rapport_postid_value eq {post}", "prvReadrapport_comment")]
    [TestCase("rapport_mentions", "prvReadrapport_mention")]
    [TestCase("rapport_reactions", "prvReadrapport_reaction")]
    [TestCase("rapport_postrevisions", "prvReadrapport_postrevision")]
    [TestCase("rapport_moderationlogs", "prvReadrapport_moderationlog")]
    public async Task Ada_cannot_read_feed_content_through_the_Web_API(string url, string privilege)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, Fill(url), _ada);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), body);
        Assert.That(body, Does.Contain(privilege).And.Not.Contain(Secret).And.Not.Contain("Board Member"));
    }

    [TestCase("{\"rapport_regardingid\":\"{ada}\"}", "rapport_regardingid")]
    [TestCase("{\"rapport_likecount\":999}", "rapport_likecount")]
    [TestCase("{\"rapport_authorname\":\"Spoofed\"}", "rapport_authorname")]
    [TestCase("{\"rapport_authorid@odata.bind\":\"/systemusers({ada})\"}", "rapport_authorid")]
    [TestCase("{\"rapport_text\":\"Ada wrote this\"}", "Only the author or a moderator")]
    public async Task Ada_cannot_move_inflate_spoof_or_rewrite_the_administrators_post(string json, string expected)
    {
        var (status, body) = await SendAsync(HttpMethod.Patch, $"rapport_posts({_post})", _ada, Fill(json));
        var stored = await _host.GetAsync($"rapport_posts({_post})?$select=rapport_regardingid,rapport_likecount,rapport_authorname,rapport_text");

        Assert.That((int)status, Is.InRange(400, 403), body);
        Assert.That(body, Does.Contain(expected));
        Assert.That((string)stored["rapport_regardingid"]!, Is.EqualTo(_hidden.ToString()));
        Assert.That((int)stored["rapport_likecount"]!, Is.Zero);
        Assert.That((string)stored["rapport_text"]!, Does.StartWith(Secret));
        Assert.That((string)stored["rapport_authorname"]!, Is.Not.EqualTo("Spoofed"));
    }

    [Test]
    public async Task Ada_cannot_edit_or_delete_the_administrators_comment()
    {
        var edit = await SendAsync(HttpMethod.Patch, $"rapport_comments({_comment})", _ada, "{\"rapport_text\":\"Ada's now\"}");
        var delete = await SendAsync(HttpMethod.Delete, $"rapport_comments({_comment})", _ada);
        var stored = await _host.GetAsync($"rapport_comments({_comment})?$select=rapport_text");

        Assert.That((int)edit.Status, Is.InRange(400, 403), edit.Body);
        Assert.That((int)delete.Status, Is.InRange(400, 403), delete.Body);
        Assert.That(edit.Body + delete.Body, Does.Contain("Only the author or a moderator"));
        Assert.That((string)stored["rapport_text"]!, Is.EqualTo("Noted"));
    }

    [Test]
    public async Task Custom_APIs_answer_Ada_nothing_about_the_unreadable_record()
    {
        var state = await SendAsync(HttpMethod.Get, $"rapport_GetFollowState(RecordTable=@t,RecordId=@id)?@t='contact'&@id='{_hidden}'", _ada);
        var feed = await SendAsync(HttpMethod.Get, $"rapport_GetFeed(Scope=@s,RecordTable=@t,RecordId=@id)?@s='record'&@t='contact'&@id='{_hidden}'", _ada);
        var mentions = await SendAsync(HttpMethod.Get, "rapport_GetFeed(Scope=@s)?@s='mentions'", _ada);
        var like = await SendAsync(HttpMethod.Post, "rapport_SetLike", _ada, $"{{\"PostId\":\"{_post}\",\"Liked\":true}}");
        var history = await SendAsync(HttpMethod.Get, $"rapport_GetPostHistory(PostId=@p)?@p='{_post}'", _ada);
        var notifications = await _host.GetAsync($"appnotifications?$select=title,body&$filter=_ownerid_value eq {_ada}");

        Assert.That((int)state.Status, Is.InRange(400, 403), state.Body);
        Assert.That(state.Body, Does.Not.Contain("IsTracked").And.Not.Contain("FollowerCount"));
        // Issue 20: the wall of a record Ada cannot open is refused as Dataverse refuses the read (403 + its code), not "no posts yet".
        AssertReadRefused(feed, _hidden);
        Assert.That(mentions.Status, Is.EqualTo(HttpStatusCode.OK), mentions.Body);
        Assert.That(feed.Body + mentions.Body, Does.Not.Contain("CONFIDENTIAL"));
        Assert.That((int)like.Status, Is.InRange(400, 403), like.Body);
        Assert.That((int)history.Status, Is.InRange(400, 403), history.Body);
        Assert.That(like.Body + history.Body, Does.Not.Contain("CONFIDENTIAL").And.Not.Contain("Board Member"));
        Assert.That(notifications.ToJsonString(), Does.Not.Contain("CONFIDENTIAL").And.Not.Contain("Board Member"));
    }

    [Test]
    public async Task Customer_insights_of_a_contact_Ada_cannot_read_are_refused_with_403_and_the_access_code()
    {
        var insights = await SendAsync(HttpMethod.Get, $"rapport_GetCustomerInsights(RecordTable=@t,RecordId=@id)?@t='contact'&@id='{_hidden}'", _ada);
        var created = await SendAsync(HttpMethod.Post, "contacts?$select=contactid", _ada, "{\"firstname\":\"Readable\",\"lastname\":\"Donor\"}");
        Assert.That((int)created.Status, Is.InRange(200, 204), created.Body);
        var own = (string)(await _host.GetAsync("contacts?$select=contactid&$filter=lastname eq 'Donor' and firstname eq 'Readable'"))["value"]![0]!["contactid"]!;
        var readable = await SendAsync(HttpMethod.Get, $"rapport_GetCustomerInsights(RecordTable=@t,RecordId=@id)?@t='contact'&@id='{own}'", _ada);

        AssertReadRefused(insights, _hidden);
        Assert.That(readable.Status, Is.EqualTo(HttpStatusCode.OK), readable.Body);
        Assert.That(readable.Body, Does.Contain("historyGranularity"));
    }

    /// <summary>
    /// Dataverse's error response for a refused read: HTTP 403 with {"error":{"code":"0x80048306","message":"… does not have
    /// ReadAccess right(s) for record with Id = …"}}, the code the platform gives a row outside the caller's reach
    /// (https://learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes), nothing of the record.
    /// </summary>
    private static void AssertReadRefused((HttpStatusCode Status, string Body) response, Guid record)
    {
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Forbidden), response.Body);
        var error = JsonNode.Parse(response.Body)!["error"]!;
        Assert.That((string)error["code"]!, Is.EqualTo("0x80048306"));
        Assert.That((string)error["message"]!, Does.Contain($"does not have ReadAccess right(s) for record with Id = {record:D}"));
        Assert.That(response.Body, Does.Not.Contain("Board Member").And.Not.Contain("CONFIDENTIAL"));
    }

    [Test]
    public async Task The_form_host_shows_no_access_without_the_name_or_the_composer()
    {
        using var browser = new HttpClient();
        using var response = await browser.GetAsync(new Uri(_host.Host.BaseUrl, $"main.aspx?etn=contact&id={_hidden}&user={_ada}&token={HostFixture.Token}"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(html, Does.Contain("You don't have access to this record"));
        Assert.That(html, Does.Not.Contain("Board Member").And.Not.Contain("feed.html").And.Not.Contain("insights.html"));
    }

    /// <summary>A 40 MB announcement is answered 413 before the body is read (raw socket: the client sends only the headers).</summary>
    [Test]
    public async Task An_oversized_body_gets_413_not_500()
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync("127.0.0.1", _host.Host.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/data/v9.2/contacts HTTP/1.1\r\nHost: 127.0.0.1:{_host.Host.Port}\r\nAuthorization: Bearer {HostFixture.Token}\r\n"
            + "Content-Type: application/json\r\nContent-Length: 40000000\r\n\r\n{\"lastname\":\"";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer);
        var response = Encoding.UTF8.GetString(buffer, 0, read);

        Assert.That(response, Does.StartWith("HTTP/1.1 413"), response);
    }

    [TestCase("http://evil.example", "application/json", 403)]
    [TestCase("http://evil.example", "text/plain", 403)]
    [TestCase(null, "application/json", 403)]
    [TestCase("self", "text/plain", 403)]
    [TestCase("self", "application/json", 204)]
    public async Task Cookie_writes_need_this_origin_and_json(string? origin, string type, int expected)
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        using (var codes = await _host.Client.PostAsync(new Uri(_host.Host.BaseUrl, "rapport/signin-codes"), null))
        {
            using var redeem = await browser.GetAsync((string)JsonNode.Parse(await codes.Content.ReadAsStringAsync())!["url"]!);
            Assert.That(redeem.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_host.Host.BaseUrl, "api/data/v9.2/contacts"))
        {
            Content = new StringContent("{\"lastname\":\"Via cookie\"}", Encoding.UTF8, type),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin == "self" ? _host.Host.BaseUrl.GetLeftPart(UriPartial.Authority) : origin);
        }

        using var response = await browser.SendAsync(request);
        Assert.That((int)response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
    }

    private string Fill(string text) => text.Replace("{hidden}", _hidden.ToString()).Replace("{post}", _post.ToString()).Replace("{ada}", _ada.ToString());

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string url, Guid caller, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("MSCRMCallerID", caller.ToString());
        using var response = await _host.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private sealed class Dictionary : System.Collections.Generic.Dictionary<string, object>
    {
    }
}
