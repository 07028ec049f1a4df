using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace Rapport.LocalEnvironment.Tests;

public sealed class WhoAmIAndAuthTests
{
    private HostFixture _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await HostFixture.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [TestCase("WhoAmI")]
    [TestCase("WhoAmI()")]
    public async Task WhoAmI_returns_the_caller_its_unit_and_the_organization(string path)
    {
        var body = await _host.GetAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That((string?)body["@odata.context"], Does.EndWith("$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse"));
            Assert.That(Guid.Parse((string)body["UserId"]!), Is.EqualTo(_host.Host.AdministratorId), "the token's user, not SYSTEM");
            Assert.That(Guid.Parse((string)body["BusinessUnitId"]!), Is.EqualTo(_host.Host.Environment.RootBusinessUnitId));
            Assert.That(Guid.Parse((string)body["OrganizationId"]!), Is.EqualTo(_host.Host.Environment.OrganizationId));
        });
    }

    [TestCase(null)]
    [TestCase("wrong-token")]
    public async Task Missing_or_wrong_token_is_401_with_Dataverse_error_shape(string? token)
    {
        using var client = new HttpClient { BaseAddress = _host.Client.BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.GetAsync("WhoAmI");
        var error = await HostFixture.ErrorOf(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((string?)error["code"], Is.EqualTo("0x80072560"));
            Assert.That((string?)error["message"], Is.Not.Empty);
        });
    }

    [Test]
    public void Host_listens_on_loopback_only() =>
        Assert.That(_host.Host.BaseUrl.Host, Is.EqualTo("127.0.0.1"));

    [Test]
    public async Task Unknown_segment_is_404_with_error_body()
    {
        using var response = await _host.Client.GetAsync("nosuchthings");
        var error = await HostFixture.ErrorOf(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string?)error["code"], Does.StartWith("0x8006"));
            Assert.That((string?)error["message"], Does.Contain("nosuchthings"));
        });
    }
}
