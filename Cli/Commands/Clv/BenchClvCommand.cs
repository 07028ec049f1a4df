using System;
using System.CommandLine;
using System.Globalization;
using Rapport.Domain.Clv;

namespace Rapport.Cli.Commands.Clv;

/// <summary>`rapport bench clv`: CLV fit times, memory and scoring throughput as JSON.</summary>
public static class BenchClvCommand
{
    public static Command Create()
    {
        var command = new Command("clv", "Benchmark CLV fits (CDNOW, donations, synthetic 100k and 1M customers) and scoring throughput.");
        var repeat = new Option<int>("--repeat") { Description = "Repeats per figure; the minimum is reported.", DefaultValueFactory = _ => 3 };
        var sizes = new Option<string>("--sizes") { Description = "Comma-separated synthetic customer counts.", DefaultValueFactory = _ => "100000,1000000" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder with the CLV datasets (default <repo>/data/clv)." };
        var json = new Option<bool>("--json") { Description = "Print JSON (the only output format)." };
        command.Options.Add(repeat);
        command.Options.Add(sizes);
        command.Options.Add(dataDir);
        command.Options.Add(json);
        command.SetAction(parseResult => ClvAction.Run(parseResult, output =>
        {
            var counts = new System.Collections.Generic.List<int>();
            foreach (var part in parseResult.GetValue(sizes)!.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(part.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n <= 0)
                {
                    throw new ClvInputException($"--sizes: '{part}' is not a positive whole number.", "sizes");
                }

                counts.Add(n);
            }

            var result = ClvBenchmark.Run(parseResult.GetValue(dataDir) ?? ClvDataDirectory.Find(), Math.Max(1, parseResult.GetValue(repeat)), counts);
            ClvJson.Write(output, result);
            return 0;
        }));
        return command;
    }
}
