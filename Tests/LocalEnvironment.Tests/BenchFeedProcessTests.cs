using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>
/// `rapport bench feed` in its own process, which runs with invariant globalization (Cli/Rapport.Cli.csproj): the
/// auto-post's labels and formats must not need culture data, and an auto-post costs 2 requests (metadata + post).
/// </summary>
public sealed class BenchFeedProcessTests
{
    [Test]
    public async Task Bench_feed_counts_two_requests_per_auto_post_in_the_invariant_globalization_tool()
    {
        if (!File.Exists(TestPaths.Cli))
        {
            Assert.Ignore($"The CLI is not built ({TestPaths.Cli}).");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { TestPaths.Cli, "bench", "feed", "--json", "--sizes", "1,10", "--max-posts", "200" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.That(process.ExitCode, Is.Zero, error + output);
        Assert.That(JsonDocument.Parse(output).RootElement.GetProperty("requestsPerAutoPost").GetInt32(), Is.EqualTo(2), output);
    }
}
