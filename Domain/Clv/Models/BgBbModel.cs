using System;
using System.Collections.Generic;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Numerics;
using static Rapport.Domain.Clv.Numerics.SpecialFunctions;

namespace Rapport.Domain.Clv.Models;

/// <summary>
/// BG/BB (Fader, Hardie &amp; Shang 2010) for discrete opportunities such as annual giving: transaction probability
/// beta(α, β), per-period dropout probability beta(γ, δ). Rows: x repeat periods, t_x last one, T = n opportunities.
/// </summary>
public sealed record BgBbModel(double Alpha, double Beta, double Gamma, double Delta) : ITransactionModel
{
    public const string ModelName = "bgbb";

    public static readonly string[] ParameterNames = { "alpha", "beta", "gamma", "delta" };

    public string Name => ModelName;

    public static BgBbModel From(FitResult fit) => new(fit["alpha"], fit["beta"], fit["gamma"], fit["delta"]);

    public static FitResult Fit(IReadOnlyList<CustomerSummary> customers, FitOptions? options = null)
    {
        RequireDiscrete(customers);
        return Fit(SummaryColumns.From(customers), options);
    }

    public static FitResult Fit(SummaryColumns customers, FitOptions? options = null)
    {
        for (var i = 0; i < customers.Count; i++)
        {
            if (!Discrete(customers.Frequency[i], customers.Recency[i], customers.T[i]))
            {
                throw new ClvInputException(
                    $"Invalid BG/BB row {i + 1}: recency and periods must be whole numbers with frequency <= recency <= periods, got x={customers.Frequency[i]}, t_x={customers.Recency[i]}, n={customers.T[i]}.",
                    "recency");
            }
        }

        var data = CompressedSummary.From(customers);
        return ModelFitter.Fit(ModelName, ParameterNames, new double[] { 1, 1, 1, 1 }, data, LogLikelihood, options);
    }

    public static double LogLikelihood(CompressedSummary data, double alpha, double beta, double gamma, double delta) =>
        LogLikelihood(data, new[] { alpha, beta, gamma, delta }, new double[4]);

    /// <summary>
    /// Summed log-likelihood and its exact gradient. Each row is ln Σᵢ e^{termᵢ} with termᵢ a sum of ln B(u, v) − ln B(·,·),
    /// so its gradient is the softmax-weighted sum of the terms' gradients, from ∂ ln B(u, v)/∂u = ψ(u) − ψ(u + v).
    /// </summary>
    public static double LogLikelihood(CompressedSummary data, double[] parameters, double[] gradient, bool parallel = false)
    {
        var model = new BgBbModel(parameters[0], parameters[1], parameters[2], parameters[3]);
        var total = ChunkedSum.Sum(data.Count, gradient, parallel, (from, to, g) =>
        {
            var sum = 0.0;
            var rowGradient = new double[4];
            for (var i = from; i < to; i++)
            {
                var w = data.Weight[i];
                sum += w * model.LogLikelihood(data.X[i], (int)data.Tx[i], (int)data.T[i], rowGradient);
                for (var j = 0; j < 4; j++)
                {
                    g[j] += w * rowGradient[j];
                }
            }

            return sum;
        });

        return ModelMath.Finite(total, "BG/BB log-likelihood");
    }

    /// <summary>ln L(x, t_x, n): alive through n, or dropped out right after one of the periods t_x .. n−1.</summary>
    public double LogLikelihood(int x, int tx, int n) => LogLikelihood(x, tx, n, null);

    private double LogLikelihood(int x, int tx, int n, double[]? gradient)
    {
        var logBAlphaBeta = LogBeta(Alpha, Beta);
        var logBGammaDelta = LogBeta(Gamma, Delta);
        var total = LogBeta(Alpha + x, Beta + n - x) - logBAlphaBeta + LogBeta(Gamma, Delta + n) - logBGammaDelta;
        for (var i = 0; i < n - tx; i++)
        {
            var term = LogBeta(Alpha + x, Beta + tx - x + i) - logBAlphaBeta + LogBeta(Gamma + 1, Delta + tx + i) - logBGammaDelta;
            total = LogAddExp(total, term);
        }

        if (gradient != null)
        {
            Gradient(x, tx, n, total, gradient);
        }

        return total;
    }

    /// <summary>The gradient of one row's ln L: each term's gradient weighted by its share e^{term − ln L}.</summary>
    private void Gradient(int x, int tx, int n, double logL, double[] gradient)
    {
        double psiAlpha = Digamma(Alpha), psiBeta = Digamma(Beta), psiAlphaBeta = Digamma(Alpha + Beta);
        double psiGamma = Digamma(Gamma), psiDelta = Digamma(Delta), psiGammaDelta = Digamma(Gamma + Delta);
        var psiAlphaX = Digamma(Alpha + x);
        var logBAlphaBeta = LogBeta(Alpha, Beta);
        var logBGammaDelta = LogBeta(Gamma, Delta);
        Array.Clear(gradient, 0, 4);
        for (var i = -1; i < n - tx; i++)
        {
            // i = −1: alive through n; otherwise dropped out right after period m = t_x + i.
            var alive = i < 0;
            var m = alive ? n : tx + i;
            var g = alive ? Gamma : Gamma + 1;
            var term = LogBeta(Alpha + x, Beta + m - x) - logBAlphaBeta + LogBeta(g, Delta + m) - logBGammaDelta;
            var share = Math.Exp(term - logL);
            var psiAlphaBetaM = Digamma(Alpha + Beta + m);
            var psiGammaDeltaM = Digamma(g + Delta + m);
            gradient[0] += share * (psiAlphaX - psiAlphaBetaM - psiAlpha + psiAlphaBeta);
            gradient[1] += share * (Digamma(Beta + m - x) - psiAlphaBetaM - psiBeta + psiAlphaBeta);
            gradient[2] += share * ((alive ? psiGamma : Digamma(Gamma + 1)) - psiGammaDeltaM - psiGamma + psiGammaDelta);
            gradient[3] += share * (Digamma(Delta + m) - psiGammaDeltaM - psiDelta + psiGammaDelta);
        }
    }

    public double ExpectedTransactions(double t)
    {
        var n = Periods(t);
        var gamma = ModelMath.AwayFromOne(Gamma);
        var ratio = Math.Exp(LogGamma(Gamma + Delta) + LogGamma(1 + Delta + n) - LogGamma(Gamma + Delta + n) - LogGamma(1 + Delta));
        return ModelMath.Finite(Alpha / (Alpha + Beta) * Delta / (gamma - 1) * (1 - ratio), "BG/BB E[X(n)]");
    }

    public double ConditionalExpectedTransactions(double t, int x, double tx, double T)
    {
        var horizon = Periods(t);
        var n = History(x, tx, T);
        var gamma = ModelMath.AwayFromOne(Gamma);
        var logFirst = LogBeta(Alpha + x + 1, Beta + n - x) - LogBeta(Alpha, Beta) - LogLikelihood(x, (int)tx, n)
            + LogGamma(Gamma + Delta) - LogGamma(1 + Delta);
        var bracket = Math.Exp(LogGamma(1 + Delta + n) - LogGamma(Gamma + Delta + n))
            - Math.Exp(LogGamma(1 + Delta + n + horizon) - LogGamma(Gamma + Delta + n + horizon));
        return ModelMath.Finite(Math.Exp(logFirst) * Delta / (gamma - 1) * bracket, "BG/BB conditional expectation");
    }

    /// <summary>P(still active in period n + 1 | x, t_x, n).</summary>
    public double ProbabilityAlive(int x, double tx, double T) => ProbabilityAlive(x, tx, T, 1);

    /// <summary>P(still active in period n + <paramref name="periodsAhead"/> | x, t_x, n).</summary>
    public double ProbabilityAlive(int x, double tx, double T, int periodsAhead)
    {
        var n = History(x, tx, T);
        var log = LogBeta(Alpha + x, Beta + n - x) - LogBeta(Alpha, Beta) + LogBeta(Gamma, Delta + n + periodsAhead)
            - LogBeta(Gamma, Delta) - LogLikelihood(x, (int)tx, n);
        return ModelMath.Finite(Math.Exp(log), "BG/BB P(alive)");
    }

    private static void RequireDiscrete(IReadOnlyList<CustomerSummary> customers)
    {
        for (var i = 0; i < customers.Count; i++)
        {
            var c = customers[i];
            if (!Discrete(c.Frequency, c.Recency, c.T))
            {
                throw new ClvInputException(
                    $"Invalid BG/BB row {i + 1} (customer '{c.Id}'): recency and periods must be whole numbers with frequency <= recency <= periods, got x={c.Frequency}, t_x={c.Recency}, n={c.T}.",
                    "recency");
            }
        }
    }

    private static bool Discrete(int x, double tx, double n) => IsWhole(tx) && IsWhole(n) && x <= tx && n <= 100_000;

    private static int History(int x, double tx, double T)
    {
        ModelMath.RequireHistory(x, tx, T);
        if (!IsWhole(tx) || !IsWhole(T) || x > tx)
        {
            throw new ClvInputException($"BG/BB history needs whole t_x and n with x <= t_x <= n, got x={x}, t_x={tx}, n={T}.");
        }

        return (int)T;
    }

    private static int Periods(double t)
    {
        ModelMath.RequireHorizon(t);
        if (!IsWhole(t))
        {
            throw new ClvInputException($"BG/BB horizons are whole periods, got {t}.", "horizon");
        }

        return (int)t;
    }

    private static bool IsWhole(double v) => v >= 0 && v <= int.MaxValue && Math.Floor(v) == v;
}
