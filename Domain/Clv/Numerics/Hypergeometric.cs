using System;

namespace Rapport.Domain.Clv.Numerics;

/// <summary>
/// ln ₂F₁(a, b; c; z) for a, b, c &gt; 0 and 0 ≤ z &lt; 1, by the power series summed with a running scale so
/// large parameters never overflow. When a + b &gt; c the Euler transformation
/// ₂F₁(a,b;c;z) = (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z) is used because its terms grow less near z = 1.
/// </summary>
public static class Hypergeometric
{
    private const int MaxTerms = 5_000_000;

    public static double Log2F1(double a, double b, double c, double z)
    {
        if (!(a > 0) || !(b > 0) || !(c > 0) || double.IsInfinity(a) || double.IsInfinity(b) || double.IsInfinity(c))
        {
            throw new ClvNumericException($"2F1 needs finite positive a, b, c; got a={a}, b={b}, c={c}.");
        }

        if (!(z >= 0) || !(z < 1))
        {
            throw new ClvNumericException($"2F1 series needs 0 <= z < 1, got z={z}.");
        }

        if (z == 0)
        {
            return 0;
        }

        if (a + b > c && c - a > 0 && c - b > 0)
        {
            return ((c - a - b) * SpecialFunctions.Log1p(-z)) + LogSeries(c - a, c - b, c, z);
        }

        return LogSeries(a, b, c, z);
    }

    private static double LogSeries(double a, double b, double c, double z)
    {
        // All terms are positive here; rescale whenever the partial sum gets large.
        double sum = 1, term = 1, logScale = 0;
        for (var k = 0; k < MaxTerms; k++)
        {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (sum > 1e250)
            {
                logScale += System.Math.Log(sum);
                term /= sum;
                sum = 1;
            }

            // Stop only once terms are shrinking, so a still-rising run of terms is never cut off.
            var ratio = (a + k + 1) * (b + k + 1) / ((c + k + 1) * (k + 2)) * z;
            if (term < 1e-17 * sum && ratio < 1)
            {
                return logScale + System.Math.Log(sum);
            }
        }

        throw new ClvNumericException(
            $"2F1({a}, {b}; {c}; {z}) series did not converge in {MaxTerms} terms (z too close to 1).");
    }
}
