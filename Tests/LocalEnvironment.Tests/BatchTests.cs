using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>
/// $batch as learn.microsoft.com/power-apps/developer/data-platform/webapi/execute-batch-operations-using-web-api
/// documents it (and as Xrm.WebApi.online.executeMultiple sends it): multipart/mixed parts of application/http,
/// change sets answered in a nested changesetresponse, atomic; a failing change set is answered by its one error and
/// leaves nothing written.
/// </summary>
public sealed class BatchTests
{
    private ODataFixture _data = null!;

    [SetUp]
    public async Task Start() => _data = await ODataFixture.StartAsync();

    [TearDown]
    public async Task Stop() => await _data.Host.DisposeAsync();

    [Test]
    public async Task A_batch_runs_a_GET_and_a_change_set_whose_second_request_binds_the_first()
    {
        var body = Batch(
            Get("accounts?$select=name&$filter=name eq 'Alpha'"),
            ChangeSet(
                Post(1, "accounts", "{\"name\":\"Zeta\"}"),
                Post(2, "contacts", "{\"lastname\":\"Zed\",\"parentcustomerid_account@odata.bind\":\"$1\"}")));

        var (status, contentType, text) = await SendAsync(body);
        var statusLines = Regex.Matches(text, @"^HTTP/1\.1 (\d{3})", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();
        var zeta = await _data.ValuesAsync("accounts?$select=name&$filter=name eq 'Zeta'&$expand=contact_customer_accounts($select=lastname)");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(contentType, Does.StartWith("multipart/mixed; boundary=batchresponse_"));
            Assert.That(statusLines, Is.EqualTo(new[] { "200", "204", "204" }));
            Assert.That(text, Does.Contain("Content-Type: multipart/mixed; boundary=changesetresponse_"));
            Assert.That(text, Does.Contain("\"name\":\"Alpha\""));
            Assert.That(Regex.Matches(text, "^Content-ID: [12]\r$", RegexOptions.Multiline), Has.Count.EqualTo(2));
            Assert.That(zeta.Single()!["contact_customer_accounts"]!.AsArray().Select(c => (string?)c!["lastname"]), Is.EqualTo(new[] { "Zed" }));
        });
    }

    [Test]
    public async Task A_failing_change_set_is_one_error_and_writes_nothing()
    {
        var accounts = _data.Host.Host.Environment.Store.Count("account");
        var contacts = _data.Host.Host.Environment.Store.Count("contact");
        var body = Batch(ChangeSet(
            Post(1, "accounts", "{\"name\":\"Eta\"}"),
            Post(2, "contacts", "{\"lastname\":\"Bad\",\"nosuchcolumn\":1}")));

        var (status, _, text) = await SendAsync(body);
        var statusLines = Regex.Matches(text, @"^HTTP/1\.1 (\d{3})", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(statusLines, Is.EqualTo(new[] { "400" }));
            Assert.That(text, Does.Contain("\"error\":{\"code\":\"0x"));
            Assert.That(_data.Host.Host.Environment.Store.Count("account"), Is.EqualTo(accounts), "the first request of the set is rolled back");
            Assert.That(_data.Host.Host.Environment.Store.Count("contact"), Is.EqualTo(contacts));
        });
    }

    [Test]
    public async Task Without_continue_on_error_the_batch_stops_at_the_first_failure()
    {
        var body = Batch(Get("nosuchset"), Get("accounts?$select=name"));

        var (_, _, text) = await SendAsync(body);
        var statusLines = Regex.Matches(text, @"^HTTP/1\.1 (\d{3})", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();

        Assert.That(statusLines, Is.EqualTo(new[] { "404" }));
    }

    private async Task<(HttpStatusCode Status, string ContentType, string Text)> SendAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/mixed; boundary=batch_AAA123");
        using var response = await _data.Host.Client.PostAsync("$batch", content);
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "", await response.Content.ReadAsStringAsync());
    }

    private static string Batch(params string[] parts) =>
        string.Concat(parts.Select(p => "--batch_AAA123\r\n" + p)) + "--batch_AAA123--\r\n";

    private static string Get(string url) =>
        "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        $"GET {url} HTTP/1.1\r\nAccept: application/json\r\n\r\n";

    private static string ChangeSet(params string[] requests) =>
        "Content-Type: multipart/mixed; boundary=changeset_BBB456\r\n\r\n" +
        string.Concat(requests.Select(r => "--changeset_BBB456\r\n" + r)) + "--changeset_BBB456--\r\n";

    private static string Post(int contentId, string url, string json) =>
        $"Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: {contentId}\r\n\r\n" +
        $"POST {url} HTTP/1.1\r\nContent-Type: application/json; type=entry\r\n\r\n{json}\r\n";
}
