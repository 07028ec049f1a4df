using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Models;

namespace Rapport.Cli.Commands.Clv;

/// <summary>What `clv fit --json` prints, and what `clv predict --model-file` reads back.</summary>
public sealed record FitOutput(
    string Model,
    Dictionary<string, double> Parameters,
    Dictionary<string, double>? StandardErrors,
    double LogLikelihood,
    double Customers,
    int Iterations,
    bool Converged,
    string Method,
    double Penalizer,
    double ElapsedMs)
{
    /// <summary>Usable, Usable with warnings or Unusable (<see cref="FitDiagnostics"/>).</summary>
    public string? Verdict { get; init; }

    /// <summary>Why, in words; empty when usable.</summary>
    public IReadOnlyList<string>? Reasons { get; init; }

    public bool? StandardErrorsFinite { get; init; }

    /// <summary>Parameters beyond 1e6 or below 1e-6 (a bound of the log-scale search).</summary>
    public IReadOnlyList<string>? AtBound { get; init; }

    /// <summary>Parameters beyond 1e4 or below 1e-4.</summary>
    public IReadOnlyList<string>? NearBound { get; init; }

    /// <summary>Customers with a repeat purchase.</summary>
    public double? RepeatCustomers { get; init; }

    public FitOutput WithDiagnostics(FitDiagnostics d) => this with
    {
        Verdict = d.VerdictLabel,
        Reasons = d.Reasons,
        StandardErrorsFinite = d.StandardErrorsFinite,
        AtBound = d.Parameters.Where(p => p.AtBound).Select(p => p.Name).ToList(),
        NearBound = d.Parameters.Where(p => p.NearBound).Select(p => p.Name).ToList(),
        RepeatCustomers = d.RepeatCustomers,
    };

    public static FitOutput From(FitResult fit, double penalizer, double elapsedMs)
    {
        var parameters = new Dictionary<string, double>();
        Dictionary<string, double>? errors = fit.StandardErrors == null ? null : new Dictionary<string, double>();
        for (var i = 0; i < fit.Names.Count; i++)
        {
            parameters[fit.Names[i]] = fit.Values[i];
            if (errors != null)
            {
                errors[fit.Names[i]] = fit.StandardErrors![i];
            }
        }

        return new FitOutput(fit.Model, parameters, errors, fit.LogLikelihood, fit.Customers, fit.Iterations, fit.Converged, fit.Method, penalizer, elapsedMs);
    }
}

/// <summary>`rapport clv fit`: maximum-likelihood fit of one model to a summary or transaction log.</summary>
public static class ClvFitCommand
{
    public static Command Create()
    {
        var command = new Command("fit", "Fit a CLV model by maximum likelihood and print its parameters and log-likelihood.");
        var model = new Option<string>("--model") { Description = "bgnbd | mbgnbd | paretonbd | gammagamma | bgbb", Required = true };
        var repeat = new Option<int>("--repeat") { Description = "Fit N times; elapsedMs is the minimum.", DefaultValueFactory = _ => 1 };
        var penalizer = new Option<double>("--penalizer") { Description = "L2 penalty on the parameters (0 = plain maximum likelihood)." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var inputs = new ClvInputOptions();
        command.Options.Add(model);
        inputs.AddTo(command);
        command.Options.Add(repeat);
        command.Options.Add(penalizer);
        command.Options.Add(json);
        command.SetAction(parseResult => ClvAction.Run(parseResult, output =>
        {
            var customers = inputs.LoadColumns(parseResult);
            // The command line asks for standard errors and may use every core; the plugins do neither.
            var options = new FitOptions(parseResult.GetValue(penalizer), StandardErrors: true, Parallel: true);
            var runs = Math.Max(1, parseResult.GetValue(repeat));
            FitResult? fit = null;
            var best = double.PositiveInfinity;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                fit = ModelCatalog.Fit(parseResult.GetValue(model)!, customers, options);
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }

            var result = FitOutput.From(fit!, options.Penalizer, Math.Round(best, 3)).WithDiagnostics(FitDiagnostics.Assess(fit!, customers));
            if (parseResult.GetValue(json))
            {
                ClvJson.Write(output, result);
            }
            else
            {
                WriteText(output, result);
            }

            return result.Converged ? 0 : 1;
        }));
        return command;
    }

    private static void WriteText(TextWriter output, FitOutput result)
    {
        output.WriteLine($"{result.Model}: {result.Customers.ToString(CultureInfo.InvariantCulture)} customers, {result.Iterations} iterations, converged={result.Converged}, {result.ElapsedMs.ToString("0.###", CultureInfo.InvariantCulture)} ms");
        foreach (var p in result.Parameters)
        {
            var se = result.StandardErrors != null ? $" (se {result.StandardErrors[p.Key].ToString("G4", CultureInfo.InvariantCulture)})" : string.Empty;
            output.WriteLine($"  {p.Key} = {p.Value.ToString("G6", CultureInfo.InvariantCulture)}{se}");
        }

        output.WriteLine($"  log-likelihood = {result.LogLikelihood.ToString("F3", CultureInfo.InvariantCulture)}");
        output.WriteLine($"verdict: {result.Verdict}");
        foreach (var reason in result.Reasons ?? Array.Empty<string>())
        {
            output.WriteLine($"  - {reason}");
        }
    }
}
