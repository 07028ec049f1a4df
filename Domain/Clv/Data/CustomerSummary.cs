using System.Collections.Generic;
using System.Globalization;

namespace Rapport.Domain.Clv.Data;

/// <summary>
/// One customer's RFM summary: <see cref="Frequency"/> x = repeat purchases, <see cref="Recency"/> t_x = time of the
/// last repeat purchase since the first, <see cref="T"/> = time from first purchase to the calibration end (for BG/BB:
/// the number of opportunities n), <see cref="MonetaryValue"/> = average value of the repeat purchases,
/// <see cref="Weight"/> = how many identical customers the row stands for.
/// </summary>
public sealed record CustomerSummary(string Id, int Frequency, double Recency, double T, double MonetaryValue = 0, double Weight = 1)
{
    /// <summary>Rejects rows no model can use, naming the row and column.</summary>
    public static void Validate(IReadOnlyList<CustomerSummary> rows)
    {
        if (rows.Count == 0)
        {
            throw new ClvInputException("No customers: the summary is empty.");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            // Messages are built only for a bad row: a million good rows should cost no strings.
            var row = rows[i];
            var problem = Problem(row.Frequency, row.Recency, row.T, row.MonetaryValue, row.Weight, out var column, out var value);
            if (problem != null)
            {
                throw new ClvInputException($"Invalid {column} at row {i + 1} (customer '{row.Id}'): {Text(value)} {problem}.", column);
            }
        }
    }

    /// <summary>The first rule a row breaks (null when none), with the column and value to name.</summary>
    internal static string? Problem(int x, double tx, double T, double monetaryValue, double weight, out string column, out double value)
    {
        column = "recency";
        value = tx;
        if (x < 0)
        {
            column = "frequency";
            value = x;
            return "must be a non-negative whole number";
        }

        if (!(IsFinite(tx) && tx >= 0))
        {
            return "must be a finite number >= 0";
        }

        if (!(IsFinite(T) && T > 0))
        {
            column = "T";
            value = T;
            return "must be a finite number > 0";
        }

        if (!(tx <= T * (1 + 1e-9) + 1e-9))
        {
            return $"must not exceed T ({Text(T)})";
        }

        if (!(IsFinite(monetaryValue) && monetaryValue >= 0))
        {
            column = "monetary value";
            value = monetaryValue;
            return "must be a finite number >= 0";
        }

        if (!(IsFinite(weight) && weight > 0))
        {
            column = "weights";
            value = weight;
            return "must be a finite number > 0";
        }

        return x > 0 || tx == 0 ? null : "must be 0 when frequency is 0";
    }

    internal static bool IsFinite(double v) => !double.IsNaN(v) && !double.IsInfinity(v);

    internal static string Text(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
