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

    public static FitResult Fit(IReadOnlyList<CustomerSummary> customers, FitOptions? options = null) => Fit(SummaryColumns.From(customers), options);

    public static FitResult Fit(SummaryColumns customers, FitOptions? options = null)
    {
        var data = CompressedSummary.From(customers);
        var start = new[] { 1, BgNbdModel.MeanT(data), 1, 1 };
        return ModelFitter.Fit(ModelName, ParameterNames, start, data, LogLikelihood, options);
    }

    public static double LogLikelihood(CompressedSummary data, double r, double alpha, double a, double b) =>
        LogLikelihood(data, new[] { r, alpha, a, b }, new double[4]);

    /// <summary>
    /// Summed log-likelihood and its exact gradient. Per row, with π = P(dropped out after t_x | data):
    /// ∂/∂r = ψ(r+x) − ψ(r) + ln α − ln(α+T) + π ln((α+T)/(α+t_x)), ∂/∂α = r/α − (r+x)/(α+T) + π(r+x)(1/(α+T) − 1/(α+t_x)),
    /// ∂/∂a = π/a − 1/(a+b) − [ψ(a+b+1+x) − ψ(a+b+1)], ∂/∂b = 1/b − 1/(a+b) + [ψ(b+1+x) − ψ(b+1)] − [ψ(a+b+1+x) − ψ(a+b+1)] − π/(b+x).
    /// </summary>
    public static double LogLikelihood(CompressedSummary data, double[] parameters, double[] gradient, bool parallel = false)
    {
        double r = parameters[0], alpha = parameters[1], a = parameters[2], b = parameters[3];
        var gammaR = ModelMath.GammaRatioTables(r, data.DistinctX, out var psiR);
        var betaB = ModelMath.GammaRatioTables(b + 1, data.DistinctX, out var psiB);
        var betaAb = ModelMath.GammaRatioTables(a + b + 1, data.DistinctX, out var psiAb);
        var logAlpha = Math.Log(alpha);
        var constant = (r * logAlpha) + Math.Log(b) - Math.Log(a + b);
        var logA = Math.Log(a);
        var total = ChunkedSum.Sum(data.Count, gradient, parallel, (from, to, g) =>
        {
            var sum = 0.0;
            for (var i = from; i < to; i++)
            {
                var x = data.X[i];
                var k = data.XIndex[i];
                var w = data.Weight[i];
                var rx = r + x;
                var logAlphaT = Math.Log(alpha + data.T[i]);
                var logRatio = logAlphaT - Math.Log(alpha + data.Tx[i]);
                var dropped = logA - Math.Log(b + x) + (rx * logRatio);
                var mix = LogAddExp(dropped, 0);
                var pi = Math.Exp(dropped - mix);
                sum += w * (constant + gammaR[k] + betaB[k] - betaAb[k] - (rx * logAlphaT) + mix);
                g[0] += w * (psiR[k] + logAlpha - logAlphaT + (pi * logRatio));
                g[1] += w * ((r / alpha) - (rx / (alpha + data.T[i])) + (pi * rx * ((1 / (alpha + data.T[i])) - (1 / (alpha + data.Tx[i])))));
                g[2] += w * ((pi / a) - (1 / (a + b)) - psiAb[k]);
                g[3] += w * ((1 / b) - (1 / (a + b)) + psiB[k] - psiAb[k] - (pi / (b + x)));
            }

            return sum;
        });

        return ModelMath.Finite(total, "MBG/NBD log-likelihood");
    }

    public double ExpectedTransactions(double t)
    {
        ModelMath.RequireHorizon(t);
        var a = ModelMath.AwayFromOne(A);
        var hyper = Hypergeometric.Log2F1(R, B + 1, A + B, t / (Alpha + t));
        var bracket = -Expm1((-R * Log1p(t / Alpha)) + hyper);
        return ModelMath.Finite(B / (a - 1) * bracket, "MBG/NBD E[X(t)]");
    }

    public double ConditionalExpectedTransactions(double t, int x, double tx, double T)
    {
        ModelMath.RequireHorizon(t);
        ModelMath.RequireHistory(x, tx, T);
        var a = ModelMath.AwayFromOne(A);
        var rx = R + x;
        var hyper = Hypergeometric.Log2F1(rx, B + x + 1, A + B + x, t / (Alpha + T + t));
        var bracket = -Expm1((-rx * Log1p(t / (Alpha + T))) + hyper);
        return ModelMath.Finite((A + B + x) / (a - 1) * bracket * ProbabilityAlive(x, tx, T), "MBG/NBD conditional expectation");
    }

    public double ProbabilityAlive(int x, double tx, double T)
    {
        ModelMath.RequireHistory(x, tx, T);
        var logOdds = Math.Log(A / (B + x)) + ((R + x) * Log1p((T - tx) / (Alpha + tx)));
        return 1 / (1 + Math.Exp(logOdds));
    }
}
