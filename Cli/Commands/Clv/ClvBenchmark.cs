using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Models;
using Rapport.Domain.Clv.Simulation;

namespace Rapport.Cli.Commands.Clv;

/// <summary>One timed fit: the minimum over repeats, with what was fitted (customers and the distinct rows the likelihood sums over).</summary>
public sealed record FitFigure(string Model, string Dataset, double Customers, int DistinctRows, double FitMs, double CpuMs, int Iterations, bool Converged, double LogLikelihood, Dictionary<string, double> Parameters, long AllocatedBytes);

/// <summary>Per-customer scoring speed on one core.</summary>
public sealed record ScoringFigure(string What, int Customers, double ElapsedMs, double CustomersPerSecond);

public sealed record BenchOutput(
    string Runtime,
    int ProcessorCount,
    bool Parallel,
    int Repeats,
    IReadOnlyList<FitFigure> Fits,
    IReadOnlyList<ScoringFigure> Scoring,
    double SyntheticGenerateMsLargest,
    double? InputLoadMs,
    double? InputLoadCpuMs,
    long PeakWorkingSetBytes);

/// <summary>What to time: the golden data and synthetic bases, or one summary file.</summary>
public sealed record BenchPlan(int Repeats, bool Parallel, IReadOnlyList<int> BgNbdSizes, IReadOnlyList<int> ParetoSizes, string? Input, IReadOnlyList<string> InputModels, string? SaveSynthetic);

/// <summary>
/// The CLV figures: fits on the golden data, BG/NBD and Pareto/NBD on synthetic bases drawn from the published CDNOW
/// BG/NBD parameters with continuous T and recency (so nearly every customer is a distinct row, as in real exports),
/// and scoring throughput; or the fits of one summary file. Times are Stopwatch minima over repeats, fit only (data
/// loaded, no standard errors), beside the process CPU time of the fastest-CPU run (all threads: on a shared machine
/// wall time includes waiting for a core); memory is the process peak working set at the end and the bytes allocated
/// by one fit. With --input, the time to read the file is reported too (a fit's wall time from the file is load + fit).
/// </summary>
public static class ClvBenchmark
{
    private static readonly BgNbdModel Published = new(0.243, 4.414, 0.793, 2.426);

    public static BenchOutput Run(string dataDirectory, BenchPlan plan)
    {
        var options = new FitOptions(StandardErrors: false, Parallel: plan.Parallel);
        var fits = new List<FitFigure>();
        var scoring = new List<ScoringFigure>();
        double generateMs = 0;
        double? loadMs = null, loadCpuMs = null;
        if (plan.Input != null)
        {
            // Reading the file is part of what a user waits for: timed once (cold, as a fit command reads it).
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var load = Stopwatch.StartNew();
            var rows = SummaryCsv.ReadColumns(plan.Input);
            loadMs = Math.Round(load.Elapsed.TotalMilliseconds, 1);
            loadCpuMs = Math.Round((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds, 1);
            foreach (var model in plan.InputModels)
            {
                fits.Add(Time(model, Path.GetFileName(plan.Input), rows, plan.Repeats, options));
            }
        }
        else
        {
            var cdnow = SummaryCsv.ReadColumns(Path.Combine(dataDirectory, "cdnow_customers_summary.csv"));
            var spend = SummaryCsv.ReadColumns(Path.Combine(dataDirectory, "cdnow_customers_summary_with_transactions.csv"));
            var donations = SummaryCsv.ReadColumns(Path.Combine(dataDirectory, "donations.csv"));
            fits.Add(Time(BgNbdModel.ModelName, "cdnow", cdnow, plan.Repeats, options));
            fits.Add(Time(MbgNbdModel.ModelName, "cdnow", cdnow, plan.Repeats, options));
            fits.Add(Time(ParetoNbdModel.ModelName, "cdnow", cdnow, plan.Repeats, options));
            fits.Add(Time(GammaGammaModel.ModelName, "cdnow", spend, plan.Repeats, options));
            fits.Add(Time(BgBbModel.ModelName, "donations", donations, plan.Repeats, options));
            List<CustomerSummary>? largest = null;
            foreach (var (model, sizes) in new[] { (BgNbdModel.ModelName, plan.BgNbdSizes), (ParetoNbdModel.ModelName, plan.ParetoSizes) })
            {
                foreach (var size in sizes)
                {
                    var watch = Stopwatch.StartNew();
                    var synthetic = BgNbdSimulator.Generate(Published, size, seed: 42, resolution: 0);
                    generateMs = Math.Max(generateMs, watch.Elapsed.TotalMilliseconds);
                    Save(plan.SaveSynthetic, size, synthetic);
                    fits.Add(Time(model, $"synthetic-{size}", SummaryColumns.From(synthetic), plan.Repeats, options));
                    if (largest == null || synthetic.Count > largest.Count)
                    {
                        largest = synthetic;
                    }
                }
            }

            if (largest != null)
            {
                scoring.Add(Score(Published, largest));
            }
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new BenchOutput(
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            Environment.ProcessorCount,
            plan.Parallel,
            plan.Repeats,
            fits,
            scoring,
            Math.Round(generateMs, 1),
            loadMs,
            loadCpuMs,
            process.PeakWorkingSet64);
    }

    private static void Save(string? directory, int size, List<CustomerSummary> rows)
    {
        if (directory == null)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        using var writer = new StreamWriter(Path.Combine(directory, $"synthetic-{size}.csv"));
        SummaryCsv.Write(writer, rows);
    }

    private static FitFigure Time(string model, string dataset, SummaryColumns customers, int repeats, FitOptions options)
    {
        FitResult? fit = null;
        double best = double.PositiveInfinity, bestCpu = double.PositiveInfinity;
        long allocated = 0;
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < Math.Max(1, repeats); i++)
        {
            var before = GC.GetTotalAllocatedBytes(true);
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            fit = ModelCatalog.Fit(model, customers, options);
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalMilliseconds);
            allocated = GC.GetTotalAllocatedBytes(true) - before;
        }

        var distinct = ModelCatalog.IsSpendModel(model)
            ? GammaGammaModel.Repeaters(customers).Count
            : CompressedSummary.From(customers).Count;
        return new FitFigure(model, dataset, fit!.Customers, distinct, Math.Round(best, 2), Math.Round(bestCpu, 1), fit.Iterations, fit.Converged, Math.Round(fit.LogLikelihood, 3), FitOutput.From(fit, 0, 0).Parameters, allocated);
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
