using System;
using System.Collections.Generic;

namespace Rapport.Domain.Clv.Data;

/// <summary>
/// Customers grouped by identical (x, t_x, T, value) with a summed weight: likelihoods cost one term per distinct
/// pattern, which is what makes a million customers fast (lengths are in days or weeks, so patterns repeat).
/// </summary>
public sealed class CompressedSummary
{
    private CompressedSummary(int[] x, double[] tx, double[] t, double[] value, double[] weight)
    {
        X = x;
        Tx = tx;
        T = t;
        Value = value;
        Weight = weight;
        foreach (var w in weight)
        {
            TotalWeight += w;
        }

        // Positions of the distinct frequencies in order of first appearance (an array lookup: frequencies are small).
        var max = 0;
        foreach (var f in x)
        {
            max = Math.Max(max, f);
        }

        MaxFrequency = max;
        XIndex = new int[x.Length];
        var positions = new Dictionary<int, int>();
        var byFrequency = max <= 1 << 20 ? new int[max + 1] : null;
        var found = 0;
        for (var i = 0; i < x.Length; i++)
        {
            int at;
            if (byFrequency != null)
            {
                at = byFrequency[x[i]] - 1;
                if (at < 0)
                {
                    at = found++;
                    byFrequency[x[i]] = at + 1;
                }
            }
            else if (!positions.TryGetValue(x[i], out at))
            {
                at = found++;
                positions.Add(x[i], at);
            }

            XIndex[i] = at;
        }

        DistinctX = new int[found];
        for (var i = 0; i < x.Length; i++)
        {
            DistinctX[XIndex[i]] = x[i];
        }
    }

    public int[] X { get; }

    public double[] Tx { get; }

    public double[] T { get; }

    public double[] Value { get; }

    public double[] Weight { get; }

    public int Count => X.Length;

    /// <summary>The distinct frequencies; terms that depend only on x (log-gamma ratios) are computed once per entry.</summary>
    public int[] DistinctX { get; }

    /// <summary>For each pattern, its frequency's position in <see cref="DistinctX"/>.</summary>
    public int[] XIndex { get; }

    public double TotalWeight { get; }

    public int MaxFrequency { get; }

    /// <summary>Validates and groups the rows; <paramref name="useValue"/> keeps the monetary value in the key.</summary>
    public static CompressedSummary From(IReadOnlyList<CustomerSummary> rows, bool useValue = false, bool repeatersOnly = false) =>
        From(SummaryColumns.From(rows), useValue, repeatersOnly);

    /// <summary>
    /// Groups identical rows (in order of first appearance, so the likelihood sums in the same order however the rows
    /// arrived) with an open-addressing table of first rows and a group number per row: 12 bytes per customer, no key
    /// objects or dictionary entries, and the grouped arrays allocated once at their final size.
    /// </summary>
    public static CompressedSummary From(SummaryColumns rows, bool useValue = false, bool repeatersOnly = false)
    {
        // Pass 1: each row's group, numbered in order of first appearance; the table holds the first row of each group.
        var n = rows.Count;
        var slots = new int[TableSize(n)];
        var mask = slots.Length - 1;
        var group = new int[n];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            var xi = rows.Frequency[i];
            if (repeatersOnly && xi == 0)
            {
                group[i] = -1;
                continue;
            }

            // + 0.0 turns −0 into +0, so the two zeros group together as double.Equals has them.
            var txi = rows.Recency[i] + 0.0;
            var ti = rows.T[i] + 0.0;
            var vi = useValue ? rows.MonetaryValue[i] + 0.0 : 0;
            var slot = (int)(Hash(xi, txi, ti, vi) & (uint)mask);
            while (true)
            {
                var first = slots[slot] - 1;
                if (first < 0)
                {
                    slots[slot] = i + 1;
                    group[i] = count++;
                    break;
                }

                if (rows.Frequency[first] == xi && rows.Recency[first] + 0.0 == txi && rows.T[first] + 0.0 == ti && (!useValue || rows.MonetaryValue[first] + 0.0 == vi))
                {
                    group[i] = group[first];
                    break;
                }

                slot = (slot + 1) & mask;
            }
        }

        if (count == 0)
        {
            throw new ClvInputException("No customers left to fit: every customer has frequency 0 (no repeat purchases).");
        }

        // Pass 2: arrays of the exact size, weights summed in row order.
        var x = new int[count];
        var tx = new double[count];
        var t = new double[count];
        var value = new double[count];
        var weight = new double[count];
        var filled = 0;
        for (var i = 0; i < n; i++)
        {
            var k = group[i];
            if (k < 0)
            {
                continue;
            }

            if (k == filled)
            {
                x[k] = rows.Frequency[i];
                tx[k] = rows.Recency[i] + 0.0;
                t[k] = rows.T[i] + 0.0;
                value[k] = useValue ? rows.MonetaryValue[i] + 0.0 : 0;
                weight[k] = rows.Weight[i];
                filled++;
            }
            else
            {
                weight[k] += rows.Weight[i];
            }
        }

        return new CompressedSummary(x, tx, t, value, weight);
    }

    /// <summary>Rows 0, k, 2k, …: an evenly spread sample of the distinct rows, with their weights.</summary>
    public CompressedSummary EveryNth(int k)
    {
        k = Math.Max(1, k);
        var n = (Count + k - 1) / k;
        var x = new int[n];
        var tx = new double[n];
        var t = new double[n];
        var value = new double[n];
        var weight = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = X[i * k];
            tx[i] = Tx[i * k];
            t[i] = T[i * k];
            value[i] = Value[i * k];
            weight[i] = Weight[i * k];
        }

        return new CompressedSummary(x, tx, t, value, weight);
    }

    /// <summary>A power of two at least twice the row count: probe chains stay short.</summary>
    private static int TableSize(int rows)
    {
        var size = 16;
        while (size < 2L * rows && size < 1 << 30)
        {
            size <<= 1;
        }

        return size;
    }

    private static uint Hash(int x, double tx, double t, double value)
    {
        unchecked
        {
            var h = (ulong)x * 0x9E3779B97F4A7C15UL;
            h = (h ^ (ulong)BitConverter.DoubleToInt64Bits(tx)) * 0xBF58476D1CE4E5B9UL;
            h = (h ^ (ulong)BitConverter.DoubleToInt64Bits(t)) * 0x94D049BB133111EBUL;
            h = (h ^ (ulong)BitConverter.DoubleToInt64Bits(value)) * 0x9E3779B97F4A7C15UL;
            return (uint)(h >> 32);
        }
    }
}
