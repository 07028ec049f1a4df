using System;

namespace Rapport.Domain.Clv.Numerics;

/// <summary>
/// Unconstrained minimiser: BFGS with exact gradients (or central differences when only values are given) and a
/// backtracking (Armijo) line search, falling back to Nelder–Mead when BFGS stalls. Objective failures (exceptions,
/// NaN) count as +∞ so the line search simply steps back from parameter regions where a likelihood cannot be evaluated.
/// </summary>
public static class Optimizer
{
    private const double GradientStep = 1e-5;

    public static OptimizerResult Minimize(Func<double[], double> objective, double[] start, int maxIterations = 500) =>
        Minimize(
            (x, g) =>
            {
                var d = Gradient(objective, x);
                Array.Copy(d, g, d.Length);
                return objective(x);
            },
            start,
            maxIterations);

    /// <summary>
    /// Minimises a function that returns its value and writes its gradient into the second argument. An
    /// <paramref name="inverseHessian"/> estimate (from a fit of a sample of the same data, say) replaces the identity
    /// BFGS otherwise starts from, so it needs no iterations to learn the curvature again.
    /// </summary>
    public static OptimizerResult Minimize(Func<double[], double[], double> objective, double[] start, int maxIterations = 500, double[,]? inverseHessian = null)
    {
        Func<double[], double[], double> f = (x, g) => Safe(objective, x, g);
        var scaleTolerance = 1e-7;
        var bfgs = Bfgs(f, (double[])start.Clone(), maxIterations, scaleTolerance, inverseHessian);
        if (bfgs.Converged)
        {
            return bfgs;
        }

        var scratch = new double[start.Length];
        var simplex = NelderMead.Minimize(x => f(x, scratch), bfgs.Point, maxIterations * 10);
        var polished = Bfgs(f, simplex.Point, maxIterations, scaleTolerance);
        return new OptimizerResult(
            polished.Point,
            polished.Value,
            bfgs.Iterations + simplex.Iterations + polished.Iterations,
            polished.Converged,
            "bfgs+nelder-mead",
            polished.GradientNorm);
    }

    /// <summary>Central-difference gradient.</summary>
    public static double[] Gradient(Func<double[], double> f, double[] x)
    {
        var g = new double[x.Length];
        var probe = (double[])x.Clone();
        for (var i = 0; i < x.Length; i++)
        {
            var h = GradientStep * System.Math.Max(1, System.Math.Abs(x[i]));
            probe[i] = x[i] + h;
            var up = f(probe);
            probe[i] = x[i] - h;
            var down = f(probe);
            probe[i] = x[i];
            g[i] = (up - down) / (2 * h);
        }

        return g;
    }

    internal static double Safe(Func<double[], double> objective, double[] x)
    {
        try
        {
            var v = objective(x);
            return double.IsNaN(v) ? double.PositiveInfinity : v;
        }
        catch (ArithmeticException)
        {
            return double.PositiveInfinity;
        }
    }

    /// <summary>The objective, with failures (an exception, NaN in the value or gradient) reported as +∞.</summary>
    internal static double Safe(Func<double[], double[], double> objective, double[] x, double[] gradient)
    {
        try
        {
            var v = objective(x, gradient);
            return double.IsNaN(v) || double.IsNaN(MaxAbs(gradient)) || double.IsInfinity(MaxAbs(gradient)) ? double.PositiveInfinity : v;
        }
        catch (ArithmeticException)
        {
            return double.PositiveInfinity;
        }
    }

    private static OptimizerResult Bfgs(Func<double[], double[], double> f, double[] x, int maxIterations, double tolerance, double[,]? initial = null)
    {
        var n = x.Length;
        var g = new double[n];
        var fx = f(x, g);
        if (double.IsInfinity(fx))
        {
            return new OptimizerResult(x, fx, 0, false, "bfgs", double.PositiveInfinity);
        }

        var h = initial != null ? (double[,])initial.Clone() : Identity(n);
        var iteration = 0;
        var converged = false;
        for (; iteration < maxIterations; iteration++)
        {
            // Gradient test scaled by the objective: likelihoods are sums over thousands of customers.
            if (MaxAbs(g) <= tolerance * System.Math.Max(1, System.Math.Abs(fx)))
            {
                converged = true;
                break;
            }

            var d = Multiply(h, g, -1);
            var slope = Dot(g, d);
            if (!(slope < 0))
            {
                h = Identity(n);
                d = Multiply(h, g, -1);
                slope = Dot(g, d);
            }

            // Keep each trial step within e^±3 per (log-)parameter.
            var step = System.Math.Min(1, 3 / System.Math.Max(MaxAbs(d), 1e-300));
            var trial = new double[n];
            var gt = new double[n];
            double ft = double.PositiveInfinity;
            var accepted = false;
            for (var backtrack = 0; backtrack < 60; backtrack++)
            {
                for (var i = 0; i < n; i++)
                {
                    trial[i] = x[i] + (step * d[i]);
                }

                ft = f(trial, gt);
                if (ft <= fx + (1e-4 * step * slope))
                {
                    accepted = true;
                    break;
                }

                step *= 0.5;
            }

            if (!accepted)
            {
                if (IsIdentity(h))
                {
                    break;
                }

                h = Identity(n);
                continue;
            }

            var s = new double[n];
            var y = new double[n];
            for (var i = 0; i < n; i++)
            {
                s[i] = trial[i] - x[i];
                y[i] = gt[i] - g[i];
            }

            var sy = Dot(s, y);
            if (sy > 1e-12)
            {
                if (iteration == 0 && initial == null)
                {
                    h = Identity(n, sy / Dot(y, y));
                }

                Update(h, s, y, sy);
            }

            var change = System.Math.Abs(fx - ft);
            x = trial;
            fx = ft;
            g = gt;
            if (change <= 1e-15 * System.Math.Max(1, System.Math.Abs(fx)) && MaxAbs(g) <= 1e-4 * System.Math.Max(1, System.Math.Abs(fx)))
            {
                converged = true;
                iteration++;
                break;
            }
        }

        return new OptimizerResult(x, fx, iteration, converged, "bfgs", MaxAbs(g), h);
    }

    private static void Update(double[,] h, double[] s, double[] y, double sy)
    {
        // H' = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, written out as rank-two corrections.
        var n = s.Length;
        var rho = 1 / sy;
        var hy = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                hy[i] += h[i, j] * y[j];
            }
        }

        var yhy = Dot(y, hy);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                h[i, j] += (((1 + (rho * yhy)) * rho * s[i] * s[j]) - (rho * ((hy[i] * s[j]) + (s[i] * hy[j]))));
            }
        }
    }

    private static double[,] Identity(int n, double scale = 1)
    {
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            m[i, i] = scale;
        }

        return m;
    }

    private static bool IsIdentity(double[,] m)
    {
        var n = m.GetLength(0);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (m[i, j] != (i == j ? 1 : 0))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static double[] Multiply(double[,] m, double[] v, double factor)
    {
        var n = v.Length;
        var r = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                r[i] += m[i, j] * v[j];
            }

            r[i] *= factor;
        }

        return r;
    }

    private static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    private static double MaxAbs(double[] v)
    {
        var m = 0.0;
        foreach (var e in v)
        {
            m = System.Math.Max(m, System.Math.Abs(e));
        }

        return double.IsNaN(m) ? double.PositiveInfinity : m;
    }
}
