using System;
using System.Collections.Generic;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Numerics;
using static Rapport.Domain.Clv.Numerics.SpecialFunctions;

namespace Rapport.Domain.Clv.Models;

/// <summary>
/// Pareto/NBD (Schmittlein, Morrison &amp; Colombo 1987) in the Fader–Hardie–Lee formulation: the ₂F₁ is taken on the
/// α-or-β branch that keeps its argument in [0, 1) and evaluated in log space by <see cref="HypergeometricAPlusOne"/>,
/// so large α, β or T never overflow.
/// </summary>
public sealed record ParetoNbdModel(double R, double Alpha, double S, double Beta) : ITransactionModel
{
    public const string ModelName = "paretonbd";

    public static readonly string[] ParameterNames = { "r", "alpha", "s", "beta" };

    public string Name => ModelName;

    public static ParetoNbdModel From(FitResult fit) => new(fit["r"], fit["alpha"], fit["s"], fit["beta"]);

    public static FitResult Fit(IReadOnlyList<CustomerSummary> customers, FitOptions? options = null) => Fit(SummaryColumns.From(customers), options);

    public static FitResult Fit(SummaryColumns customers, FitOptions? options = null)
    {
        var data = CompressedSummary.From(customers);
        var meanT = BgNbdModel.MeanT(data);
        var start = new[] { 1, meanT, 1, meanT };
        return ModelFitter.Fit(ModelName, ParameterNames, start, data, LogLikelihood, options);
    }

    public static double LogLikelihood(CompressedSummary data, double r, double alpha, double s, double beta) =>
        LogLikelihood(data, new[] { r, alpha, s, beta }, new double[4]);

    /// <summary>
    /// Summed log-likelihood and its exact gradient. Per row ln L = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + ln(e^{L₁} + e^{L₂}),
    /// L₁ = −(r+x) ln(α+T) − s ln(β+T) (alive at T), L₂ = ln s + ln ∫_{t_x}^{T} (α+τ)^{−(r+x)} (β+τ)^{−(s+1)} dτ (dropped out
    /// between t_x and T); see <see cref="LogTerms"/> for the integral and its derivatives.
    /// </summary>
    public static double LogLikelihood(CompressedSummary data, double[] parameters, double[] gradient, bool parallel = false)
    {
        var model = new ParetoNbdModel(parameters[0], parameters[1], parameters[2], parameters[3]);
        var gammaR = ModelMath.GammaRatioTables(model.R, data.DistinctX, out var psiR);
        double logAlpha = Math.Log(model.Alpha), logBeta = Math.Log(model.Beta);
        var constant = (model.R * logAlpha) + (model.S * logBeta);

        // Zero-repeaters (x = 0, t_x = 0), often most customers, share G(0): evaluate it once.
        var zeroStart = model.At(0, 0);
        var total = ChunkedSum.Sum(data.Count, gradient, parallel, (from, to, g) =>
        {
            var sum = 0.0;
            var alive = new double[4];
            var dropped = new double[4];
            for (var i = from; i < to; i++)
            {
                var w = data.Weight[i];
                var k = data.XIndex[i];
                var start = data.X[i] == 0 && data.Tx[i] == 0 ? zeroStart : (LogG?)null;
                model.LogTerms(data.X[i], data.Tx[i], data.T[i], out var logAlive, out var logDropped, alive, dropped, start);
                var value = LogAddExp(logAlive, logDropped);
                var pi = double.IsNegativeInfinity(logDropped) ? 0 : Math.Exp(logDropped - value);
                sum += w * (constant + gammaR[k] + value);
                g[0] += w * (psiR[k] + logAlpha + ((1 - pi) * alive[0]) + (pi * dropped[0]));
                g[1] += w * ((model.R / model.Alpha) + ((1 - pi) * alive[1]) + (pi * dropped[1]));
                g[2] += w * (logBeta + ((1 - pi) * alive[2]) + (pi * dropped[2]));
                g[3] += w * ((model.S / model.Beta) + ((1 - pi) * alive[3]) + (pi * dropped[3]));
            }

            return sum;
        });

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
        return ModelMath.Finite(rate * OneMinusExpOverK(S - 1, Log1p(t / (Beta + T))) * pAlive, "Pareto/NBD conditional expectation");
    }

    public double ProbabilityAlive(int x, double tx, double T)
    {
        ModelMath.RequireHistory(x, tx, T);
        LogTerms(x, tx, T, out var alive, out var dropped);
        return Math.Exp(alive - LogAddExp(alive, dropped));
    }

    /// <summary>
    /// The two likelihood pieces without the Γ(r+x) α^r β^s / Γ(r) factor: still alive at T, and dropped out between t_x
    /// and T (ln of s·I, I = ∫_{t_x}^{T} (α+τ)^{−(r+x)} (β+τ)^{−(s+1)} dτ), each with its gradient in (r, α, s, β) when
    /// arrays are given. I = (G(t_x) − G(T)) / (r+s+x) with G(τ) = (m+τ)^{−(r+s+x)} ₂F₁(r+s+x, b; r+s+x+1; |α−β|/(m+τ)),
    /// m = max(α, β) and b = s+1 when α ≥ β, else r+x: the branch that keeps the argument in [0, 1).
    /// </summary>
    private void LogTerms(int x, double tx, double T, out double alive, out double dropped, double[]? aliveGradient = null, double[]? droppedGradient = null, LogG? atStart = null)
    {
        var rx = R + x;
        var a = R + S + x;
        double logAlphaT = Math.Log(Alpha + T), logBetaT = Math.Log(Beta + T);
        alive = -(rx * logAlphaT) - (S * logBetaT);
        if (aliveGradient != null)
        {
            aliveGradient[0] = -logAlphaT;
            aliveGradient[1] = -rx / (Alpha + T);
            aliveGradient[2] = -logBetaT;
            aliveGradient[3] = -S / (Beta + T);
        }

        var atTx = atStart ?? At(x, tx);
        var atT = At(x, T);

        // I is an integral over (t_x, T): zero when t_x = T, and rounding may make the difference a hair negative.
        if (!(atTx.Value > atT.Value))
        {
            dropped = double.NegativeInfinity;
            return;
        }

        var rho = Math.Exp(atT.Value - atTx.Value);
        dropped = Math.Log(S / a) + atTx.Value + Log1p(-rho);
        if (droppedGradient != null)
        {
            // ∇ ln(G₀ − G₁) = (∇ln G₀ − ρ ∇ln G₁)/(1 − ρ), plus ∇ ln(s / a).
            var scale = 1 / (1 - rho);
            droppedGradient[0] = ((atTx.R - (rho * atT.R)) * scale) - (1 / a);
            droppedGradient[1] = (atTx.Alpha - (rho * atT.Alpha)) * scale;
            droppedGradient[2] = ((atTx.S - (rho * atT.S)) * scale) - (1 / a) + (1 / S);
            droppedGradient[3] = (atTx.Beta - (rho * atT.Beta)) * scale;
        }
    }

    /// <summary>ln G(τ) of <see cref="LogTerms"/> and its gradient in (r, α, s, β).</summary>
    private LogG At(int x, double tau)
    {
        var a = R + S + x;
        if (Alpha >= Beta)
        {
            var m = Alpha + tau;
            var f = HypergeometricAPlusOne.Log2F1(a, S + 1, (Alpha - Beta) / m);
            var logM = Math.Log(m);
            return new LogG(f.Value - (a * logM), -logM + f.DA, (-a / m) + (f.DZ * (Beta + tau) / (m * m)), -logM + f.DA + f.DB, -f.DZ / m);
        }
        else
        {
            var m = Beta + tau;
            var f = HypergeometricAPlusOne.Log2F1(a, R + x, (Beta - Alpha) / m);
            var logM = Math.Log(m);
            return new LogG(f.Value - (a * logM), -logM + f.DA + f.DB, -f.DZ / m, -logM + f.DA, (-a / m) + (f.DZ * (Alpha + tau) / (m * m)));
        }
    }

    /// <summary>ln G(τ) with its partial derivatives in r, α, s and β.</summary>
    private readonly struct LogG
    {
        public LogG(double value, double r, double alpha, double s, double beta)
        {
            Value = value;
            R = r;
            Alpha = alpha;
            S = s;
            Beta = beta;
        }

        public double Value { get; }

        public double R { get; }

        public double Alpha { get; }

        public double S { get; }

        public double Beta { get; }
    }
}
