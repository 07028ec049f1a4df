using System;
using System.Collections.Generic;

namespace Rapport.Domain.Clv.Fitting;

/// <summary>A maximum-likelihood fit: named parameters, the summed log-likelihood on the data's own time scale, diagnostics.</summary>
public sealed class FitResult
{
    public FitResult(
        string model,
        IReadOnlyList<string> names,
        double[] values,
        double[]? standardErrors,
        double logLikelihood,
        double customers,
        int iterations,
        bool converged,
        string method)
    {
        Model = model;
        Names = names;
        Values = values;
        StandardErrors = standardErrors;
        LogLikelihood = logLikelihood;
        Customers = customers;
        Iterations = iterations;
        Converged = converged;
        Method = method;
    }

    public string Model { get; }

    public IReadOnlyList<string> Names { get; }

    public double[] Values { get; }

    /// <summary>Asymptotic standard errors from the numerical Hessian; null when not requested or not positive definite.</summary>
    public double[]? StandardErrors { get; }

    /// <summary>
    /// Asymptotic covariance of the log-parameters (inverse Hessian of −log-likelihood on the optimiser's log scale);
    /// null when standard errors were not requested or the Hessian is not positive definite.
    /// </summary>
    public double[,]? LogCovariance { get; init; }

    public double LogLikelihood { get; }

    /// <summary>Customers the likelihood covers (sum of weights).</summary>
    public double Customers { get; }

    public int Iterations { get; }

    public bool Converged { get; }

    public string Method { get; }

    public double this[string name]
    {
        get
        {
            for (var i = 0; i < Names.Count; i++)
            {
                if (Names[i] == name)
                {
                    return Values[i];
                }
            }

            throw new ArgumentException($"Model {Model} has no parameter '{name}'.", nameof(name));
        }
    }

    public IReadOnlyDictionary<string, double> Parameters
    {
        get
        {
            var map = new Dictionary<string, double>();
            for (var i = 0; i < Names.Count; i++)
            {
                map[Names[i]] = Values[i];
            }

            return map;
        }
    }
}
