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
            Check(row.Frequency >= 0, i, row, "frequency", row.Frequency, "must be a non-negative whole number");
            Check(IsFinite(row.Recency) && row.Recency >= 0, i, row, "recency", row.Recency, "must be a finite number >= 0");
            Check(IsFinite(row.T) && row.T > 0, i, row, "T", row.T, "must be a finite number > 0");
            Check(row.Recency <= row.T * (1 + 1e-9) + 1e-9, i, row, "recency", row.Recency, "must not exceed T");
            Check(IsFinite(row.MonetaryValue) && row.MonetaryValue >= 0, i, row, "monetary value", row.MonetaryValue, "must be a finite number >= 0");
            Check(IsFinite(row.Weight) && row.Weight > 0, i, row, "weights", row.Weight, "must be a finite number > 0");
            Check(row.Frequency > 0 || row.Recency == 0, i, row, "recency", row.Recency, "must be 0 when frequency is 0");
        }
    }

    internal static bool IsFinite(double v) => !double.IsNaN(v) && !double.IsInfinity(v);

    private static void Check(bool ok, int index, CustomerSummary row, string column, double value, string rule)
    {
        if (!ok)
        {
            var detail = rule == "must not exceed T" ? $"{rule} ({Text(row.T)})" : rule;
            throw new ClvInputException($"Invalid {column} at row {index + 1} (customer '{row.Id}'): {Text(value)} {detail}.", column);
        }
    }

    private static string Text(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
