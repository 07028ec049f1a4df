using System;
using System.Collections.Generic;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Numerics;
using static Rapport.Domain.Clv.Numerics.SpecialFunctions;

namespace Rapport.Domain.Clv.Models;

/// <summary>BG/NBD (Fader, Hardie &amp; Lee 2005): Poisson purchases at gamma(r, α) rates, dropout after each purchase with beta(a, b) probability.</summary>
public sealed record BgNbdModel(double R, double Alpha, double A, double B) : ITransactionModel
{
    public const string ModelName = "bgnbd";

    public static readonly string[] ParameterNames = { "r", "alpha", "a", "b" };

    public string Name => ModelName;

    public static BgNbdModel From(FitResult fit) => new(fit["r"], fit["alpha"], fit["a"], fit["b"]);

    public static FitResult Fit(IReadOnlyList<CustomerSummary> customers, FitOptions? options = null)
    {
        var data = CompressedSummary.From(customers);
        var start = new[] { 1, MeanT(data), 1, 1 };
        return ModelFitter.Fit(ModelName, ParameterNames, start, p => LogLikelihood(data, p[0], p[1], p[2], p[3]), data.TotalWeight, options);
    }

    /// <summary>Summed (weighted) log-likelihood.</summary>
    public static double LogLikelihood(CompressedSummary data, double r, double alpha, double a, double b)
    {
        var gammaR = ModelMath.LogGammaRatios(r, data.DistinctX);
        var betaB = ModelMath.LogGammaRatios(b, data.DistinctX);
        var betaAb = ModelMath.LogGammaRatios(a + b, data.DistinctX);
        var rLogAlpha = r * Math.Log(alpha);
        var logA = Math.Log(a);
        var total = 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            var x = data.X[i];
            var k = data.XIndex[i];
            var rx = r + x;
            var common = gammaR[k] + betaB[k] - betaAb[k] + rLogAlpha;
            var alive = -rx * Math.Log(alpha + data.T[i]);
            var value = x == 0
                ? alive
                : LogAddExp(alive, logA - Math.Log(b + x - 1) - (rx * Math.Log(alpha + data.Tx[i])));
            total += data.Weight[i] * (common + value);
        }

        return ModelMath.Finite(total, "BG/NBD log-likelihood");
    }

    public double ExpectedTransactions(double t)
    {
        ModelMath.RequireHorizon(t);
        var a = ModelMath.AwayFromOne(A);
        var z = t / (Alpha + t);
        var hyper = Hypergeometric.Log2F1(R, B, A + B - 1, z);
        var bracket = -Expm1((R * Math.Log(Alpha / (Alpha + t))) + hyper);
        return ModelMath.Finite((A + B - 1) / (a - 1) * bracket, "BG/NBD E[X(t)]");
    }

    public double ConditionalExpectedTransactions(double t, int x, double tx, double T)
    {
        ModelMath.RequireHorizon(t);
        ModelMath.RequireHistory(x, tx, T);
        var a = ModelMath.AwayFromOne(A);
        var rx = R + x;
        var hyper = Hypergeometric.Log2F1(rx, B + x, A + B + x - 1, t / (Alpha + T + t));
        var bracket = -Expm1((rx * Math.Log((Alpha + T) / (Alpha + T + t))) + hyper);
        var value = (A + B + x - 1) / (a - 1) * bracket * ProbabilityAlive(x, tx, T);
        return ModelMath.Finite(value, "BG/NBD conditional expectation");
    }

    public double ProbabilityAlive(int x, double tx, double T)
    {
        ModelMath.RequireHistory(x, tx, T);
        if (x == 0)
        {
            return 1;
        }

        var logOdds = Math.Log(A / (B + x - 1)) + ((R + x) * Math.Log((Alpha + T) / (Alpha + tx)));
        return 1 / (1 + Math.Exp(logOdds));
    }

    internal static double MeanT(CompressedSummary data)
    {
        var sum = 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            sum += data.T[i] * data.Weight[i];
        }

        return Math.Max(sum / data.TotalWeight, 1e-3);
    }
}
