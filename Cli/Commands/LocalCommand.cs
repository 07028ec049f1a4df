using System;
using System.CommandLine;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Rapport.Emulator;
using Rapport.LocalEnvironment;
using Rapport.Solution.Declarations;

namespace Rapport.Cli.Commands;

/// <summary>
/// `rapport local`: the emulator served over HTTP as Dataverse's Web API on 127.0.0.1. Prints one
/// "Listening on http://127.0.0.1:N" line once requests are accepted; Ctrl+C or SIGTERM stops it.
/// </summary>
internal static class LocalCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one; default 5555).", DefaultValueFactory = _ => 5555 };
        var token = new Option<string?>("--token") { Description = "Bearer token clients must send (default: a random one, printed at start)." };
        var data = new Option<string?>("--data") { Description = "Folder for the environment's data (default: .local-data at the repository root)." };
        var sample = new Option<string?>("--sample") { Description = "Load sample data: nonprofit or sales." };
        sample.AcceptOnlyFromAmong("nonprofit", "sales");
        var throttle = new Option<int>("--throttle") { Description = "Simulate service protection limits: answer every Nth Web API request with 429 and Retry-After (default 0: off)." };
        var retryAfter = new Option<int>("--throttle-retry-after") { Description = "Seconds sent in Retry-After with a simulated 429 (default 1).", DefaultValueFactory = _ => 1 };
        // Behaviours of a real organisation, for Deploy.ps1's tests (Tests/Deploy).
        var jobDelay = new Option<double>("--import-delay") { Description = "Test behaviour: seconds before an async import's importjob row exists (404 until then)." };
        var transient = new Option<int>("--transient-failures") { Description = "Test behaviour: answer every Nth Web API GET with 503, then 502 (default 0: off)." };
        var duration = new Option<double>("--import-duration") { Description = "Test behaviour: seconds an async import stays In Progress before it runs (a long one is a stuck import)." };
        var tokenLifetime = new Option<double>("--token-lifetime") { Description = "Seconds a token from POST /rapport/token works before 401 invalid_token (default 3600)." };
        var command = new Command("local", "Run the local environment: the emulator served as Dataverse's Web API on 127.0.0.1.");
        command.Options.Add(port);
        command.Options.Add(token);
        command.Options.Add(data);
        command.Options.Add(sample);
        command.Options.Add(throttle);
        command.Options.Add(retryAfter);
        command.Options.Add(jobDelay);
        command.Options.Add(transient);
        command.Options.Add(duration);
        command.Options.Add(tokenLifetime);
        command.SetAction((parse, ct) => RunAsync(
            new LocalOptions { Port = parse.GetValue(port), Token = parse.GetValue(token), DataDirectory = Path.GetFullPath(parse.GetValue(data) ?? DefaultDataDirectory()), Sample = parse.GetValue(sample), Throttle = parse.GetValue(throttle), ThrottleRetryAfter = parse.GetValue(retryAfter),
                ImportJobDelay = TimeSpan.FromSeconds(parse.GetValue(jobDelay)), TransientFailures = parse.GetValue(transient), ImportDuration = TimeSpan.FromSeconds(parse.GetValue(duration)),
                TokenLifetime = TimeSpan.FromSeconds(parse.GetValue(tokenLifetime)), ControlsDirectory = LocalOptions.RepositoryControlsDirectory() },
            ct));
        return command;
    }

    private static async Task<int> RunAsync(LocalOptions options, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        var env = new DataverseEmulator(RapportSolution.Build(Version()), DateTime.UtcNow);
        await using var host = await LocalHost.StartAsync(env, options, stop.Token).ConfigureAwait(false);
        if (options.Token is null)
        {
            Console.WriteLine($"Token: {host.Token}");
        }

        Console.WriteLine($"Listening on http://127.0.0.1:{host.Port}");
        Console.Out.Flush();
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: fall through to the orderly stop of the host.
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // System.CommandLine saw the same signal first and the command has already returned.
            }
        }
    }

    /// <summary>The solution version: the repository's VERSION file when run from the tree, else the tool's own version.</summary>
    private static string Version() =>
        RepoRoot() is { } root ? File.ReadAllText(Path.Combine(root, "VERSION")).Trim() : typeof(LocalCommand).Assembly.GetName().Version?.ToString() ?? "1.0.0.0";

    /// <summary>.local-data/ at the repository root (it ignores itself in git), else in the current folder.</summary>
    private static string DefaultDataDirectory() => Path.Combine(RepoRoot() ?? Directory.GetCurrentDirectory(), ".local-data");

    private static string? RepoRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "VERSION")) && Directory.Exists(Path.Combine(folder.FullName, "Solution")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
