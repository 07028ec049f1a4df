using System.CommandLine;
using System.Linq;
using System.Text.Json;
using Rapport.Emulator.Benchmarks;

namespace Rapport.Cli.Commands.Emulator;

/// <summary>`rapport bench emulator --json`: Retrieve, filtered RetrieveMultiple on 100,000 rows, a three-step pipeline,
/// and RetrieveMultiple as a Local-depth user vs SYSTEM.</summary>
internal static class BenchEmulatorCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var command = new Command("emulator", "Emulator figures: request latency and security trimming cost.");
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var figures = EmulatorBench.Run();
            var security = SecurityBench.Run();
            var result = new
            {
                operations = figures.Select(f => new { name = f.Name, microsecondsPerOp = f.MicrosecondsPerOp, opsPerSecond = f.OpsPerSecond }),
                security = security.ToString(),
            };
            System.Console.WriteLine(parse.GetValue(json)
                ? JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true })
                : string.Join(System.Environment.NewLine, figures.Select(f => $"{f.Name}: {f.MicrosecondsPerOp:F1} µs/op").Append(security.ToString())));
            return 0;
        });
        return command;
    }
}
