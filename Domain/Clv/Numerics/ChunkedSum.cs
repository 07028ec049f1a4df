using System;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;

namespace Rapport.Domain.Clv.Numerics;

/// <summary>
/// Sums a value and its gradient over rows in fixed chunks, reduced in chunk order: the result is the same bit for bit
/// on one core or many, because neither the chunk boundaries nor the order of the additions depend on the threads.
/// </summary>
public static class ChunkedSum
{
    /// <summary>Rows per chunk; a constant so that the summation order never depends on the machine.</summary>
    public const int ChunkSize = 2048;

    /// <summary>
    /// Σ over rows [0, count) of <paramref name="chunk"/>(start, end, gradient), which adds its rows' gradient into the
    /// zeroed array it is given and returns their value. The total gradient is written to <paramref name="gradient"/>.
    /// </summary>
    public static double Sum(int count, double[] gradient, bool parallel, Func<int, int, double[], double> chunk)
    {
        var chunks = (count + ChunkSize - 1) / ChunkSize;
        var values = new double[chunks];
        var gradients = new double[chunks][];
        Action<int> run = c =>
        {
            var g = new double[gradient.Length];
            values[c] = chunk(c * ChunkSize, Math.Min(count, (c + 1) * ChunkSize), g);
            gradients[c] = g;
        };
        if (parallel && chunks > 1)
        {
            try
            {
                Parallel.For(0, chunks, run);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // Rethrow the row's own error (e.g. ClvNumericException) as the sequential path would.
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                throw;
            }
        }
        else
        {
            for (var c = 0; c < chunks; c++)
            {
                run(c);
            }
        }

        Array.Clear(gradient, 0, gradient.Length);
        var total = 0.0;
        for (var c = 0; c < chunks; c++)
        {
            total += values[c];
            for (var j = 0; j < gradient.Length; j++)
            {
                gradient[j] += gradients[c][j];
            }
        }

        return total;
    }
}
