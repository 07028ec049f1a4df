using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using Rapport.Domain.Clv;

namespace Rapport.Cli.Commands.Clv;

/// <summary>`rapport bench clv`: CLV fit times, memory and scoring throughput as JSON.</summary>
public static class BenchClvCommand
{
    public static Command Create()
    {
        var command = new Command("clv", "Benchmark CLV fits (CDNOW, donations, synthetic bases) and scoring throughput, or the fits of one summary file.");
        var repeat = new Option<int>("--repeat") { Description = "Repeats per figure; the minimum is reported.", DefaultValueFactory = _ => 3 };
        var sizes = new Option<string>("--sizes") { Description = "Comma-separated synthetic customer counts for BG/NBD.", DefaultValueFactory = _ => "100000,1000000" };
        var paretoSizes = new Option<string>("--pareto-sizes") { Description = "Comma-separated synthetic customer counts for Pareto/NBD ('' for none).", DefaultValueFactory = _ => "100000" };
        var input = new Option<string?>("--input") { Description = "Time the fits of this summary CSV instead of the built-in sets." };
        var models = new Option<string>("--models") { Description = "Models to fit on --input (comma-separated).", DefaultValueFactory = _ => "bgnbd,mbgnbd,paretonbd" };
        var sequential = new Option<bool>("--sequential") { Description = "Evaluate the likelihoods on one core (default: all cores; the fitted parameters are identical)." };
        var saveSynthetic = new Option<string?>("--save-synthetic") { Description = "Also write each synthetic base to DIR/synthetic-N.csv (to time it again with --input)." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder with the CLV datasets (default <repo>/data/clv)." };
        var json = new Option<bool>("--json") { Description = "Print JSON (the only output format)." };
        foreach (var option in new Option[] { repeat, sizes, paretoSizes, input, models, sequential, saveSynthetic, dataDir, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult => ClvAction.Run(parseResult, output =>
        {
            var inputFile = parseResult.GetValue(input);
            var plan = new BenchPlan(
                Math.Max(1, parseResult.GetValue(repeat)),
                !parseResult.GetValue(sequential),
                Counts(parseResult.GetValue(sizes)!, "--sizes"),
                Counts(parseResult.GetValue(paretoSizes)!, "--pareto-sizes"),
                inputFile,
                parseResult.GetValue(models)!.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries),
                parseResult.GetValue(saveSynthetic));
            var result = ClvBenchmark.Run(inputFile != null ? string.Empty : parseResult.GetValue(dataDir) ?? ClvDataDirectory.Find(), plan);
            ClvJson.Write(output, result);
            return 0;
        }));
        return command;
    }

    private static List<int> Counts(string text, string option)
    {
        var counts = new List<int>();
        foreach (var part in text.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n <= 0)
            {
                throw new ClvInputException($"{option}: '{part}' is not a positive whole number.", option.TrimStart('-'));
            }

            counts.Add(n);
        }

        return counts;
    }
}
