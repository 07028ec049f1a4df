using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>`rapport local` as a child process: one Listening line with the real port, the token, a clean SIGTERM stop.</summary>
public sealed class CliProcessTests
{
    private string _data = null!;

    [SetUp]
    public void CreateDataFolder() => _data = Directory.CreateTempSubdirectory("rapport-local-cli-").FullName;

    [TearDown]
    public void DeleteDataFolder() => Directory.Delete(_data, recursive: true);

    [Test]
    public async Task Local_prints_token_and_listening_line_serves_and_stops_on_SIGTERM()
    {
        var lines = new List<string>();
        using var local = await LocalProcess.StartAsync(null, _data, lines);

        using (var anonymous = await new HttpClient().GetAsync(new Uri(local.Client.BaseAddress!, "WhoAmI")))
        {
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        using (var whoAmI = await local.Client.GetAsync("WhoAmI()"))
        {
            Assert.That(whoAmI.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That(Native.Kill(local.Process.Id, Native.SigTerm), Is.EqualTo(0));
        var exited = local.Process.WaitForExit(15_000);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(2));
            Assert.That(lines[0], Does.Match("^Token: [0-9a-f]{48}$"));
            Assert.That(lines[1], Does.Match(@"^Listening on http://127\.0\.0\.1:\d+$"));
            Assert.That(exited, Is.True, "stops within 15 s of SIGTERM");
            Assert.That(local.Process.ExitCode, Is.EqualTo(0));
        });
    }

    [Test]
    public async Task Given_token_is_not_printed_and_is_required()
    {
        var lines = new List<string>();
        using var local = await LocalProcess.StartAsync("given", _data, lines);

        using var whoAmI = await local.Client.GetAsync("WhoAmI");

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(1));
            Assert.That(whoAmI.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }
}
