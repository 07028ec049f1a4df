using System;
using System.Collections.Generic;
using System.Globalization;
using Rapport.Domain.Clv.Data;

namespace Rapport.Domain.Clv;

/// <summary>
/// One bar pair of the papers' calibration figure: customers with this many repeat transactions in calibration (the
/// last bin is "N+"), and their mean actual and predicted transactions in the holdout.
/// </summary>
public sealed record CalibrationBin(string Label, int Frequency, int Customers, double MeanActual, double MeanPredicted);

/// <summary>
/// The conditional-expectation table of Fader, Hardie &amp; Lee (2005), "Counting Your Customers the Easy Way",
/// Marketing Science 24(2): holdout transactions, actual vs predicted, grouped by calibration frequency 0, 1, …, 7+.
/// </summary>
public static class CalibrationTable
{
    public const int DefaultTop = 7;

    /// <summary>Bins of <paramref name="rows"/> (in the order <see cref="HoldoutValidation.Validate"/> reported them); empty bins are left out.</summary>
    public static List<CalibrationBin> Build(IReadOnlyList<CalibrationHoldoutRow> rows, HoldoutReport report, int top = DefaultTop)
    {
        if (rows.Count != report.Rows.Count)
        {
            throw new ArgumentException("The holdout report does not belong to these rows.", nameof(report));
        }

        var customers = new int[top + 1];
        var actual = new double[top + 1];
        var predicted = new double[top + 1];
        for (var i = 0; i < rows.Count; i++)
        {
            var bin = Math.Min(top, rows[i].Calibration.Frequency);
            customers[bin]++;
            actual[bin] += report.Rows[i].Actual;
            predicted[bin] += report.Rows[i].Predicted;
        }

        var bins = new List<CalibrationBin>(top + 1);
        for (var b = 0; b <= top; b++)
        {
            if (customers[b] > 0)
            {
                var label = b == top ? b.ToString(CultureInfo.InvariantCulture) + "+" : b.ToString(CultureInfo.InvariantCulture);
                bins.Add(new CalibrationBin(label, b, customers[b], actual[b] / customers[b], predicted[b] / customers[b]));
            }
        }

        return bins;
    }
}
