using System;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Rapport.LocalEnvironment.Tests;

public sealed class CustomApiTests
{
    private HostFixture _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await HostFixture.StartAsync(env =>
    {
        env.RegisterCustomApi(EchoPlugin.Echo, typeof(EchoPlugin).Assembly);
        env.RegisterCustomApi(EchoPlugin.Add, typeof(EchoPlugin).Assembly);
    });

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [Test]
    public async Task Action_is_POST_with_json_body_and_returns_response_properties()
    {
        using var response = await _host.Client.PostAsync("rapport_Echo", HostFixture.Json(new { Text = "hi", Times = 3 }));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)body["Echoed"], Is.EqualTo("hihihi"));
            Assert.That((string?)body["@odata.context"], Does.EndWith("#Microsoft.Dynamics.CRM.rapport_EchoResponse"));
        });
    }

    [TestCase("rapport_Add(A=2,B=40,Label='it''s')")]
    [TestCase("rapport_Add(A=@a,B=@b,Label=@l)?@a=2&@b=40&@l='it''s'")]
    public async Task Function_is_GET_with_inline_or_aliased_parameters(string url)
    {
        var body = await _host.GetAsync(url);

        Assert.Multiple(() =>
        {
            Assert.That((int?)body["Sum"], Is.EqualTo(42));
            Assert.That((string?)body["Echoed"], Is.EqualTo("it's"));
        });
    }

    [Test]
    public async Task Plugin_exception_is_400_with_its_message_and_code()
    {
        using var response = await _host.Client.PostAsync("rapport_Echo", HostFixture.Json(new { Text = "fail" }));
        var error = await HostFixture.ErrorOf(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)error["code"], Is.EqualTo("0x80040265"));
            Assert.That((string?)error["message"], Does.Contain("Echo refuses"));
        });
    }

    [Test]
    public async Task Missing_required_parameter_is_400()
    {
        using var response = await _host.Client.PostAsync("rapport_Echo", HostFixture.Json(new { Times = 1 }));
        var error = await HostFixture.ErrorOf(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)error["code"], Is.EqualTo("0x80040203"));
            Assert.That((string?)error["message"], Does.Contain("Text"));
        });
    }
}
