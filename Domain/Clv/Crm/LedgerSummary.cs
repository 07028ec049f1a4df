using System;
using System.Collections.Generic;
using Rapport.Domain.Clv.Data;

namespace Rapport.Domain.Clv.Crm;

/// <summary>
/// A ledger's RFM summary at a date, as the models read it. Continuous models (unit day/week/month) follow
/// <see cref="RfmSummary"/> exactly: same-day transactions are one purchase, x = purchase days − 1, t_x = last − first,
/// T = as-of − first, value = mean of the repeat days. BG/BB counts calendar years after the first gift year up to the
/// last completed year, and the current year once it holds a gift (or on 31 December); value = mean yearly total of the repeat years.
/// </summary>
public static class LedgerSummary
{
    /// <summary>The summary at <paramref name="asOf"/>, or null when the ledger has nothing on or before it.</summary>
    public static CustomerSummary? At(CustomerLedger ledger, string id, DateTime asOf, ClvModelSpec model) =>
        model.IsYearly ? Yearly(ledger, id, asOf) : Continuous(ledger, id, asOf, model.UnitDays);

    /// <summary>Calibration summary at <paramref name="calibrationEnd"/> and what happened up to <paramref name="holdoutEnd"/>.</summary>
    public static CalibrationHoldoutRow? Split(CustomerLedger ledger, string id, DateTime calibrationEnd, DateTime holdoutEnd, ClvModelSpec model)
    {
        var calibration = At(ledger, id, calibrationEnd, model);
        if (calibration == null)
        {
            return null;
        }

        if (model.IsYearly)
        {
            int holdout = 0;
            double value = 0;
            foreach (var year in Years(ledger, holdoutEnd))
            {
                if (year.Key > calibrationEnd.Year && year.Key <= holdoutEnd.Year)
                {
                    holdout++;
                    value += year.Value;
                }
            }

            return new CalibrationHoldoutRow(calibration, holdout, value);
        }

        int count = 0;
        double total = 0;
        foreach (var day in ledger.DayTotals(holdoutEnd))
        {
            if (day.Key > calibrationEnd.Date)
            {
                count++;
                total += day.Value;
            }
        }

        return new CalibrationHoldoutRow(calibration, count, total);
    }

    /// <summary>Mean value of one model transaction (a purchase day, or a giving year for BG/BB) over the whole ledger.</summary>
    public static double MeanTransactionValue(CustomerLedger ledger, DateTime asOf, ClvModelSpec model)
    {
        double sum = 0;
        var n = 0;
        if (model.IsYearly)
        {
            foreach (var year in Years(ledger, asOf))
            {
                sum += year.Value;
                n++;
            }
        }
        else
        {
            foreach (var day in ledger.DayTotals(asOf))
            {
                sum += day.Value;
                n++;
            }
        }

        return n == 0 ? 0 : sum / n;
    }

    private static CustomerSummary? Continuous(CustomerLedger ledger, string id, DateTime asOf, double unitDays)
    {
        var days = ledger.DayTotals(asOf);
        if (days.Count == 0)
        {
            return null;
        }

        var first = days[0].Key;
        var last = days[days.Count - 1].Key;
        double repeatValue = 0;
        for (var i = 1; i < days.Count; i++)
        {
            repeatValue += days[i].Value;
        }

        var repeats = days.Count - 1;
        return new CustomerSummary(id, repeats, (last - first).TotalDays / unitDays, (asOf.Date - first).TotalDays / unitDays, repeats > 0 ? repeatValue / repeats : 0);
    }

    private static CustomerSummary? Yearly(CustomerLedger ledger, string id, DateTime asOf)
    {
        var years = Years(ledger, asOf);
        if (years.Count == 0)
        {
            return null;
        }

        var firstYear = years.Keys[0];
        var yearComplete = asOf.Month == 12 && asOf.Day == 31;
        var lastOpportunity = yearComplete || years.ContainsKey(asOf.Year) ? asOf.Year : asOf.Year - 1;
        int repeats = 0, lastRepeat = firstYear;
        double repeatValue = 0;
        foreach (var year in years)
        {
            if (year.Key > firstYear && year.Key <= lastOpportunity)
            {
                repeats++;
                repeatValue += year.Value;
                lastRepeat = year.Key;
            }
        }

        return new CustomerSummary(id, repeats, lastRepeat - firstYear, Math.Max(0, lastOpportunity - firstYear), repeats > 0 ? repeatValue / repeats : 0);
    }

    private static SortedList<int, double> Years(CustomerLedger ledger, DateTime asOf)
    {
        var years = new SortedList<int, double>();
        foreach (var day in ledger.DayTotals(asOf))
        {
            years.TryGetValue(day.Key.Year, out var sum);
            years[day.Key.Year] = sum + day.Value;
        }

        return years;
    }
}
