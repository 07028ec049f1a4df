using Rapport.Domain.Clv.Numerics;

namespace Rapport.Domain.Clv.Models;

/// <summary>Small helpers shared by the model formulas.</summary>
internal static class ModelMath
{
    /// <summary>
    /// Several closed forms divide by (shape − 1) and are continuous through shape = 1; nudging the shape by 1e-7 keeps
    /// them finite at a relative cost of ~1e-7.
    /// </summary>
    public static double AwayFromOne(double shape) => System.Math.Abs(shape - 1) < 1e-7 ? 1 + (shape >= 1 ? 1e-7 : -1e-7) : shape;

    /// <summary>ln Γ(a + x) − ln Γ(a) for each distinct x.</summary>
    public static double[] LogGammaRatios(double a, int[] distinctX)
    {
        var table = new double[distinctX.Length];
        var baseline = SpecialFunctions.LogGamma(a);
        for (var i = 0; i < distinctX.Length; i++)
        {
            table[i] = SpecialFunctions.LogGamma(a + distinctX[i]) - baseline;
        }

        return table;
    }

    /// <summary>ln Γ(a + x) − ln Γ(a) and its derivative ψ(a + x) − ψ(a), for each distinct x.</summary>
    public static double[] GammaRatioTables(double a, int[] distinctX, out double[] psi)
    {
        psi = DigammaDifferences(a, distinctX);
        return LogGammaRatios(a, distinctX);
    }

    /// <summary>ψ(a + x) − ψ(a) for each distinct x: the derivative of <see cref="LogGammaRatios"/> with respect to a.</summary>
    public static double[] DigammaDifferences(double a, int[] distinctX)
    {
        var table = new double[distinctX.Length];
        var baseline = SpecialFunctions.Digamma(a);
        for (var i = 0; i < distinctX.Length; i++)
        {
            var x = distinctX[i];
            if (x <= 32)
            {
                // Σ 1/(a + j) is exact to rounding where ψ(a + x) − ψ(a) would cancel.
                var sum = 0.0;
                for (var j = 0; j < x; j++)
                {
                    sum += 1 / (a + j);
                }

                table[i] = sum;
            }
            else
            {
                table[i] = SpecialFunctions.Digamma(a + x) - baseline;
            }
        }

        return table;
    }

    public static void RequireHorizon(double t)
    {
        if (!(t >= 0) || double.IsInfinity(t))
        {
            throw new ClvInputException($"Horizon must be a finite number >= 0, got {t}.", "horizon");
        }
    }

    public static void RequireHistory(int x, double tx, double T)
    {
        if (x < 0 || !(tx >= 0) || !(T > 0) || double.IsInfinity(T) || tx > T * (1 + 1e-9) + 1e-9)
        {
            throw new ClvInputException($"Invalid history x={x}, t_x={tx}, T={T}: need x >= 0 and 0 <= t_x <= T, T > 0.");
        }
    }

    public static double Finite(double value, string what)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ClvNumericException($"{what} is not finite ({value}).");
        }

        return value;
    }
}
