using System;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Numerics;

namespace Rapport.Clv.Tests;

public class NumericsTests
{
    [TestCase(1.0, 0.0)]
    [TestCase(2.0, 0.0)]
    [TestCase(0.5, 0.57236494292470008707)]
    [TestCase(10.0, 12.801827480081469611)]
    [TestCase(0.001, 6.9071788853838536)]
    [TestCase(100.0, 359.13420536957539878)]
    [TestCase(1e6, 12815504.569147611)]
    public void LogGamma_matches_reference_values(double x, double expected)
    {
        Assert.That(SpecialFunctions.LogGamma(x), Is.EqualTo(expected).Within(Math.Max(1e-14, Math.Abs(expected) * 1e-14)));
    }

    [Test]
    public void LogGamma_satisfies_the_recurrence_across_the_method_switch()
    {
        for (var x = 0.05; x < 40; x += 0.37)
        {
            Assert.That(SpecialFunctions.LogGamma(x + 1) - SpecialFunctions.LogGamma(x), Is.EqualTo(Math.Log(x)).Within(1e-13 * Math.Max(1, Math.Abs(SpecialFunctions.LogGamma(x)))), $"x={x}");
        }
    }

    [TestCase(0.3)]
    [TestCase(0.9)]
    [TestCase(0.9999)]
    public void Hypergeometric_matches_closed_forms(double z)
    {
        // 2F1(1,1;2;z) = −ln(1−z)/z and 2F1(a,b;b;z) = (1−z)^−a.
        Assert.That(Hypergeometric.Log2F1(1, 1, 2, z), Is.EqualTo(Math.Log(-Math.Log(1 - z) / z)).Within(1e-12));
        Assert.That(Hypergeometric.Log2F1(2.5, 3, 3, z), Is.EqualTo(-2.5 * Math.Log(1 - z)).Within(1e-10));
    }

    [Test]
    public void Hypergeometric_with_large_parameters_does_not_overflow()
    {
        // 2F1(a,b;b;z) with a = 5000: the plain series value is e^{3465}, far beyond double.
        Assert.That(Hypergeometric.Log2F1(5000, 7, 7, 0.5), Is.EqualTo(-5000 * Math.Log(0.5)).Within(1e-8 * 5000));
    }

    [Test]
    public void Hypergeometric_refuses_arguments_outside_the_series_domain()
    {
        Assert.Throws<ClvNumericException>(() => Hypergeometric.Log2F1(1, 1, 2, 1));
        Assert.Throws<ClvNumericException>(() => Hypergeometric.Log2F1(-1, 1, 2, 0.5));
    }

    [Test]
    public void Optimizer_finds_the_Rosenbrock_minimum()
    {
        var result = Optimizer.Minimize(p => Math.Pow(1 - p[0], 2) + (100 * Math.Pow(p[1] - (p[0] * p[0]), 2)), new[] { -1.2, 1.0 });

        Assert.That(result.Converged, Is.True);
        Assert.That(result.Point[0], Is.EqualTo(1).Within(1e-4));
        Assert.That(result.Point[1], Is.EqualTo(1).Within(1e-4));
    }

    [Test]
    public void Optimizer_steps_back_from_regions_where_the_objective_fails()
    {
        // Undefined for x < 0.5; minimum at x = 2.
        var result = Optimizer.Minimize(p => p[0] < 0.5 ? throw new ClvNumericException("undefined") : Math.Pow(p[0] - 2, 2), new[] { 0.6 });

        Assert.That(result.Point[0], Is.EqualTo(2).Within(1e-4));
    }

    [Test]
    public void Log_space_helpers_are_accurate_for_tiny_arguments()
    {
        Assert.That(SpecialFunctions.Log1p(1e-12), Is.EqualTo(1e-12).Within(1e-24));
        Assert.That(SpecialFunctions.Expm1(1e-12), Is.EqualTo(1e-12).Within(1e-24));
        Assert.That(SpecialFunctions.LogAddExp(1000, 1000), Is.EqualTo(1000 + Math.Log(2)).Within(1e-12));
        Assert.That(SpecialFunctions.LogSubExp(1000, 1000), Is.EqualTo(double.NegativeInfinity));
    }
}
