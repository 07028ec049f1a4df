using System;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Models;

namespace Rapport.Clv.Tests;

/// <summary>
/// Every model's analytic gradient against central finite differences of its own log-likelihood, at random parameter
/// points (seeded) and at points chosen to reach each branch of the Pareto/NBD ₂F₁ (α ≥ β and α &lt; β, series and
/// continued fraction, integer s).
/// </summary>
public class GradientTests
{
    private delegate double Likelihood(CompressedSummary data, double[] parameters, double[] gradient, bool parallel);

    [Test]
    public void BgNbd_gradient_matches_finite_differences() =>
        Check(CompressedSummary.From(GoldenData.CdnowSummary()), (d, p, g, par) => BgNbdModel.LogLikelihood(d, p, g, par), new[] { 0.243, 4.414, 0.793, 2.426 }, seed: 1);

    [Test]
    public void MbgNbd_gradient_matches_finite_differences() =>
        Check(CompressedSummary.From(GoldenData.CdnowSummary()), (d, p, g, par) => MbgNbdModel.LogLikelihood(d, p, g, par), new[] { 0.525, 6.183, 0.891, 1.614 }, seed: 2);

    [Test]
    public void ParetoNbd_gradient_matches_finite_differences() =>
        Check(CompressedSummary.From(GoldenData.CdnowSummary()), (d, p, g, par) => ParetoNbdModel.LogLikelihood(d, p, g, par), new[] { 0.553, 10.578, 0.606, 11.669 }, seed: 3);

    [TestCase(0.5, 50.0, 0.6, 0.5)]
    [TestCase(0.5, 400.0, 1.0, 0.3)]
    [TestCase(2.0, 0.3, 1.5, 40.0)]
    [TestCase(1.0, 5.0, 2.0, 5.0)]
    [TestCase(0.2, 0.05, 3.0, 900.0)]
    public void ParetoNbd_gradient_matches_finite_differences_on_every_branch(double r, double alpha, double s, double beta)
    {
        var data = CompressedSummary.From(GoldenData.CdnowSummary());
        var p = new[] { r, alpha, s, beta };

        Compare(data, (d, q, g, par) => ParetoNbdModel.LogLikelihood(d, q, g, par), p);
    }

    [Test]
    public void GammaGamma_gradient_matches_finite_differences() =>
        Check(GammaGammaModel.Repeaters(GoldenData.CdnowSpend()), (d, p, g, par) => GammaGammaModel.LogLikelihood(d, p, g, par), new[] { 6.25, 3.74, 15.44 }, seed: 4);

    [Test]
    public void BgBb_gradient_matches_finite_differences() =>
        Check(CompressedSummary.From(GoldenData.Donations()), (d, p, g, par) => BgBbModel.LogLikelihood(d, p, g, par), new[] { 1.204, 0.750, 0.657, 2.783 }, seed: 5);

    /// <summary>The published point and six random points, each parameter scaled by e^U(−1.5, 1.5) around it.</summary>
    private static void Check(CompressedSummary data, Likelihood likelihood, double[] centre, int seed)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 7; trial++)
        {
            var p = new double[centre.Length];
            for (var i = 0; i < p.Length; i++)
            {
                p[i] = centre[i] * (trial == 0 ? 1 : Math.Exp((random.NextDouble() * 3) - 1.5));
            }

            Compare(data, likelihood, p);
        }
    }

    private static void Compare(CompressedSummary data, Likelihood likelihood, double[] p)
    {
        var gradient = new double[p.Length];
        var value = likelihood(data, p, gradient, false);
        for (var i = 0; i < p.Length; i++)
        {
            var h = 1e-6 * p[i];
            var up = (double[])p.Clone();
            var down = (double[])p.Clone();
            up[i] += h;
            down[i] -= h;
            var difference = (likelihood(data, up, new double[p.Length], false) - likelihood(data, down, new double[p.Length], false)) / (2 * h);

            // Rounding in the two sums (|value| ~ 1e4, each exact to ~1e-12 relative) limits the difference to ~1e-6 · |value| / h.
            var noise = 1e-11 * Math.Abs(value) / h;
            Assert.That(gradient[i], Is.EqualTo(difference).Within((2e-6 * Math.Abs(difference)) + noise + 1e-9), $"∂/∂p[{i}] at ({string.Join(", ", p)})");
        }
    }
}
