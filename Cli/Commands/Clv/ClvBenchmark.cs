using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Models;
using Rapport.Domain.Clv.Simulation;

namespace Rapport.Cli.Commands.Clv;

/// <summary>One timed fit: the minimum over repeats, with what was fitted.</summary>
public sealed record FitFigure(string Model, string Dataset, double Customers, int Patterns, double FitMs, int Iterations, bool Converged, double LogLikelihood, Dictionary<string, double> Parameters, long AllocatedBytes);

/// <summary>Per-customer scoring speed on one core.</summary>
public sealed record ScoringFigure(string What, int Customers, double ElapsedMs, double CustomersPerSecond);

public sealed record BenchOutput(
    string Runtime,
    int ProcessorCount,
    int Repeats,
    IReadOnlyList<FitFigure> Fits,
    IReadOnlyList<ScoringFigure> Scoring,
    double SyntheticGenerateMsLargest,
    long PeakWorkingSetBytes);

/// <summary>
/// The CLV figures: fits on the golden data, BG/NBD on synthetic bases drawn from the published CDNOW parameters,
/// and scoring throughput. Times are Stopwatch minima over repeats, fit only (data already loaded); memory is the
/// process peak working set at the end and the bytes allocated by one fit.
/// </summary>
public static class ClvBenchmark
{
    private static readonly BgNbdModel Published = new(0.243, 4.414, 0.793, 2.426);

    public static BenchOutput Run(string dataDirectory, int repeats, IReadOnlyList<int> syntheticSizes)
    {
        var cdnow = SummaryCsv.Read(Path.Combine(dataDirectory, "cdnow_customers_summary.csv"));
        var spend = SummaryCsv.Read(Path.Combine(dataDirectory, "cdnow_customers_summary_with_transactions.csv"));
        var donations = SummaryCsv.Read(Path.Combine(dataDirectory, "donations.csv"));
        var fits = new List<FitFigure>
        {
            Time(BgNbdModel.ModelName, "cdnow", cdnow, repeats),
            Time(MbgNbdModel.ModelName, "cdnow", cdnow, repeats),
            Time(ParetoNbdModel.ModelName, "cdnow", cdnow, repeats),
            Time(GammaGammaModel.ModelName, "cdnow", spend, repeats),
            Time(BgBbModel.ModelName, "donations", donations, repeats),
        };

        var scoring = new List<ScoringFigure>();
        double generateMs = 0;
        List<CustomerSummary>? largest = null;
        foreach (var size in syntheticSizes)
        {
            largest = null;
            var watch = Stopwatch.StartNew();
            var synthetic = BgNbdSimulator.Generate(Published, size, seed: 42);
            generateMs = watch.Elapsed.TotalMilliseconds;
            fits.Add(Time(BgNbdModel.ModelName, $"synthetic-{size}", synthetic, repeats));
            largest = synthetic;
        }

        if (largest != null)
        {
            scoring.Add(Score(Published, largest));
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new BenchOutput(
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            Environment.ProcessorCount,
            repeats,
            fits,
            scoring,
            Math.Round(generateMs, 1),
            process.PeakWorkingSet64);
    }

    private static FitFigure Time(string model, string dataset, List<CustomerSummary> customers, int repeats)
    {
        FitResult? fit = null;
        var best = double.PositiveInfinity;
        long allocated = 0;
        for (var i = 0; i < Math.Max(1, repeats); i++)
        {
            var before = GC.GetTotalAllocatedBytes(true);
            var watch = Stopwatch.StartNew();
            fit = ModelCatalog.Fit(model, customers);
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            allocated = GC.GetTotalAllocatedBytes(true) - before;
        }

        var patterns = model == GammaGammaModel.ModelName
            ? GammaGammaModel.Repeaters(customers).Count
            : CompressedSummary.From(customers).Count;
        return new FitFigure(model, dataset, fit!.Customers, patterns, Math.Round(best, 2), fit.Iterations, fit.Converged, Math.Round(fit.LogLikelihood, 3), FitOutput.From(fit, 0, 0).Parameters, allocated);
    }

    private static ScoringFigure Score(ITransactionModel model, List<CustomerSummary> customers)
    {
        var watch = Stopwatch.StartNew();
        var sink = 0.0;
        foreach (var c in customers)
        {
            sink += model.ConditionalExpectedTransactions(39, c.Frequency, c.Recency, c.T) + model.ProbabilityAlive(c.Frequency, c.Recency, c.T);
        }

        var ms = watch.Elapsed.TotalMilliseconds;
        GC.KeepAlive(sink);
        return new ScoringFigure("bgnbd expected transactions (39 weeks) + P(alive)", customers.Count, Math.Round(ms, 1), Math.Round(customers.Count / (ms / 1000)));
    }
}
