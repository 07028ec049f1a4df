using System;

namespace Rapport.Domain.Clv.Numerics;

/// <summary>ln ₂F₁(a, b; a + 1; z) with its partial derivatives.</summary>
public readonly struct LogHypergeometric
{
    public LogHypergeometric(double value, double da, double db, double dz)
    {
        Value = value;
        DA = da;
        DB = db;
        DZ = dz;
    }

    /// <summary>ln ₂F₁(a, b; a + 1; z).</summary>
    public double Value { get; }

    /// <summary>∂/∂a of <see cref="Value"/>.</summary>
    public double DA { get; }

    /// <summary>∂/∂b of <see cref="Value"/>.</summary>
    public double DB { get; }

    /// <summary>∂/∂z of <see cref="Value"/>.</summary>
    public double DZ { get; }
}

/// <summary>
/// ₂F₁(a, b; a + 1; z) = a z^(−a) B_z(a, 1 − b), the function the Pareto/NBD likelihood needs, for a, b &gt; 0 and
/// 0 ≤ z &lt; 1. Two evaluations cover the domain: the power series Σ a/(a+k) (b)_k/k! z^k where it converges fast
/// (z ≤ ½), and otherwise the continued fraction of the incomplete beta function (Euler's transformation
/// F = (1−z)^(1−b) ₂F₁(1, a+1−b; a+1; z) expanded as Gauss's fraction, evaluated by the modified Lentz method), which
/// converges for every z &lt; 1 and fastest when z &lt; (a+1)/(a+3−b). Neither needs Γ at the parameters, so there is
/// no degenerate case at integer b or a − b. Near z = 1 with a ≤ 20 the fraction slows and loses digits; there the
/// integral is split at ½ (see <see cref="NearOne"/>). Both are written with <see cref="Dual3"/> numbers, so the derivatives
/// with respect to a, b and z are those of the very sum or fraction that gives the value.
/// </summary>
public static class HypergeometricAPlusOne
{
    private const int MaxTerms = 2_000_000;
    private const double Tiny = 1e-300;

    public static LogHypergeometric Log2F1(double a, double b, double z)
    {
        if (!(a > 0) || !(b > 0) || double.IsInfinity(a) || double.IsInfinity(b))
        {
            throw new ClvNumericException($"2F1(a, b; a+1; z) needs finite positive a and b; got a={a}, b={b}.");
        }

        if (!(z >= 0) || !(z < 1))
        {
            throw new ClvNumericException($"2F1(a, b; a+1; z) needs 0 <= z < 1, got z={z}.");
        }

        if (z == 0)
        {
            return new LogHypergeometric(0, 0, 0, a * b / (a + 1));
        }

        // The series needs ~ b·z/(1−z) terms before its terms fall; the fraction is quick in its fast region and slow,
        // losing digits, as z → 1 outside it, where the split integral takes over (its cancellation grows like 1.5^a).
        var fastFraction = a + 3 - b <= 0 || z < (a + 1) / (a + 3 - b);
        if (z <= 0.5 && !(fastFraction && b > 32))
        {
            return Series(a, b, z);
        }

        return z > 0.9 && a <= 20 ? NearOne(a, b, z) : Fraction(a, b, z);
    }

    /// <summary>
    /// Σ t_k with t_k = a/(a+k) · u_k, u_k = (b)_k z^k / k!, and its derivatives written out term by term (the hot path
    /// of the Pareto/NBD likelihood): ∂t_k/∂a = t_k k/(a(a+k)), ∂t_k/∂b = t_k Σ_{j&lt;k} 1/(b+j), ∂t_k/∂z = t_k k/z.
    /// </summary>
    private static LogHypergeometric Series(double a, double b, double z)
    {
        double u = 1, harmonic = 0;
        double sum = 1, sumA = 0, sumB = 0, sumKz = 0;
        var logScale = 0.0;
        for (var k = 0; k < MaxTerms; k++)
        {
            harmonic += 1 / (b + k);
            u *= (b + k) * z / (k + 1);
            var weight = a / (a + k + 1);
            var term = u * weight;
            sum += term;
            sumA += term * (k + 1) / (a * (a + k + 1));
            sumB += term * harmonic;
            sumKz += term * (k + 1);
            if (sum > 1e250)
            {
                logScale += Math.Log(sum);
                u /= sum;
                sumA /= sum;
                sumB /= sum;
                sumKz /= sum;
                sum = 1;
            }

            if (term < 1e-17 * sum && (b + k + 1) * z < k + 2)
            {
                return new LogHypergeometric(logScale + Math.Log(sum), sumA / sum, sumB / sum, sumKz / (z * sum));
            }
        }

        throw new ClvNumericException($"2F1({a}, {b}; {a + 1}; {z}) series did not converge in {MaxTerms} terms.");
    }

    private static LogHypergeometric Fraction(double a, double b, double z)
    {
        // Incomplete beta B_z(p, q) with p = a, q = 1 − b: B_z = z^p (1−z)^q / p · h, and F = (1−z)^(1−b) h.
        var p = new Dual3(a, 1, 0, 0);
        var q = new Dual3(1 - b, 0, -1, 0);
        var x = new Dual3(z, 0, 0, 1);
        var pq = p + q;
        var c = Dual3.Constant(1);
        var d = Guard(1 - (pq * x / (p + 1)));
        d = 1 / d;
        var h = d;
        for (var m = 1; m < MaxTerms; m++)
        {
            var m2 = 2 * m;
            var even = (q + (-m)) * m * x / ((p + (m2 - 1)) * (p + m2));
            d = 1 / Guard(1 + (even * d));
            c = Guard(1 + (even / c));
            h = h * d * c;
            var odd = (p + m) * (pq + m) * x / ((p + m2) * (p + (m2 + 1))) * -1;
            d = 1 / Guard(1 + (odd * d));
            c = Guard(1 + (odd / c));
            var step = d * c;
            h *= step;
            if (Math.Abs(step.V - 1) < 3e-16)
            {
                var log1mz = SpecialFunctions.Log1p(-z);
                return new LogHypergeometric(
                    ((1 - b) * log1mz) + Math.Log(h.V),
                    h.A / h.V,
                    -log1mz + (h.B / h.V),
                    ((b - 1) / (1 - z)) + (h.Z / h.V));
            }
        }

        throw new ClvNumericException($"2F1({a}, {b}; {a + 1}; {z}) continued fraction did not converge in {MaxTerms} steps.");
    }

    /// <summary>
    /// Near z = 1: F = a z^(−a) (J½ + K) with J½ = ∫₀^½ u^(a−1) (1−u)^(−b) du = 2^(−a) F(a, b; ½) / a from the series,
    /// and K = ∫_{1−z}^{½} (1−v)^(a−1) v^(−b) dv = Σ_k c_k ∫ v^(k−b) dv with c_k = (1−a)_k / k!, each integral
    /// (2^(−e) − v₀^e)/e, e = k+1−b, taken as v₀^e·expm1(e·D)/e, D = ln(1/(2v₀)), so e = 0 (integer b) is no special case.
    /// </summary>
    private static LogHypergeometric NearOne(double a, double b, double z)
    {
        var half = Series(a, b, 0.5);
        var ln2 = Math.Log(2);
        var logHalfPart = -(a * ln2) + half.Value - Math.Log(a);
        double halfA = -ln2 + half.DA - (1 / a), halfB = half.DB;

        // K = v₀^(1−b) Σ c_k S_k with S_k = v₀^k (e^(e_k D) − 1)/e_k, summed with derivatives in a (through c_k),
        // b (through e_k) and z (through v₀ = 1 − z).
        var v0 = 1 - z;
        var logV0 = Math.Log(v0);
        var d = -ln2 - logV0;
        var dLogV0 = -1 / v0;
        double c = 1, cA = 0;
        double sum = 0, sumA = 0, sumB = 0, sumZ = 0;
        var terms = (int)Math.Ceiling(a) + 64;
        for (var k = 0; k < terms; k++)
        {
            var e = k + 1 - b;
            var ed = e * d;
            var powK = Math.Exp(k * logV0);

            // grow = v₀^k e^(eD), taken in one exponent so neither factor overflows alone.
            var grow = Math.Exp((k * logV0) + ed);
            double s, sE;
            if (Math.Abs(ed) < 0.1)
            {
                s = powK * ExpmOneOver(e, d);
                sE = powK * ExpmOneOverPrime(e, d);
            }
            else
            {
                s = (grow - powK) / e;
                sE = ((d * grow) - s) / e;
            }

            var sZ = dLogV0 * ((k * s) - grow);
            sum += c * s;
            sumA += cA * s;
            sumB -= c * sE;
            sumZ += c * sZ;

            // c_{k+1} = c_k (k+1−a)/(k+1), with its derivative in a.
            cA = ((cA * (k + 1 - a)) - c) / (k + 1);
            c = c * (k + 1 - a) / (k + 1);
        }

        if (!(sum > 0))
        {
            throw new ClvNumericException($"2F1({a}, {b}; {a + 1}; {z}) near z = 1 lost all precision.");
        }

        var logK = ((1 - b) * logV0) + Math.Log(sum);
        double kA = sumA / sum, kB = -logV0 + (sumB / sum), kZ = ((1 - b) * dLogV0) + (sumZ / sum);

        // ln J = ln(J½ + K), derivatives weighted by the two shares; then ln F = ln a − a ln z + ln J.
        var logJ = SpecialFunctions.LogAddExp(logHalfPart, logK);
        var halfShare = Math.Exp(logHalfPart - logJ);
        var kShare = Math.Exp(logK - logJ);
        return new LogHypergeometric(
            Math.Log(a) - (a * Math.Log(z)) + logJ,
            (1 / a) - Math.Log(z) + (halfShare * halfA) + (kShare * kA),
            (halfShare * halfB) + (kShare * kB),
            (-a / z) + (kShare * kZ));
    }

    /// <summary>expm1(eD)/e = Σ_{n≥1} e^(n−1) D^n / n!, for |eD| &lt; 0.1 (D at e = 0).</summary>
    private static double ExpmOneOver(double e, double d)
    {
        double sum = 0, term = d;
        for (var n = 1; n <= 16; n++)
        {
            sum += term;
            term *= e * d / (n + 1);
        }

        return sum;
    }

    /// <summary>∂/∂e of expm1(eD)/e by its series, for |eD| &lt; 0.1.</summary>
    private static double ExpmOneOverPrime(double e, double d)
    {
        // Σ_{n≥2} (n−1) e^(n−2) D^n / n!
        double sum = 0, power = d * d / 2;
        for (var n = 2; n <= 16; n++)
        {
            sum += (n - 1) * power;
            power *= e * d / (n + 1);
        }

        return sum;
    }

    private static Dual3 Guard(Dual3 v) => Math.Abs(v.V) < Tiny ? Dual3.Constant(Tiny) : v;
}
