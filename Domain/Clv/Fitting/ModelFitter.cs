using System;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Numerics;

namespace Rapport.Domain.Clv.Fitting;

/// <summary>A summed log-likelihood over compressed rows that writes its gradient in the parameters.</summary>
public delegate double SummaryLikelihood(CompressedSummary data, double[] parameters, double[] gradient, bool parallel);

/// <summary>
/// Maximum likelihood over positive parameters: optimise in log space with exact gradients, add the optional L2 penalty,
/// refuse a likelihood without a maximum, and (when asked) derive standard errors by the delta method from the Hessian
/// of the log-likelihood in log space.
/// </summary>
public static class ModelFitter
{
    /// <summary>Parameters beyond e^±23 (~1e-10 … 1e10) mean the likelihood rose towards a boundary, not to a maximum.</summary>
    private const double BoundaryLog = 23;

    /// <summary>The search never leaves e^±46: far enough to detect a boundary, near enough to stay finite.</summary>
    private const double SearchLimitLog = 46;

    /// <summary>Distinct rows from which a fit first runs on a sample of them (see <see cref="WarmStart"/>).</summary>
    public const int WarmStartRows = 50_000;

    /// <summary>Rows in that sample: large enough that its optimum and curvature are close to the full data's.</summary>
    private const int SampleRows = 10_000;

    /// <summary>Fit a model whose summed log-likelihood and gradient are evaluated over compressed rows (on all cores when the options allow).</summary>
    public static FitResult Fit(string model, string[] names, double[] start, CompressedSummary data, SummaryLikelihood logLikelihood, FitOptions? options = null)
    {
        options ??= FitOptions.Default;
        var parallel = options.Parallel;
        var warm = data.Count >= WarmStartRows ? WarmStart(start, data, logLikelihood, options) : null;
        return Fit(model, names, warm?.Start ?? start, (p, g) => logLikelihood(data, p, g, parallel), data.TotalWeight, options, warm?.InverseHessian);
    }

    /// <summary>
    /// On many distinct rows most of a fit's time goes to evaluations far from the optimum and to BFGS learning the
    /// curvature. A fit on an evenly strided sample of the rows (every k-th: deterministic, and spread over the file's
    /// order) finds both cheaply; the full fit starts there, with the sample's inverse Hessian scaled by the weight
    /// ratio (the summed log-likelihood grows with the customers), and typically needs a few iterations. Null (start
    /// as usual) when the sample fit fails or ends at a boundary.
    /// </summary>
    private static WarmStartPoint? WarmStart(double[] start, CompressedSummary data, SummaryLikelihood logLikelihood, FitOptions options)
    {
        var sample = data.EveryNth((data.Count + SampleRows - 1) / SampleRows);
        var scale = sample.TotalWeight / data.TotalWeight;
        var negative = Negative((p, g) => logLikelihood(sample, p, g, false), options.Penalizer * scale);
        var result = Optimizer.Minimize(negative, Logs(start), options.MaxIterations);
        if (!result.Converged || result.InverseHessian == null || !IsInterior(result.Point))
        {
            return null;
        }

        var h = result.InverseHessian;
        for (var i = 0; i < h.GetLength(0); i++)
        {
            for (var j = 0; j < h.GetLength(1); j++)
            {
                h[i, j] *= scale;
            }
        }

        return new WarmStartPoint(Exp(result.Point), h);
    }

    /// <summary>Fit with a log-likelihood alone: gradients by central differences (for models without an analytic one).</summary>
    public static FitResult Fit(
        string model,
        string[] names,
        double[] start,
        Func<double[], double> logLikelihood,
        double customers,
        FitOptions? options = null) =>
        Fit(model, names, start, (p, g) => NumericGradient(logLikelihood, p, g), customers, options);

    /// <summary>
    /// Fit with a function that returns the log-likelihood at the parameters and writes its exact gradient with respect
    /// to them into the second argument.
    /// </summary>
    public static FitResult Fit(
        string model,
        string[] names,
        double[] start,
        Func<double[], double[], double> logLikelihood,
        double customers,
        FitOptions? options = null) =>
        Fit(model, names, start, logLikelihood, customers, options, null);

    private static FitResult Fit(
        string model,
        string[] names,
        double[] start,
        Func<double[], double[], double> logLikelihood,
        double customers,
        FitOptions? options,
        double[,]? inverseHessian)
    {
        options ??= FitOptions.Default;
        if (!(options.Penalizer >= 0) || double.IsInfinity(options.Penalizer))
        {
            throw new ClvInputException($"Penalizer must be a finite number >= 0, got {options.Penalizer}.", "penalizer");
        }

        // The log-likelihood at the last point evaluated: the optimiser usually ends on it, saving one evaluation.
        double[]? lastPoint = null;
        var lastLogLikelihood = 0.0;
        Func<double[], double[], double> remembered = (p, g) =>
        {
            lastPoint = null;
            var value = logLikelihood(p, g);
            lastPoint = (double[])p.Clone();
            lastLogLikelihood = value;
            return value;
        };
        var negative = Negative(remembered, options.Penalizer);
        var result = Optimizer.Minimize(negative, Logs(start), options.MaxIterations, inverseHessian);
        if (double.IsInfinity(result.Value) || double.IsNaN(result.Value))
        {
            throw new ClvNumericException($"{model}: the likelihood could not be evaluated anywhere the optimiser searched.");
        }

        if (options.RefuseBoundary)
        {
            RequireInterior(model, names, result.Point);
        }

        var values = Exp(result.Point);
        var ll = lastPoint != null && Same(lastPoint, values) ? lastLogLikelihood : logLikelihood(values, new double[values.Length]);
        var covariance = options.StandardErrors ? Hessian.InversePositiveDefinite(Hessian.FromGradient((x, g) => Optimizer.Safe(negative, x, g), result.Point)) : null;
        var errors = covariance == null ? null : StandardErrors(covariance, values);
        return new FitResult(model, names, values, errors, ll, customers, result.Iterations, result.Converged, result.Method) { LogCovariance = covariance };
    }

    /// <summary>The objective the optimiser minimises over log-parameters: −log-likelihood + λ Σ p², +∞ beyond the search limit.</summary>
    private static Func<double[], double[], double> Negative(Func<double[], double[], double> logLikelihood, double penalizer) =>
        (logs, gradient) =>
        {
            foreach (var v in logs)
            {
                if (!(Math.Abs(v) <= SearchLimitLog))
                {
                    return double.PositiveInfinity;
                }
            }

            // In log space: ∂/∂θ = p ∂/∂p, and the penalty λ Σ p² adds 2λp².
            var p = Exp(logs);
            var ll = logLikelihood(p, gradient);
            var penalty = 0.0;
            for (var i = 0; i < p.Length; i++)
            {
                penalty += p[i] * p[i];
                gradient[i] = (-gradient[i] * p[i]) + (2 * penalizer * p[i] * p[i]);
            }

            return -ll + (penalizer * penalty);
        };

    private static bool IsInterior(double[] logs)
    {
        foreach (var v in logs)
        {
            if (Math.Abs(v) > BoundaryLog)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(double[] a, double[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(a[i]) != BitConverter.DoubleToInt64Bits(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static double[] Logs(double[] values)
    {
        var logs = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            logs[i] = Math.Log(values[i]);
        }

        return logs;
    }

    /// <summary>
    /// A parameter driven to 0 or ∞ means the likelihood keeps rising towards the edge of the parameter space: the data
    /// have no maximum-likelihood estimate, and the numbers the search stopped at mean nothing.
    /// </summary>
    private static void RequireInterior(string model, string[] names, double[] logs)
    {
        var edges = new System.Collections.Generic.List<string>();
        for (var i = 0; i < logs.Length; i++)
        {
            if (Math.Abs(logs[i]) > BoundaryLog)
            {
                edges.Add($"{names[i]} goes to {(logs[i] < 0 ? "0" : "infinity")}");
            }
        }

        if (edges.Count > 0)
        {
            throw new ClvNumericException(
                $"{model}: the likelihood has no maximum on this data: it keeps increasing as {string.Join(" and ", edges)}, so no parameters can be estimated. " +
                "This happens with too few customers or degenerate histories (e.g. every customer with repeat purchases has recency 0, or no customer ever stops buying); " +
                "check the summary's recency and T columns and fit on more customers.");
        }
    }

    /// <summary>Delta method: se(p) = p · se(log p).</summary>
    private static double[] StandardErrors(double[,] covariance, double[] values)
    {
        var errors = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            errors[i] = values[i] * Math.Sqrt(covariance[i, i]);
        }

        return errors;
    }

    private static double NumericGradient(Func<double[], double> logLikelihood, double[] p, double[] gradient)
    {
        var value = logLikelihood(p);
        var g = Optimizer.Gradient(logLikelihood, p);
        Array.Copy(g, gradient, g.Length);
        return value;
    }

    private static double[] Exp(double[] logs)
    {
        var p = new double[logs.Length];
        for (var i = 0; i < logs.Length; i++)
        {
            p[i] = Math.Exp(logs[i]);
        }

        return p;
    }

    private sealed class WarmStartPoint
    {
        public WarmStartPoint(double[] start, double[,] inverseHessian)
        {
            Start = start;
            InverseHessian = inverseHessian;
        }

        public double[] Start { get; }

        public double[,] InverseHessian { get; }
    }
}
