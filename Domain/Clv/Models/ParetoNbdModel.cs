using System;
using System.Collections.Generic;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Numerics;
using static Rapport.Domain.Clv.Numerics.SpecialFunctions;

namespace Rapport.Domain.Clv.Models;

/// <summary>
/// Pareto/NBD (Schmittlein, Morrison &amp; Colombo 1987) in the Fader–Hardie–Lee formulation: the ₂F₁ is taken on the
/// α-or-β branch that keeps its argument in [0, 1) and summed in log space, so large α, β or T never overflow.
/// </summary>
public sealed record ParetoNbdModel(double R, double Alpha, double S, double Beta) : ITransactionModel
{
    public const string ModelName = "paretonbd";

    public static readonly string[] ParameterNames = { "r", "alpha", "s", "beta" };

    public string Name => ModelName;

    public static ParetoNbdModel From(FitResult fit) => new(fit["r"], fit["alpha"], fit["s"], fit["beta"]);

    public static FitResult Fit(IReadOnlyList<CustomerSummary> customers, FitOptions? options = null)
    {
        var data = CompressedSummary.From(customers);
        var meanT = BgNbdModel.MeanT(data);
        var start = new[] { 1, meanT, 1, meanT };
        return ModelFitter.Fit(ModelName, ParameterNames, start, p => LogLikelihood(data, p[0], p[1], p[2], p[3]), data.TotalWeight, options);
    }

    public static double LogLikelihood(CompressedSummary data, double r, double alpha, double s, double beta)
    {
        var model = new ParetoNbdModel(r, alpha, s, beta);
        var gammaR = ModelMath.LogGammaRatios(r, data.DistinctX);
        var constant = (r * Math.Log(alpha)) + (s * Math.Log(beta));
        var total = 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            model.LogTerms(data.X[i], data.Tx[i], data.T[i], out var alive, out var dropped);
            total += data.Weight[i] * (constant + gammaR[data.XIndex[i]] + LogAddExp(alive, dropped));
        }

        return ModelMath.Finite(total, "Pareto/NBD log-likelihood");
    }

    public double ExpectedTransactions(double t)
    {
        ModelMath.RequireHorizon(t);
        return ModelMath.Finite(R * Beta / Alpha * OneMinusExpOverK(S - 1, Math.Log((Beta + t) / Beta)), "Pareto/NBD E[X(t)]");
    }

    public double ConditionalExpectedTransactions(double t, int x, double tx, double T)
    {
        ModelMath.RequireHorizon(t);
        var pAlive = ProbabilityAlive(x, tx, T);
        var rate = (R + x) * (Beta + T) / (Alpha + T);
        return ModelMath.Finite(rate * OneMinusExpOverK(S - 1, Math.Log((Beta + T + t) / (Beta + T))) * pAlive, "Pareto/NBD conditional expectation");
    }

    public double ProbabilityAlive(int x, double tx, double T)
    {
        ModelMath.RequireHistory(x, tx, T);
        LogTerms(x, tx, T, out var alive, out var dropped);
        return Math.Exp(alive - LogAddExp(alive, dropped));
    }

    /// <summary>
    /// The two likelihood pieces without the Γ(r+x) α^r β^s / Γ(r) factor: still alive at T, and
    /// dropped out between t_x and T (ln of s/(r+s+x) · A₀).
    /// </summary>
    private void LogTerms(int x, double tx, double T, out double alive, out double dropped)
    {
        var rx = R + x;
        var rsx = R + S + x;
        alive = -(rx * Math.Log(Alpha + T)) - (S * Math.Log(Beta + T));
        double atTx, atT;
        if (Alpha >= Beta)
        {
            atTx = Hypergeometric.Log2F1(rsx, S + 1, rsx + 1, (Alpha - Beta) / (Alpha + tx)) - (rsx * Math.Log(Alpha + tx));
            atT = Hypergeometric.Log2F1(rsx, S + 1, rsx + 1, (Alpha - Beta) / (Alpha + T)) - (rsx * Math.Log(Alpha + T));
        }
        else
        {
            atTx = Hypergeometric.Log2F1(rsx, rx, rsx + 1, (Beta - Alpha) / (Beta + tx)) - (rsx * Math.Log(Beta + tx));
            atT = Hypergeometric.Log2F1(rsx, rx, rsx + 1, (Beta - Alpha) / (Beta + T)) - (rsx * Math.Log(Beta + T));
        }

        // A₀ is an integral over (t_x, T): zero when t_x = T, and rounding may make the difference a hair negative.
        dropped = atTx > atT ? Math.Log(S / rsx) + LogSubExp(atTx, atT) : double.NegativeInfinity;
    }
}
