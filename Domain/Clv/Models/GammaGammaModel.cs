using System;
using System.Collections.Generic;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Numerics;
using static Rapport.Domain.Clv.Numerics.SpecialFunctions;

namespace Rapport.Domain.Clv.Models;

/// <summary>
/// Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005; Fader &amp; Hardie 2013): transaction values gamma(p, ν) with
/// ν ~ gamma(q, γ). Fitted on repeat customers (x &gt; 0) by the density of their average repeat value z̄.
/// </summary>
public sealed record GammaGammaModel(double P, double Q, double Gamma)
{
    public const string ModelName = "gammagamma";

    public static readonly string[] ParameterNames = { "p", "q", "gamma" };

    public static GammaGammaModel From(FitResult fit) => new(fit["p"], fit["q"], fit["gamma"]);

    public static FitResult Fit(IReadOnlyList<CustomerSummary> customers, FitOptions? options = null) => Fit(Repeaters(customers), options);

    public static FitResult Fit(SummaryColumns customers, FitOptions? options = null) => Fit(Repeaters(customers), options);

    private static FitResult Fit(CompressedSummary data, FitOptions? options)
    {
        var mean = 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            mean += data.Value[i] * data.Weight[i] / data.TotalWeight;
        }

        var start = new[] { 1, 2, mean };
        return ModelFitter.Fit(ModelName, ParameterNames, start, data, LogLikelihood, options);
    }

    /// <summary>Customers with repeat purchases, grouped by (x, z̄); a repeater with z̄ ≤ 0 is rejected.</summary>
    public static CompressedSummary Repeaters(IReadOnlyList<CustomerSummary> customers)
    {
        for (var i = 0; i < customers.Count; i++)
        {
            if (customers[i].Frequency > 0 && !(customers[i].MonetaryValue > 0))
            {
                throw new ClvInputException(
                    $"Invalid monetary value at row {i + 1} (customer '{customers[i].Id}'): a customer with repeat purchases needs an average value > 0, got {customers[i].MonetaryValue}.",
                    "zbar");
            }
        }

        return CompressedSummary.From(customers, useValue: true, repeatersOnly: true);
    }

    /// <summary>As <see cref="Repeaters(IReadOnlyList{CustomerSummary})"/>, for columns (the error names the row number).</summary>
    public static CompressedSummary Repeaters(SummaryColumns customers)
    {
        for (var i = 0; i < customers.Count; i++)
        {
            if (customers.Frequency[i] > 0 && !(customers.MonetaryValue[i] > 0))
            {
                throw new ClvInputException(
                    $"Invalid monetary value at row {i + 1}: a customer with repeat purchases needs an average value > 0, got {customers.MonetaryValue[i]}.",
                    "zbar");
            }
        }

        return CompressedSummary.From(customers, useValue: true, repeatersOnly: true);
    }

    /// <summary>Σ w · ln f(z̄ | x): the density of the average of x gamma(p, ν) values, with ν integrated out.</summary>
    public static double LogLikelihood(CompressedSummary data, double p, double q, double gamma) =>
        LogLikelihood(data, new[] { p, q, gamma }, new double[3]);

    /// <summary>
    /// The summed log-likelihood and its exact gradient: ∂/∂p = x[ψ(px+q) − ψ(px) + ln x + ln z̄ − ln(γ+xz̄)],
    /// ∂/∂q = ψ(px+q) − ψ(q) + ln γ − ln(γ+xz̄), ∂/∂γ = q/γ − (px+q)/(γ+xz̄).
    /// </summary>
    public static double LogLikelihood(CompressedSummary data, double[] parameters, double[] gradient, bool parallel = false)
    {
        double p = parameters[0], q = parameters[1], gamma = parameters[2];
        var logGamma = Math.Log(gamma);
        var logGammaQ = LogGamma(q);
        var psiQ = Digamma(q);

        // Everything that depends on x alone, once per distinct frequency.
        var perX = new double[data.DistinctX.Length];
        var psiPx = new double[data.DistinctX.Length];
        var psiPxQ = new double[data.DistinctX.Length];
        for (var k = 0; k < perX.Length; k++)
        {
            var px = p * data.DistinctX[k];
            perX[k] = LogGamma(px + q) - LogGamma(px) - logGammaQ + (q * logGamma) + (px * Math.Log(data.DistinctX[k]));
            psiPx[k] = Digamma(px);
            psiPxQ[k] = Digamma(px + q);
        }

        var total = ChunkedSum.Sum(data.Count, gradient, parallel, (from, to, g) =>
        {
            var sum = 0.0;
            for (var i = from; i < to; i++)
            {
                var x = data.X[i];
                var k = data.XIndex[i];
                var w = data.Weight[i];
                var px = p * x;
                var logZ = Math.Log(data.Value[i]);
                var spend = gamma + (x * data.Value[i]);
                var logSpend = Math.Log(spend);
                sum += w * (perX[k] + ((px - 1) * logZ) - ((px + q) * logSpend));
                g[0] += w * x * (psiPxQ[k] - psiPx[k] + Math.Log(x) + logZ - logSpend);
                g[1] += w * (psiPxQ[k] - psiQ + logGamma - logSpend);
                g[2] += w * ((q / gamma) - ((px + q) / spend));
            }

            return sum;
        });

        return ModelMath.Finite(total, "Gamma-Gamma log-likelihood");
    }

    /// <summary>Mean transaction value across the population, p·γ / (q − 1).</summary>
    public double PopulationMeanValue => Finite(P * Gamma / (Q - 1));

    /// <summary>E[Z | x, z̄]: the posterior mean transaction value, shrinking z̄ towards the population mean.</summary>
    public double ConditionalExpectedValue(int x, double averageValue)
    {
        if (x < 0 || !(averageValue >= 0) || double.IsInfinity(averageValue))
        {
            throw new ClvInputException($"Invalid spend history x={x}, average value={averageValue}: need x >= 0 and a finite average >= 0.");
        }

        return Finite(P * (Gamma + (x * averageValue)) / ((P * x) + Q - 1));
    }

    private double Finite(double value)
    {
        if (!(Q > 1))
        {
            throw new ClvNumericException($"Gamma-Gamma expected value needs q > 1 (the mean is infinite), got q = {Q}.");
        }

        return ModelMath.Finite(value, "Gamma-Gamma expected value");
    }
}
