using System;
using System.Collections.Generic;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Models;

namespace Rapport.Domain.Clv;

/// <summary>Predicted against actual holdout purchases for one customer.</summary>
public sealed record HoldoutComparison(string Id, double Predicted, int Actual);

/// <summary>
/// Holdout report: per-customer mean absolute error, predicted and actual totals, and the Pearson correlation
/// (null when either side has no variance, e.g. nobody bought in the holdout).
/// </summary>
public sealed record HoldoutReport(int Customers, double HoldoutLength, double PredictedTotal, int ActualTotal, double MeanAbsoluteError, double? Correlation, IReadOnlyList<HoldoutComparison> Rows);

public static class HoldoutValidation
{
    public static HoldoutReport Validate(ITransactionModel model, IReadOnlyList<CalibrationHoldoutRow> rows, double holdoutLength)
    {
        if (rows.Count == 0)
        {
            throw new ClvInputException("No customers to validate.");
        }

        if (!(holdoutLength > 0) || double.IsInfinity(holdoutLength))
        {
            throw new ClvInputException($"Holdout length must be > 0, got {holdoutLength}.", "holdout-end");
        }

        var comparisons = new List<HoldoutComparison>(rows.Count);
        double predictedTotal = 0, absoluteError = 0;
        var actualTotal = 0;
        foreach (var row in rows)
        {
            var c = row.Calibration;
            var predicted = model.ConditionalExpectedTransactions(holdoutLength, c.Frequency, c.Recency, c.T);
            comparisons.Add(new HoldoutComparison(c.Id, predicted, row.HoldoutTransactions));
            predictedTotal += predicted;
            actualTotal += row.HoldoutTransactions;
            absoluteError += Math.Abs(predicted - row.HoldoutTransactions);
        }

        return new HoldoutReport(rows.Count, holdoutLength, predictedTotal, actualTotal, absoluteError / rows.Count, Correlation(comparisons), comparisons);
    }

    private static double? Correlation(List<HoldoutComparison> rows)
    {
        double meanP = 0, meanA = 0;
        foreach (var r in rows)
        {
            meanP += r.Predicted / rows.Count;
            meanA += (double)r.Actual / rows.Count;
        }

        double sPA = 0, sPP = 0, sAA = 0;
        foreach (var r in rows)
        {
            var dp = r.Predicted - meanP;
            var da = r.Actual - meanA;
            sPA += dp * da;
            sPP += dp * dp;
            sAA += da * da;
        }

        return sPP > 0 && sAA > 0 ? sPA / Math.Sqrt(sPP * sAA) : null;
    }
}
