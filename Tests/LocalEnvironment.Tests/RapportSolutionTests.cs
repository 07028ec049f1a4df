using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>Rapport's own packed zip, imported over the Web API, then used the way its web resources use it.</summary>
public sealed class RapportSolutionTests
{
    private HostFixture _host = null!;

    [SetUp]
    public async Task Start()
    {
        _host = await HostFixture.StartAsync();
        using var response = await _host.Client.PostAsync("ImportSolution", HostFixture.Json(new
        {
            CustomizationFile = Convert.ToBase64String(PackedZips.Rapport("1.0.0.0")),
            OverwriteUnmanagedCustomizations = true,
            PublishWorkflows = true,
            ImportJobId = Guid.NewGuid(),
        }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    [TearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [Test]
    public async Task Follow_action_and_GetFollowState_function_run_the_plugins_from_the_zip()
    {
        var contact = await _host.CreateAsync("contacts", new { lastname = "Followed" });

        using var follow = await _host.Client.PostAsync("rapport_Follow", HostFixture.Json(new { RecordTable = "contact", RecordId = contact.ToString() }));
        var followed = JsonNode.Parse(await follow.Content.ReadAsStringAsync())!;
        var state = await _host.GetAsync($"rapport_GetFollowState(RecordTable=@t,RecordId=@id)?@t='contact'&@id='{contact}'");

        Assert.Multiple(() =>
        {
            Assert.That(follow.StatusCode, Is.EqualTo(HttpStatusCode.OK), followed.ToJsonString());
            Assert.That((bool?)followed["AlreadyFollowing"], Is.False);
            Assert.That((bool?)state["IsFollowing"], Is.True);
            Assert.That((int?)state["FollowerCount"], Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Feed_web_resource_is_served_and_hosted_on_the_contact_form()
    {
        var contact = await _host.CreateAsync("contacts", new { lastname = "Form" });
        using var client = new HttpClient();

        var page = await client.GetStringAsync(new Uri(_host.Host.BaseUrl, $"main.aspx?etn=contact&id={contact}&token={HostFixture.Token}"));
        using var feed = await client.GetAsync(new Uri(_host.Host.BaseUrl, "WebResources/rapport_/feed/feed.html"));

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("src=\"/WebResources/rapport_/feed/feed.html?typename=contact"));
            Assert.That(feed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(feed.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        });
    }
}
