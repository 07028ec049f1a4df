using System;
using System.Linq;
using Rapport.Domain.Clv.Models;

namespace Rapport.Clv.Tests;

/// <summary>
/// Donors who give steadily and never lapse push BG/NBD to its boundary: r, α and b run off to infinity and a to 0,
/// i.e. a Poisson process with rate λ = r/α and no dropout, whose expectation is E[X(t)] = λt exactly. The reference is
/// that limit and the closed form evaluated at 60 digits with mpmath 1.3.0 (hyp2f1, dps=60) for the parameters a real fit
/// reached; both agree to 16 digits. A ln(α/(α+t)) taken as the log of a ratio ≈ 1 lost eight digits there and drew a
/// cumulative tracking curve that went down (0.39 at week 1, 0.29 at week 3).
/// </summary>
public class DegenerateLimitTests
{
    private static readonly BgNbdModel AtTheBoundary = new(1049098.3574083906, 21658013.703645222, 1.4483987339294177E-13, 18988055.862389915);

    [TestCase(6, 0.04151937365066672)]
    [TestCase(20, 0.13839791216888908)]
    [TestCase(365, 2.5257618970822255)]
    [TestCase(1000, 6.919895608444453)]
    public void BG_NBD_at_its_no_dropout_boundary_expects_the_Poisson_count(int days, double mpmath)
    {
        var t = days / 7.0;

        Assert.That(AtTheBoundary.ExpectedTransactions(t), Is.EqualTo(mpmath).Within(1e-5).Percent);
        Assert.That(AtTheBoundary.ExpectedTransactions(t), Is.EqualTo(AtTheBoundary.R / AtTheBoundary.Alpha * t).Within(1e-5).Percent);
    }

    [Test]
    public void BG_NBD_at_its_boundary_expects_more_every_day()
    {
        var daily = Enumerable.Range(1, 1200).Select(d => AtTheBoundary.ExpectedTransactions(d / 7.0)).ToList();

        Assert.That(daily, Is.Ordered.And.Unique);
    }

    [Test]
    public void MBG_NBD_and_the_conditional_expectation_keep_their_digits_when_alpha_is_large()
    {
        // MBG/NBD with a → 0 is the same no-dropout Poisson limit; given x purchases in T the rate's posterior is
        // Gamma(r + x, α + T), so the conditional expectation is (r + x)/(α + T)·t.
        var mbg = new MbgNbdModel(AtTheBoundary.R, AtTheBoundary.Alpha, AtTheBoundary.A, AtTheBoundary.B);
        var lambda = AtTheBoundary.R / AtTheBoundary.Alpha;
        Assert.Multiple(() =>
        {
            Assert.That(mbg.ExpectedTransactions(20 / 7.0), Is.EqualTo(lambda * 20 / 7.0).Within(1e-5).Percent);
            Assert.That(AtTheBoundary.ConditionalExpectedTransactions(52, 12, 150, 160), Is.EqualTo((AtTheBoundary.R + 12) / (AtTheBoundary.Alpha + 160) * 52).Within(1e-4).Percent);
            Assert.That(AtTheBoundary.ProbabilityAlive(12, 150, 160), Is.EqualTo(1).Within(1e-9));
        });
    }
}
