using System;

namespace Rapport.Domain.Clv.Numerics;

/// <summary>Log-gamma, log-beta and the log-space helpers the likelihoods need (no Math.Log1p/Expm1 on net462).</summary>
public static class SpecialFunctions
{
    private const double HalfLogTwoPi = 0.91893853320467274178;

    // Lanczos g = 7, n = 9 coefficients: ~1e-15 relative for the small arguments it handles here.
    private static readonly double[] Lanczos =
    {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    };

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0) || double.IsInfinity(x))
        {
            throw new ClvNumericException($"LogGamma needs a finite positive argument, got {x}.");
        }

        if (x >= 15)
        {
            return Stirling(x);
        }

        if (x < 0.5)
        {
            // Reflection keeps the Lanczos sum in its accurate range: Γ(x)Γ(1-x) = π / sin(πx).
            return System.Math.Log(System.Math.PI / System.Math.Sin(System.Math.PI * x)) - LogGamma(1 - x);
        }

        var z = x - 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (z + i);
        }

        var t = z + 7.5;
        return HalfLogTwoPi + ((z + 0.5) * System.Math.Log(t)) - t + System.Math.Log(sum);
    }

    /// <summary>ψ(x) = d/dx ln Γ(x) for x &gt; 0: recurrence up to x ≥ 10, then the asymptotic series (~1e-15).</summary>
    public static double Digamma(double x)
    {
        if (!(x > 0) || double.IsInfinity(x))
        {
            throw new ClvNumericException($"Digamma needs a finite positive argument, got {x}.");
        }

        var shift = 0.0;
        while (x < 10)
        {
            shift -= 1 / x;
            x += 1;
        }

        var inv2 = 1 / (x * x);
        var tail = inv2 * ((1.0 / 12) - (inv2 * ((1.0 / 120) - (inv2 * ((1.0 / 252) - (inv2 * ((1.0 / 240) - (inv2 * ((1.0 / 132) - (inv2 * (691.0 / 32760)))))))))));
        return shift + System.Math.Log(x) - (0.5 / x) - tail;
    }

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>ln(e^a + e^b) without overflow.</summary>
    public static double LogAddExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
        {
            return b;
        }

        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        return a > b ? a + Log1p(System.Math.Exp(b - a)) : b + Log1p(System.Math.Exp(a - b));
    }

    /// <summary>ln(e^a − e^b) for a ≥ b; −∞ when equal.</summary>
    public static double LogSubExp(double a, double b)
    {
        if (b > a)
        {
            throw new ClvNumericException($"LogSubExp needs a >= b, got a={a}, b={b}.");
        }

        return double.IsNegativeInfinity(b) ? a : a + Log1p(-System.Math.Exp(b - a));
    }

    /// <summary>ln(1 + x), accurate for small x.</summary>
    public static double Log1p(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : System.Math.Log(u) * x / (u - 1);
    }

    /// <summary>e^x − 1, accurate for small x.</summary>
    public static double Expm1(double x)
    {
        if (System.Math.Abs(x) > 0.5)
        {
            return System.Math.Exp(x) - 1;
        }

        var u = System.Math.Exp(x);
        return u == 1 ? x : (u - 1) * x / System.Math.Log(u);
    }

    /// <summary>(1 − e^{−k·L}) / k with its k → 0 limit L; used where a shape parameter minus one may be ~0.</summary>
    public static double OneMinusExpOverK(double k, double logRatio)
    {
        return System.Math.Abs(k) < 1e-10 ? logRatio : -Expm1(-k * logRatio) / k;
    }

    private static double Stirling(double x)
    {
        var inv = 1 / x;
        var inv2 = inv * inv;
        var series = inv * ((1.0 / 12) - (inv2 * ((1.0 / 360) - (inv2 * ((1.0 / 1260) - (inv2 * (1.0 / 1680)))))));
        return ((x - 0.5) * System.Math.Log(x)) - x + HalfLogTwoPi + series;
    }
}
