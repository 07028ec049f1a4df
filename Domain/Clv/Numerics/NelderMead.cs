using System;

namespace Rapport.Domain.Clv.Numerics;

/// <summary>Derivative-free simplex search; the fallback when BFGS cannot make progress.</summary>
public static class NelderMead
{
    public static OptimizerResult Minimize(Func<double[], double> f, double[] start, int maxIterations)
    {
        var n = start.Length;
        var points = new double[n + 1][];
        var values = new double[n + 1];
        points[0] = (double[])start.Clone();
        values[0] = f(points[0]);
        for (var i = 0; i < n; i++)
        {
            points[i + 1] = (double[])start.Clone();
            points[i + 1][i] += 0.5;
            values[i + 1] = f(points[i + 1]);
        }

        var iteration = 0;
        var converged = false;
        for (; iteration < maxIterations; iteration++)
        {
            Array.Sort(values, points);
            if (System.Math.Abs(values[n] - values[0]) <= 1e-12 * (1 + System.Math.Abs(values[0])))
            {
                converged = true;
                break;
            }

            var centroid = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    centroid[j] += points[i][j] / n;
                }
            }

            var reflected = Along(centroid, points[n], -1);
            var fr = f(reflected);
            if (fr < values[0])
            {
                var expanded = Along(centroid, points[n], -2);
                var fe = f(expanded);
                Replace(points, values, n, fe < fr ? expanded : reflected, System.Math.Min(fe, fr));
            }
            else if (fr < values[n - 1])
            {
                Replace(points, values, n, reflected, fr);
            }
            else
            {
                var contracted = Along(centroid, points[n], 0.5);
                var fc = f(contracted);
                if (fc < values[n])
                {
                    Replace(points, values, n, contracted, fc);
                }
                else
                {
                    for (var i = 1; i <= n; i++)
                    {
                        points[i] = Along(points[0], points[i], 0.5);
                        values[i] = f(points[i]);
                    }
                }
            }
        }

        Array.Sort(values, points);
        return new OptimizerResult(points[0], values[0], iteration, converged, "nelder-mead", double.NaN);
    }

    private static double[] Along(double[] from, double[] to, double t)
    {
        var r = new double[from.Length];
        for (var i = 0; i < r.Length; i++)
        {
            r[i] = from[i] + (t * (to[i] - from[i]));
        }

        return r;
    }

    private static void Replace(double[][] points, double[] values, int index, double[] point, double value)
    {
        points[index] = point;
        values[index] = value;
    }
}
