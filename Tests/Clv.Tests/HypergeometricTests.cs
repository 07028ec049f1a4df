using System;
using System.Numerics;
using Rapport.Domain.Clv.Numerics;

namespace Rapport.Clv.Tests;

/// <summary>
/// ₂F₁(a, b; a+1; z) (the Pareto/NBD function) against references computed here by other methods: the power series in
/// exact BigInteger fixed-point arithmetic with 80 decimal digits (rational a, b, z), and, close to z = 1 where that
/// series would need millions of terms, tanh-sinh quadrature of Euler's integral F = ∫₀¹ (1 − z u^{1/a})^{−b} du.
/// </summary>
public class HypergeometricTests
{
    // (a, b, z) as exact fractions: a = an/ad, b = bn/bd, z = zn/zd. Both Pareto/NBD branches: b = s+1 or b = r+x.
    private static readonly object[] SeriesCases =
    {
        new object[] { 116, 100, 16, 10, 1, 10 },
        new object[] { 116, 100, 16, 10, 1, 2 },
        new object[] { 116, 100, 16, 10, 3, 4 },
        new object[] { 116, 100, 16, 10, 99, 100 },
        new object[] { 116, 100, 16, 10, 999, 1000 },
        new object[] { 3, 10, 12, 10, 9, 10 },
        new object[] { 3, 10, 2, 10, 99, 100 },
        new object[] { 5050, 100, 5, 1, 7, 10 },
        new object[] { 5050, 100, 4805, 100, 99, 100 },
        new object[] { 500, 1, 16, 10, 999, 1000 },
        new object[] { 50050, 100, 49995, 100, 6, 10 },
        new object[] { 2, 1, 3, 1, 6, 10 },
        new object[] { 2, 1, 2, 1, 95, 100 },
        new object[] { 1, 20, 3, 1, 999, 1000 },
        new object[] { 30, 1, 29, 1, 1, 2 },
        new object[] { 30, 1, 29, 1, 49, 100 },
    };

    [TestCaseSource(nameof(SeriesCases))]
    public void Matches_an_80_digit_BigInteger_series(int an, int ad, int bn, int bd, int zn, int zd)
    {
        var reference = ExactLogSeries(an, ad, bn, bd, zn, zd);

        var actual = HypergeometricAPlusOne.Log2F1((double)an / ad, (double)bn / bd, (double)zn / zd).Value;

        Assert.That(Math.Exp(actual - reference) - 1, Is.EqualTo(0).Within(2e-13), $"ln F = {actual}, reference {reference}");
    }

    [TestCase(1.16, 1.6, 1e-6)]
    [TestCase(0.3, 1.2, 1e-6)]
    [TestCase(1.16, 2.0, 1e-7)]
    [TestCase(0.05, 3.0, 1e-6)]
    [TestCase(20.5, 1.6, 1e-6)]
    [TestCase(19.5, 1.6, 1e-9)]
    [TestCase(2.5, 1.0, 1e-9)]
    [TestCase(0.7, 1.3, 1e-12)]
    [TestCase(4.0, 3.0, 0.02)]
    public void Matches_Euler_integral_quadrature_next_to_z_equal_1(double a, double b, double oneMinusZ)
    {
        // The reference gets the exact 1 − z of the double z the function is given (1 − 1e-7 itself rounds).
        var z = 1 - oneMinusZ;
        var reference = Math.Log(EulerIntegral(a, b, 1 - z));

        var actual = HypergeometricAPlusOne.Log2F1(a, b, z).Value;

        Assert.That(Math.Exp(actual - reference) - 1, Is.EqualTo(0).Within(2e-11), $"ln F = {actual}, reference {reference}");
    }

    [TestCase(1.16, 1.6, 0.3)]
    [TestCase(1.16, 1.6, 0.8)]
    [TestCase(50.5, 48.0, 0.4)]
    [TestCase(50.5, 1.6, 0.95)]
    [TestCase(0.4, 2.0, 0.99)]
    [TestCase(3.0, 1.0, 0.7)]
    [TestCase(1.16, 1.6, 0.9999)]
    [TestCase(2.0, 2.0, 0.95)]
    [TestCase(12.3, 4.5, 0.999)]
    [TestCase(25.0, 1.6, 0.999)]
    public void Derivatives_match_central_differences(double a, double b, double z)
    {
        var f = HypergeometricAPlusOne.Log2F1(a, b, z);
        const double h = 1e-6;

        Assert.Multiple(() =>
        {
            Assert.That(f.DA, Is.EqualTo(Difference(x => HypergeometricAPlusOne.Log2F1(x, b, z).Value, a, h * a)).Within(1e-7 * (1 + Math.Abs(f.DA))));
            Assert.That(f.DB, Is.EqualTo(Difference(x => HypergeometricAPlusOne.Log2F1(a, x, z).Value, b, h * b)).Within(1e-7 * (1 + Math.Abs(f.DB))));
            Assert.That(f.DZ, Is.EqualTo(Difference(x => HypergeometricAPlusOne.Log2F1(a, b, x).Value, z, h * Math.Min(z, 1 - z))).Within(1e-6 * (1 + Math.Abs(f.DZ))));
        });
    }

    [Test]
    public void Is_1_at_z_0_and_rejects_arguments_outside_its_domain()
    {
        Assert.That(HypergeometricAPlusOne.Log2F1(2, 3, 0).Value, Is.EqualTo(0));
        Assert.Throws<Rapport.Domain.Clv.ClvNumericException>(() => HypergeometricAPlusOne.Log2F1(2, 3, 1));
        Assert.Throws<Rapport.Domain.Clv.ClvNumericException>(() => HypergeometricAPlusOne.Log2F1(-1, 3, 0.5));
    }

    private static double Difference(Func<double, double> f, double x, double h) => (f(x + h) - f(x - h)) / (2 * h);

    /// <summary>ln Σ_k a/(a+k) (b)_k/k! z^k in fixed point with 10^80 as one, every step exact but the final division.</summary>
    private static double ExactLogSeries(int an, int ad, int bn, int bd, int zn, int zd)
    {
        var one = BigInteger.Pow(10, 80);
        var power = one;
        var sum = one;
        var stop = BigInteger.Pow(10, 25);
        for (var k = 0; k < 2_000_000; k++)
        {
            // power_{k+1} = power_k (b+k) z / (k+1); term = power_{k+1} · a / (a+k+1).
            power = power * (bn + ((BigInteger)k * bd)) * zn / ((BigInteger)bd * zd * (k + 1));
            var term = power * an / (an + ((BigInteger)(k + 1) * ad));
            sum += term;
            if (term < stop && (double)(bn + ((double)k * bd)) / bd * zn / zd < k + 1)
            {
                return BigInteger.Log(sum) - BigInteger.Log(one);
            }
        }

        throw new InvalidOperationException("reference series did not converge");
    }

    /// <summary>
    /// F = ∫₀¹ (1 − z u^{1/a})^{−b} du (Euler's integral after t = u^{1/a}) by tanh-sinh quadrature, halving the step
    /// until two levels agree; 1 − u is taken from the node formula so the peak at u = 1 is resolved.
    /// </summary>
    private static double EulerIntegral(double a, double b, double oneMinusZ)
    {
        var z = 1 - oneMinusZ;
        double Integrand(double oneMinusU)
        {
            // 1 − z u^{1/a} = (1 − z) + z (1 − u^{1/a}), with 1 − u^{1/a} = −expm1(log1p(−(1−u))/a).
            var w = -LogOnePlus(-oneMinusU) / a;
            var oneMinusPower = w < 1e-5 ? w * (1 - (w / 2) + (w * w / 6)) : 1 - Math.Exp(-w);
            return Math.Pow(oneMinusZ + (z * oneMinusPower), -b);
        }

        double previous = double.NaN;
        for (var level = 3; level <= 12; level++)
        {
            var h = Math.Pow(2, -level);
            var sum = 0.0;
            for (var k = -(int)(6 / h); k <= (int)(6 / h); k++)
            {
                var t = k * h;
                var s = Math.PI / 2 * Math.Sinh(t);
                var weight = Math.PI / 2 * Math.Cosh(t) / (Math.Cosh(s) * Math.Cosh(s));
                // u = (1 + tanh s)/2 on [0, 1]; 1 − u = e^{−s} / (2 cosh s), exact for large s.
                var oneMinusU = Math.Exp(-s) / (2 * Math.Cosh(s));
                if (oneMinusU <= 0 || oneMinusU >= 1 || weight == 0)
                {
                    continue;
                }

                sum += weight / 2 * Integrand(oneMinusU);
            }

            var estimate = sum * h;
            if (Math.Abs(estimate - previous) < 1e-15 * estimate)
            {
                return estimate;
            }

            previous = estimate;
        }

        return previous;
    }

    private static double LogOnePlus(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }
}
