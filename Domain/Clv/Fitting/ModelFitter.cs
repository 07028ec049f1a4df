using System;
using Rapport.Domain.Clv.Numerics;

namespace Rapport.Domain.Clv.Fitting;

/// <summary>
/// Maximum likelihood over positive parameters: optimise in log space, add the optional L2 penalty, then derive
/// standard errors by the delta method from the Hessian of the log-likelihood in log space.
/// </summary>
public static class ModelFitter
{
    public static FitResult Fit(
        string model,
        string[] names,
        double[] start,
        Func<double[], double> logLikelihood,
        double customers,
        FitOptions? options = null)
    {
        options ??= FitOptions.Default;
        if (!(options.Penalizer >= 0) || double.IsInfinity(options.Penalizer))
        {
            throw new ClvInputException($"Penalizer must be a finite number >= 0, got {options.Penalizer}.", "penalizer");
        }

        Func<double[], double> negative = logs =>
        {
            var p = Exp(logs);
            var penalty = 0.0;
            foreach (var v in p)
            {
                penalty += v * v;
            }

            return -logLikelihood(p) + (options.Penalizer * penalty);
        };

        var startLogs = new double[start.Length];
        for (var i = 0; i < start.Length; i++)
        {
            startLogs[i] = Math.Log(start[i]);
        }

        var result = Optimizer.Minimize(negative, startLogs, options.MaxIterations);
        if (double.IsInfinity(result.Value) || double.IsNaN(result.Value))
        {
            throw new ClvNumericException($"{model}: the likelihood could not be evaluated anywhere the optimiser searched.");
        }

        var values = Exp(result.Point);
        var ll = logLikelihood(values);
        var errors = options.StandardErrors ? StandardErrors(negative, result.Point, values) : null;
        return new FitResult(model, names, values, errors, ll, customers, result.Iterations, result.Converged, result.Method);
    }

    private static double[]? StandardErrors(Func<double[], double> negative, double[] logs, double[] values)
    {
        var covariance = Hessian.InversePositiveDefinite(Hessian.Compute(x => Optimizer.Safe(negative, x), logs));
        if (covariance == null)
        {
            return null;
        }

        var errors = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            errors[i] = values[i] * Math.Sqrt(covariance[i, i]);
        }

        return errors;
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
}
