using System;
using System.Collections.Generic;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Models;
using Rapport.Domain.Clv.Simulation;

namespace Rapport.Clv.Tests;

/// <summary>
/// Issue 22: an interval on a customer's prediction from the parameters' uncertainty (parametric bootstrap from the
/// inverse Hessian), with its coverage checked by simulation from a known model: the BG/NBD at the CDNOW estimates of
/// Fader, Hardie &amp; Lee (2005) (r = 0.243, α = 4.414, a = 0.793, b = 2.426), the quantity their paper works for
/// one customer: expected purchases in the next 39 weeks for x = 2, t_x = 30.43, T = 38.86 (1.226 at those values).
/// </summary>
public class ParameterUncertaintyTests
{
    private static readonly BgNbdModel Known = new(0.243, 4.414, 0.793, 2.426);

    private static double Quantity(IReadOnlyDictionary<string, double> p) =>
        new BgNbdModel(p["r"], p["alpha"], p["a"], p["b"]).ConditionalExpectedTransactions(39, 2, 30.43, 38.86);

    [Test]
    public void Known_model_gives_the_paper_s_worked_value()
    {
        Assert.That(Quantity(new Dictionary<string, double> { ["r"] = 0.243, ["alpha"] = 4.414, ["a"] = 0.793, ["b"] = 2.426 }), Is.EqualTo(1.226).Within(0.0005));
    }

    [Test]
    public void Ninety_percent_intervals_cover_the_true_value_about_ninety_times_in_a_hundred()
    {
        var truth = Quantity(new Dictionary<string, double> { ["r"] = Known.R, ["alpha"] = Known.Alpha, ["a"] = Known.A, ["b"] = Known.B });
        const int datasets = 60;
        int covered = 0, below = 0;
        double width = 0;
        for (var s = 0; s < datasets; s++)
        {
            var data = BgNbdSimulator.Generate(Known, 2357, seed: 1000 + s);
            var fit = BgNbdModel.Fit(data, new FitOptions(StandardErrors: true));
            Assert.That(fit.LogCovariance, Is.Not.Null, $"dataset {s}: the Hessian is positive definite");
            var interval = ParameterUncertainty.Interval(Quantity, fit.Names, fit.Values, fit.LogCovariance!, level: 0.90, draws: 300, seed: s);
            covered += interval.Low <= truth && truth <= interval.High ? 1 : 0;
            below += truth < interval.Low ? 1 : 0;
            width += interval.High - interval.Low;
        }

        TestContext.Out.WriteLine($"covered {covered} of {datasets}, truth below the interval {below} times, mean width {width / datasets:0.000}");
        // Binomial(60, 0.9): mean 54, sd 2.3; 48..60 holds with probability > 0.99 when the intervals are right.
        Assert.Multiple(() =>
        {
            Assert.That(covered, Is.InRange(48, 60));
            Assert.That(width / datasets, Is.GreaterThan(0.01).And.LessThan(0.5), "an interval of sensible width, not a wide net");
        });
    }

    [Test]
    public void Interval_is_refused_without_a_usable_covariance()
    {
        var error = Assert.Throws<ClvNumericException>(() => ParameterUncertainty.Interval(
            Quantity, ["r", "alpha", "a", "b"], [0.243, 4.414, 0.793, 2.426], new double[4, 4]))!;
        Assert.That(error.Message, Does.Contain("not positive definite"));
    }
}
