using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;

namespace Rapport.LocalEnvironment.Tests;

public sealed class QueryTests
{
    private HostFixture _host = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = await HostFixture.StartAsync();
        await _host.CreateAsync("contacts", new { firstname = "Ann", lastname = "Abbot", creditlimit = 100m, gendercode = 2, address1_city = "Leeds" });
        await _host.CreateAsync("contacts", new { firstname = "Bob", lastname = "Baker", creditlimit = 200m, gendercode = 1, address1_city = "York" });
        await _host.CreateAsync("contacts", new { firstname = "Cy", lastname = "O'Brien", creditlimit = 300m, gendercode = 1 });
        await _host.CreateAsync("contacts", new { firstname = "Di", lastname = "Dunn", creditlimit = 400m, gendercode = 2, address1_city = "Leeds" });
        await _host.CreateAsync("contacts", new { firstname = "Ed", lastname = "Evans", creditlimit = 500m, address1_city = "Hull" });
    }

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [TestCase("creditlimit gt 250", "Dunn,Evans,O'Brien")]
    [TestCase("creditlimit ge 200 and creditlimit le 300", "Baker,O'Brien")]
    [TestCase("address1_city eq 'Leeds' or lastname eq 'Baker'", "Abbot,Baker,Dunn")]
    [TestCase("not (address1_city eq 'Leeds') and address1_city ne null", "Baker,Evans")]
    [TestCase("address1_city eq null", "O'Brien")]
    [TestCase("lastname eq 'O''Brien'", "O'Brien")]
    [TestCase("contains(lastname,'unn')", "Dunn")]
    [TestCase("startswith(lastname,'Ab') or endswith(lastname,'ans')", "Abbot,Evans")]
    [TestCase("not contains(lastname,'a') and gendercode eq 2", "Dunn")]
    [TestCase("(gendercode eq 1 or gendercode eq 2) and creditlimit lt 300", "Abbot,Baker")]
    [TestCase("createdon ge 2020-01-01T00:00:00Z and statecode eq 0", "Abbot,Baker,Dunn,Evans,O'Brien")]
    public async Task Filter_selects_the_matching_rows(string filter, string expected)
    {
        var body = await _host.GetAsync($"contacts?$select=lastname&$filter={Uri.EscapeDataString(filter)}&$orderby=lastname");

        Assert.That(string.Join(",", body["value"]!.AsArray().Select(v => (string?)v!["lastname"])), Is.EqualTo(expected));
    }

    [Test]
    public async Task Orderby_desc_and_top_limit_and_sort()
    {
        var body = await _host.GetAsync("contacts?$select=lastname&$orderby=creditlimit desc&$top=2");

        Assert.That(body["value"]!.AsArray().Select(v => (string?)v!["lastname"]), Is.EqualTo(new[] { "Evans", "Dunn" }));
    }

    [Test]
    public async Task Paging_follows_nextLink_until_every_row_is_read_once()
    {
        var seen = new List<string>();
        string? url = "contacts?$select=lastname&$orderby=lastname";
        for (var pages = 0; url is not null && pages < 10; pages++)
        {
            var body = await _host.GetAsync(url, "odata.maxpagesize=2");
            Assert.That(body["value"]!.AsArray(), Has.Count.LessThanOrEqualTo(2));
            seen.AddRange(body["value"]!.AsArray().Select(v => (string)v!["lastname"]!));
            url = (string?)body["@odata.nextLink"];
            Assert.That(url is null || url.Contains("$skiptoken=", StringComparison.Ordinal), Is.True);
        }

        Assert.That(seen, Is.EqualTo(new[] { "Abbot", "Baker", "Dunn", "Evans", "O'Brien" }));
    }

    [TestCase("lastname eq 'x' and")]
    [TestCase("lastname eq")]
    [TestCase("nosuch eq 1")]
    [TestCase("lastname eq 'unterminated")]
    public async Task Bad_filter_is_400_with_error_body(string filter)
    {
        using var response = await _host.Client.GetAsync($"contacts?$filter={Uri.EscapeDataString(filter)}");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var error = await HostFixture.ErrorOf(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)error["message"], Is.Not.Empty);
        });
    }
}
