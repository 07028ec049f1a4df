using System;

namespace Rapport.Domain.Clv.Numerics;

/// <summary>Central-difference Hessians (from values or from an exact gradient) and the inverse, for standard errors at a likelihood optimum.</summary>
public static class Hessian
{
    public static double[,] Compute(Func<double[], double> f, double[] x, double step = 1e-4)
    {
        var n = x.Length;
        var h = new double[n, n];
        var f0 = f(x);
        var p = (double[])x.Clone();
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                double value;
                if (i == j)
                {
                    p[i] = x[i] + step;
                    var up = f(p);
                    p[i] = x[i] - step;
                    var down = f(p);
                    value = (up - (2 * f0) + down) / (step * step);
                }
                else
                {
                    value = (At(f, p, x, i, j, step, step) - At(f, p, x, i, j, step, -step)
                        - At(f, p, x, i, j, -step, step) + At(f, p, x, i, j, -step, -step)) / (4 * step * step);
                }

                p[i] = x[i];
                p[j] = x[j];
                h[i, j] = value;
                h[j, i] = value;
            }
        }

        return h;
    }

    /// <summary>Hessian as central differences of an exact gradient (2n gradient calls), symmetrised.</summary>
    public static double[,] FromGradient(Func<double[], double[], double> f, double[] x, double step = 1e-5)
    {
        var n = x.Length;
        var h = new double[n, n];
        var p = (double[])x.Clone();
        var up = new double[n];
        var down = new double[n];
        for (var j = 0; j < n; j++)
        {
            p[j] = x[j] + step;
            f(p, up);
            p[j] = x[j] - step;
            f(p, down);
            p[j] = x[j];
            for (var i = 0; i < n; i++)
            {
                h[i, j] = (up[i] - down[i]) / (2 * step);
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var mean = (h[i, j] + h[j, i]) / 2;
                h[i, j] = mean;
                h[j, i] = mean;
            }
        }

        return h;
    }

    /// <summary>Inverse of a symmetric positive-definite matrix, or null when it is not positive definite.</summary>
    public static double[,]? InversePositiveDefinite(double[,] m)
    {
        var n = m.GetLength(0);
        var a = (double[,])m.Clone();
        var inv = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            inv[i, i] = 1;
        }

        // Gauss–Jordan without pivoting is stable for SPD matrices; a non-positive pivot means not SPD.
        for (var col = 0; col < n; col++)
        {
            var pivot = a[col, col];
            if (!(pivot > 0) || double.IsInfinity(pivot))
            {
                return null;
            }

            for (var j = 0; j < n; j++)
            {
                a[col, j] /= pivot;
                inv[col, j] /= pivot;
            }

            for (var row = 0; row < n; row++)
            {
                if (row == col)
                {
                    continue;
                }

                var factor = a[row, col];
                for (var j = 0; j < n; j++)
                {
                    a[row, j] -= factor * a[col, j];
                    inv[row, j] -= factor * inv[col, j];
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (!(inv[i, i] > 0))
            {
                return null;
            }
        }

        return inv;
    }

    private static double At(Func<double[], double> f, double[] p, double[] x, int i, int j, double di, double dj)
    {
        p[i] = x[i] + di;
        p[j] = x[j] + dj;
        return f(p);
    }
}
