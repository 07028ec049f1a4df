using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>`dotnet rapport.dll local --port 0 ...` as a child process, with the port read from its Listening line.</summary>
internal sealed class LocalProcess : IDisposable
{
    private LocalProcess(Process process, string? token, int port)
    {
        Process = process;
        Token = token;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/api/data/v9.2/") };
        if (token is not null)
        {
            Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public Process Process { get; }

    public string? Token { get; }

    public int Port { get; }

    public HttpClient Client { get; }

    /// <summary>Starts the CLI; with no token given, reads the generated one from the "Token: ..." line.</summary>
    public static async Task<LocalProcess> StartAsync(string? token, string dataDirectory, List<string>? outputLines = null)
    {
        if (!File.Exists(TestPaths.Cli))
        {
            Assert.Ignore($"The CLI is not built ({TestPaths.Cli}).");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var arguments = new List<string> { TestPaths.Cli, "local", "--port", "0", "--data", dataDirectory };
        if (token is not null)
        {
            arguments.AddRange(["--token", token]);
        }

        arguments.ForEach(start.ArgumentList.Add);
        var process = Process.Start(start)!;
        try
        {
            string? line;
            while ((line = await ReadLineAsync(process)) is not null)
            {
                outputLines?.Add(line);
                if (line.StartsWith("Token: ", StringComparison.Ordinal))
                {
                    token = line["Token: ".Length..];
                }

                var match = Regex.Match(line, @"^Listening on http://127\.0\.0\.1:(\d+)$");
                if (match.Success)
                {
                    return new LocalProcess(process, token, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            Assert.Fail("The CLI exited without a Listening line: " + await process.StandardError.ReadToEndAsync());
            return null!;
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!Process.HasExited)
        {
            Process.Kill();
            Process.WaitForExit(10_000);
        }

        Process.Dispose();
    }

    private static async Task<string?> ReadLineAsync(Process process)
    {
        var line = process.StandardOutput.ReadLineAsync();
        var done = await Task.WhenAny(line, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.That(done, Is.SameAs(line), "the CLI printed nothing within 60 s");
        return await line;
    }
}
