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

    public static FitResult Fit(IReadOnlyList<CustomerSummary> customers, FitOptions? options = null) => Fit(SummaryColumns.From(customers), options);

    public static FitResult Fit(SummaryColumns customers, FitOptions? options = null)
    {
        var data = CompressedSummary.From(customers);
        var start = new[] { 1, MeanT(data), 1, 1 };
        return ModelFitter.Fit(ModelName, ParameterNames, start, data, LogLikelihood, options);
    }

    /// <summary>Summed (weighted) log-likelihood.</summary>
    public static double LogLikelihood(CompressedSummary data, double r, double alpha, double a, double b) =>
        LogLikelihood(data, new[] { r, alpha, a, b }, new double[4]);

    /// <summary>
    /// Summed log-likelihood at (r, α, a, b) and its exact gradient, written to <paramref name="gradient"/>. Per row,
    /// with π the posterior weight of "dropped out after t_x": ∂/∂r = ψ(r+x) − ψ(r) + ln α − (1−π) ln(α+T) − π ln(α+t_x),
    /// ∂/∂α = r/α − (r+x)((1−π)/(α+T) + π/(α+t_x)), ∂/∂a = π/a − [ψ(a+b+x) − ψ(a+b)],
    /// ∂/∂b = ψ(b+x) − ψ(b) − [ψ(a+b+x) − ψ(a+b)] − π/(b+x−1).
    /// </summary>
    public static double LogLikelihood(CompressedSummary data, double[] parameters, double[] gradient, bool parallel = false)
    {
        double r = parameters[0], alpha = parameters[1], a = parameters[2], b = parameters[3];
        var gammaR = ModelMath.GammaRatioTables(r, data.DistinctX, out var psiR);
        var betaB = ModelMath.GammaRatioTables(b, data.DistinctX, out var psiB);
        var betaAb = ModelMath.GammaRatioTables(a + b, data.DistinctX, out var psiAb);
        var logAlpha = Math.Log(alpha);
        var logA = Math.Log(a);

        // ln(a / (b + x − 1)) depends on x alone (unused when x = 0).
        var logDropWeight = new double[data.DistinctX.Length];
        for (var k = 0; k < logDropWeight.Length; k++)
        {
            logDropWeight[k] = data.DistinctX[k] > 0 ? logA - Math.Log(b + data.DistinctX[k] - 1) : 0;
        }

        var total = ChunkedSum.Sum(data.Count, gradient, parallel, (from, to, g) =>
        {
            var sum = 0.0;
            for (var i = from; i < to; i++)
            {
                var x = data.X[i];
                var k = data.XIndex[i];
                var w = data.Weight[i];
                var rx = r + x;
                var alphaT = alpha + data.T[i];
                var alive = -rx * Math.Log(alphaT);
                double value = alive, pi = 0, logRatio = 0, alphaTx = 1;
                if (x > 0)
                {
                    // ln(e^alive + e^dropped) and π = e^dropped / (e^alive + e^dropped) from one exp.
                    alphaTx = alpha + data.Tx[i];
                    logRatio = Math.Log(alphaT / alphaTx);
                    var d = logDropWeight[k] + (rx * logRatio);
                    var e = Math.Exp(-Math.Abs(d));
                    value = Math.Max(alive, alive + d) + Log1p(e);
                    pi = d > 0 ? 1 / (1 + e) : e / (1 + e);
                }

                sum += w * (gammaR[k] + betaB[k] - betaAb[k] + (r * logAlpha) + value);
                g[0] += w * (psiR[k] + logAlpha + (alive / rx) + (pi * logRatio));
                g[1] += w * ((r / alpha) - (rx * (((1 - pi) / alphaT) + (pi / alphaTx))));
                g[2] += w * ((x > 0 ? pi / a : 0) - psiAb[k]);
                g[3] += w * (psiB[k] - psiAb[k] - (x > 0 ? pi / (b + x - 1) : 0));
            }

            return sum;
        });

        return ModelMath.Finite(total, "BG/NBD log-likelihood");
    }

    public double ExpectedTransactions(double t)
    {
        ModelMath.RequireHorizon(t);
        var a = ModelMath.AwayFromOne(A);
        var z = t / (Alpha + t);
        var hyper = Hypergeometric.Log2F1(R, B, A + B - 1, z);
        var bracket = -Expm1((-R * Log1p(t / Alpha)) + hyper);
        return ModelMath.Finite((A + B - 1) / (a - 1) * bracket, "BG/NBD E[X(t)]");
    }

    public double ConditionalExpectedTransactions(double t, int x, double tx, double T)
    {
        ModelMath.RequireHorizon(t);
        ModelMath.RequireHistory(x, tx, T);
        var a = ModelMath.AwayFromOne(A);
        var rx = R + x;
        var hyper = Hypergeometric.Log2F1(rx, B + x, A + B + x - 1, t / (Alpha + T + t));
        var bracket = -Expm1((-rx * Log1p(t / (Alpha + T))) + hyper);
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

        var logOdds = Math.Log(A / (B + x - 1)) + ((R + x) * Log1p((T - tx) / (Alpha + tx)));
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
