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

        var distinct = new Dictionary<int, int>();
        XIndex = new int[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            if (!distinct.TryGetValue(x[i], out var at))
            {
                at = distinct.Count;
                distinct.Add(x[i], at);
            }

            XIndex[i] = at;
            MaxFrequency = Math.Max(MaxFrequency, x[i]);
        }

        DistinctX = new int[distinct.Count];
        foreach (var pair in distinct)
        {
            DistinctX[pair.Value] = pair.Key;
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
    public static CompressedSummary From(IReadOnlyList<CustomerSummary> rows, bool useValue = false, bool repeatersOnly = false)
    {
        CustomerSummary.Validate(rows);
        // Sized for all rows distinct (continuous times): growing a million-entry table by doubling costs more memory.
        var index = new Dictionary<PatternKey, int>(rows.Count);
        var x = new List<int>(rows.Count);
        var tx = new List<double>(rows.Count);
        var t = new List<double>(rows.Count);
        var value = new List<double>(rows.Count);
        var weight = new List<double>(rows.Count);
        foreach (var row in rows)
        {
            if (repeatersOnly && row.Frequency == 0)
            {
                continue;
            }

            var key = new PatternKey(row.Frequency, row.Recency, row.T, useValue ? row.MonetaryValue : 0);
            if (index.TryGetValue(key, out var at))
            {
                weight[at] += row.Weight;
                continue;
            }

            index.Add(key, x.Count);
            x.Add(row.Frequency);
            tx.Add(row.Recency);
            t.Add(row.T);
            value.Add(key.Value);
            weight.Add(row.Weight);
        }

        if (x.Count == 0)
        {
            throw new ClvInputException("No customers left to fit: every customer has frequency 0 (no repeat purchases).");
        }

        return new CompressedSummary(x.ToArray(), tx.ToArray(), t.ToArray(), value.ToArray(), weight.ToArray());
    }

    private readonly struct PatternKey : IEquatable<PatternKey>
    {
        public PatternKey(int x, double tx, double t, double value)
        {
            X = x;
            Tx = tx;
            T = t;
            Value = value;
        }

        public int X { get; }

        public double Tx { get; }

        public double T { get; }

        public double Value { get; }

        public bool Equals(PatternKey other) => X == other.X && Tx.Equals(other.Tx) && T.Equals(other.T) && Value.Equals(other.Value);

        public override bool Equals(object? obj) => obj is PatternKey other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                var h = (X * 397) ^ Tx.GetHashCode();
                h = (h * 397) ^ T.GetHashCode();
                return (h * 397) ^ Value.GetHashCode();
            }
        }
    }
}
