using System;
using System.Collections.Generic;

namespace Rapport.Domain.Engagement;

/// <summary>A two-sided confidence interval.</summary>
public sealed record ConfidenceInterval(double Low, double High)
{
    public bool Contains(double value) => value >= Low && value <= High;
}

/// <summary>Percentile bootstrap intervals for the difference and the ratio of two groups' means.</summary>
public sealed record MeanContrast(double Difference, double? Ratio, ConfidenceInterval DifferenceInterval, ConfidenceInterval? RatioInterval);

/// <summary>
/// The nonparametric bootstrap (Efron &amp; Tibshirani 1993, ch. 13, percentile method): resample each group with
/// replacement, recompute the two means, and read the interval off the resampled differences and ratios. Groups are
/// resampled independently, as two independent samples. The random source is seeded by the caller, so a report is
/// reproducible.
/// </summary>
public static class Bootstrap
{
    public static MeanContrast Contrast(IReadOnlyList<double> a, IReadOnlyList<double> b, Random random, int resamples = 1000, double confidence = 0.95)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            throw new ArgumentException("Both groups need at least one customer.");
        }

        if (resamples < 100 || !(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(resamples), "At least 100 resamples and a confidence in (0, 1).");
        }

        var differences = new double[resamples];
        var ratios = new List<double>(resamples);
        for (var i = 0; i < resamples; i++)
        {
            var ma = ResampledMean(a, random);
            var mb = ResampledMean(b, random);
            differences[i] = ma - mb;
            if (mb > 0)
            {
                ratios.Add(ma / mb);
            }
        }

        var meanA = Mean(a);
        var meanB = Mean(b);
        var tail = (1 - confidence) / 2;

        // A ratio interval only when (nearly) every resample had a positive denominator; otherwise it would be biased.
        var ratioInterval = ratios.Count >= resamples * 0.99 ? Percentiles(ratios.ToArray(), tail) : null;
        return new MeanContrast(meanA - meanB, meanB > 0 ? meanA / meanB : null, Percentiles(differences, tail), ratioInterval);
    }

    public static double Mean(IReadOnlyList<double> values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return values.Count == 0 ? double.NaN : sum / values.Count;
    }

    private static double ResampledMean(IReadOnlyList<double> values, Random random)
    {
        double sum = 0;
        for (var i = 0; i < values.Count; i++)
        {
            sum += values[random.Next(values.Count)];
        }

        return sum / values.Count;
    }

    private static ConfidenceInterval Percentiles(double[] values, double tail)
    {
        Array.Sort(values);
        return new ConfidenceInterval(Quantile(values, tail), Quantile(values, 1 - tail));
    }

    /// <summary>Linear interpolation between order statistics (Hyndman &amp; Fan type 7).</summary>
    private static double Quantile(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(sorted.Length - 1, lo + 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
