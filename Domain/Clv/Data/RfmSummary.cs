using System;
using System.Collections.Generic;

namespace Rapport.Domain.Clv.Data;

/// <summary>A customer's calibration summary and what they actually did in the holdout period after it.</summary>
public sealed record CalibrationHoldoutRow(CustomerSummary Calibration, int HoldoutTransactions, double HoldoutValue);

/// <summary>
/// Transactions → RFM summaries. Purchases on the same day count as one purchase (their values summed), as in the
/// papers; the first purchase is not a repeat, so frequency = purchase days − 1, recency = last − first,
/// T = calibration end − first, and the monetary value is the mean of the repeat days' values.
/// </summary>
public static class RfmSummary
{
    /// <summary>Summaries at <paramref name="calibrationEnd"/> (inclusive) for customers whose first purchase is on or before it.</summary>
    public static List<CustomerSummary> Build(IEnumerable<Transaction> transactions, DateTime calibrationEnd, TimeUnit unit)
    {
        var rows = new List<CustomerSummary>();
        foreach (var row in Split(transactions, calibrationEnd, calibrationEnd, unit))
        {
            rows.Add(row.Calibration);
        }

        return rows;
    }

    /// <summary>Calibration summaries plus holdout counts: repeat purchase days in (calibration end, holdout end].</summary>
    public static List<CalibrationHoldoutRow> Split(IEnumerable<Transaction> transactions, DateTime calibrationEnd, DateTime holdoutEnd, TimeUnit unit)
    {
        if (holdoutEnd < calibrationEnd)
        {
            throw new ClvInputException($"Holdout end {holdoutEnd:yyyy-MM-dd} is before calibration end {calibrationEnd:yyyy-MM-dd}.", "holdout-end");
        }

        var rows = new List<CalibrationHoldoutRow>();
        foreach (var customer in ByCustomerDay(transactions))
        {
            var days = customer.Value;
            var first = days.Keys[0];
            if (first > calibrationEnd.Date)
            {
                continue;
            }

            int repeats = 0, holdout = 0;
            double repeatValue = 0, holdoutValue = 0;
            var last = first;
            for (var i = 1; i < days.Count; i++)
            {
                var day = days.Keys[i];
                if (day <= calibrationEnd.Date)
                {
                    repeats++;
                    repeatValue += days.Values[i];
                    last = day;
                }
                else if (day <= holdoutEnd.Date)
                {
                    holdout++;
                    holdoutValue += days.Values[i];
                }
            }

            var summary = new CustomerSummary(
                customer.Key,
                repeats,
                TimeUnits.Between(first, last, unit),
                TimeUnits.Between(first, calibrationEnd, unit),
                repeats > 0 ? repeatValue / repeats : 0);
            rows.Add(new CalibrationHoldoutRow(summary, holdout, holdoutValue));
        }

        if (rows.Count == 0)
        {
            throw new ClvInputException($"No customer made a first purchase on or before the calibration end {calibrationEnd:yyyy-MM-dd}.", "calibration-end");
        }

        // A customer whose first purchase is on the calibration end has T = 0: no observation window, nothing to fit.
        rows.RemoveAll(r => r.Calibration.T <= 0);
        return rows;
    }

    /// <summary>Per customer (in order of first appearance), value per purchase day, sorted by day.</summary>
    internal static List<KeyValuePair<string, SortedList<DateTime, double>>> ByCustomerDay(IEnumerable<Transaction> transactions)
    {
        var index = new Dictionary<string, SortedList<DateTime, double>>(StringComparer.Ordinal);
        var order = new List<KeyValuePair<string, SortedList<DateTime, double>>>();
        foreach (var t in transactions)
        {
            if (t.CustomerId == null || t.CustomerId.Length == 0)
            {
                throw new ClvInputException($"A transaction on {t.Date:yyyy-MM-dd} has no customer id.", "id");
            }

            if (double.IsNaN(t.Value) || double.IsInfinity(t.Value) || t.Value < 0)
            {
                throw new ClvInputException($"Transaction of customer '{t.CustomerId}' on {t.Date:yyyy-MM-dd} has an invalid value {t.Value}.", "value");
            }

            if (!index.TryGetValue(t.CustomerId, out var days))
            {
                days = new SortedList<DateTime, double>();
                index.Add(t.CustomerId, days);
                order.Add(new KeyValuePair<string, SortedList<DateTime, double>>(t.CustomerId, days));
            }

            var day = t.Date.Date;
            days.TryGetValue(day, out var sum);
            days[day] = sum + t.Value;
        }

        return order;
    }
}
