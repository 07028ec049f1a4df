using System;
using System.Collections.Generic;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Numerics;
using static Rapport.Domain.Clv.Numerics.SpecialFunctions;

namespace Rapport.Domain.Clv.Models;

/// <summary>MBG/NBD (Batislam, Denizel &amp; Filiztekin 2007): BG/NBD where customers may also drop out at time zero, so zero-repeaters can be inactive.</summary>
public sealed record MbgNbdModel(double R, double Alpha, double A, double B) : ITransactionModel
{
    public const string ModelName = "mbgnbd";

    public static readonly string[] ParameterNames = { "r", "alpha", "a", "b" };

    public string Name => ModelName;

    public static MbgNbdModel From(FitResult fit) => new(fit["r"], fit["alpha"], fit["a"], fit["b"]);

    public static FitResult Fit(IReadOnlyList<CustomerSummary> customers, FitOptions? options = null)
    {
        var data = CompressedSummary.From(customers);
        var start = new[] { 1, BgNbdModel.MeanT(data), 1, 1 };
        return ModelFitter.Fit(ModelName, ParameterNames, start, p => LogLikelihood(data, p[0], p[1], p[2], p[3]), data.TotalWeight, options);
    }

    public static double LogLikelihood(CompressedSummary data, double r, double alpha, double a, double b)
    {
        var gammaR = ModelMath.LogGammaRatios(r, data.DistinctX);
        var betaB = ModelMath.LogGammaRatios(b + 1, data.DistinctX);
        var betaAb = ModelMath.LogGammaRatios(a + b + 1, data.DistinctX);
        var constant = (r * Math.Log(alpha)) + Math.Log(b) - Math.Log(a + b);
        var logA = Math.Log(a);
        var total = 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            var x = data.X[i];
            var k = data.XIndex[i];
            var rx = r + x;
            var logAlphaT = Math.Log(alpha + data.T[i]);
            var dropped = logA - Math.Log(b + x) + (rx * (logAlphaT - Math.Log(alpha + data.Tx[i])));
            var value = constant + gammaR[k] + betaB[k] - betaAb[k] - (rx * logAlphaT) + LogAddExp(dropped, 0);
            total += data.Weight[i] * value;
        }

        return ModelMath.Finite(total, "MBG/NBD log-likelihood");
    }

    public double ExpectedTransactions(double t)
    {
        ModelMath.RequireHorizon(t);
        var a = ModelMath.AwayFromOne(A);
        var hyper = Hypergeometric.Log2F1(R, B + 1, A + B, t / (Alpha + t));
        var bracket = -Expm1((R * Math.Log(Alpha / (Alpha + t))) + hyper);
        return ModelMath.Finite(B / (a - 1) * bracket, "MBG/NBD E[X(t)]");
    }

    public double ConditionalExpectedTransactions(double t, int x, double tx, double T)
    {
        ModelMath.RequireHorizon(t);
        ModelMath.RequireHistory(x, tx, T);
        var a = ModelMath.AwayFromOne(A);
        var rx = R + x;
        var hyper = Hypergeometric.Log2F1(rx, B + x + 1, A + B + x, t / (Alpha + T + t));
        var bracket = -Expm1((rx * Math.Log((Alpha + T) / (Alpha + T + t))) + hyper);
        return ModelMath.Finite((A + B + x) / (a - 1) * bracket * ProbabilityAlive(x, tx, T), "MBG/NBD conditional expectation");
    }

    public double ProbabilityAlive(int x, double tx, double T)
    {
        ModelMath.RequireHistory(x, tx, T);
        var logOdds = Math.Log(A / (B + x)) + ((R + x) * Math.Log((Alpha + T) / (Alpha + tx)));
        return 1 / (1 + Math.Exp(logOdds));
    }
}
