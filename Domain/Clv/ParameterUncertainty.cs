using System;
using System.Collections.Generic;
using Rapport.Domain.Clv.Simulation;

namespace Rapport.Domain.Clv;

/// <summary>A percentile interval of a quantity computed from a model's parameters.</summary>
public sealed record QuantityInterval(double Low, double High, double Level, int Draws);

/// <summary>
/// How uncertain a prediction is because the parameters were estimated: a parametric bootstrap from the fit's
/// asymptotic covariance. Log-parameters are drawn from N(θ̂, Σ) (Σ the inverse Hessian of −log-likelihood on the log
/// scale, so every draw stays positive), the quantity is recomputed for each draw, and the central
/// <see cref="QuantityInterval.Level"/> share of the draws is the interval. Draws where the quantity is not finite are
/// dropped (counted out of <see cref="QuantityInterval.Draws"/>).
/// </summary>
public static class ParameterUncertainty
{
    public static QuantityInterval Interval(
        Func<IReadOnlyDictionary<string, double>, double> quantity,
        IReadOnlyList<string> names,
        IReadOnlyList<double> values,
        double[,] logCovariance,
        double level = 0.90,
        int draws = 400,
        int seed = 1)
    {
        var k = names.Count;
        if (values.Count != k || logCovariance.GetLength(0) != k || logCovariance.GetLength(1) != k)
        {
            throw new ClvInputException($"The covariance is {logCovariance.GetLength(0)}×{logCovariance.GetLength(1)} for {k} parameters.");
        }

        if (!(level > 0 && level < 1) || draws < 20)
        {
            throw new ClvInputException($"An interval needs a level between 0 and 1 and at least 20 draws, got {level} and {draws}.");
        }

        var cholesky = Cholesky(logCovariance)
            ?? throw new ClvNumericException("The parameters' covariance is not positive definite: their uncertainty cannot be drawn.");
        var random = new RandomVariates(seed);
        var results = new List<double>(draws);
        var z = new double[k];
        for (var d = 0; d < draws; d++)
        {
            for (var i = 0; i < k; i++)
            {
                z[i] = random.Normal();
            }

            var parameters = new Dictionary<string, double>(k);
            for (var i = 0; i < k; i++)
            {
                var shift = 0.0;
                for (var j = 0; j <= i; j++)
                {
                    shift += cholesky[i, j] * z[j];
                }

                parameters[names[i]] = values[i] * Math.Exp(shift);
            }

            double q;
            try
            {
                q = quantity(parameters);
            }
            catch (Exception error) when (error is ClvInputException || error is ClvNumericException)
            {
                continue;
            }

            if (!double.IsNaN(q) && !double.IsInfinity(q))
            {
                results.Add(q);
            }
        }

        if (results.Count < draws / 2)
        {
            throw new ClvNumericException($"Only {results.Count} of {draws} parameter draws gave a finite value: no interval.");
        }

        results.Sort();
        var tail = (1 - level) / 2;
        return new QuantityInterval(Percentile(results, tail), Percentile(results, 1 - tail), level, results.Count);
    }

    /// <summary>Lower-triangular L with L·Lᵀ = m, or null when m is not positive definite.</summary>
    private static double[,]? Cholesky(double[,] m)
    {
        var n = m.GetLength(0);
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = m[i, j];
                for (var p = 0; p < j; p++)
                {
                    sum -= l[i, p] * l[j, p];
                }

                if (i == j)
                {
                    if (!(sum > 0))
                    {
                        return null;
                    }

                    l[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i, j] = sum / l[j, j];
                }
            }
        }

        return l;
    }

    /// <summary>Linear interpolation between order statistics (type 7, the default of R and NumPy).</summary>
    private static double Percentile(List<double> sorted, double q)
    {
        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(sorted.Count - 1, lo + 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
