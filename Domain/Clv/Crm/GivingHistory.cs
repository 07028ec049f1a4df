using System;
using System.Collections.Generic;
using System.Globalization;

namespace Rapport.Domain.Clv.Crm;

/// <summary>The unit of a customer's history chart: months when the history spans at most 24 of them, else years.</summary>
public enum HistoryGranularity
{
    Month,
    Year,
}

/// <summary>One bar of the chart: "2024-03" (month) or "2024" (year), the amount given or spent, the number of transactions.</summary>
public sealed record HistoryPeriod(string Period, decimal Value, int Count);

/// <summary>
/// Giving (or purchases) per period over a customer's whole history, from the month of the first transaction to the
/// month of the last one or of <c>asOf</c>, whichever is later, every period present (zero when nothing was given).
/// By month when that spans at most <see cref="MaxMonths"/> months, else by calendar year. Amounts are exact sums of
/// the ledger's cents.
/// </summary>
public sealed class GivingHistory
{
    public const int MaxMonths = 24;

    private GivingHistory(HistoryGranularity granularity, IReadOnlyList<HistoryPeriod> periods)
    {
        Granularity = granularity;
        Periods = periods;
    }

    public HistoryGranularity Granularity { get; }

    public IReadOnlyList<HistoryPeriod> Periods { get; }

    /// <summary>"month" or "year", as the JSON carries it.</summary>
    public string GranularityName => Granularity == HistoryGranularity.Month ? "month" : "year";

    /// <summary>An empty ledger gives no periods (by month: a span of zero months).</summary>
    public static GivingHistory From(CustomerLedger ledger, DateTime? asOf = null)
    {
        if (ledger == null)
        {
            throw new ArgumentNullException(nameof(ledger));
        }

        var days = ledger.DayTotals(DateTime.MaxValue.Date);
        if (days.Count == 0)
        {
            return new GivingHistory(HistoryGranularity.Month, Array.Empty<HistoryPeriod>());
        }

        var counts = ledger.DayCounts();
        var first = MonthIndex(days[0].Key);
        var last = MonthIndex(days[days.Count - 1].Key);
        if (asOf.HasValue && MonthIndex(asOf.Value) > last)
        {
            last = MonthIndex(asOf.Value);
        }

        var byMonth = last - first + 1 <= MaxMonths;
        var start = byMonth ? first : first / 12;
        var end = byMonth ? last : last / 12;
        var values = new decimal[end - start + 1];
        var numbers = new int[end - start + 1];
        foreach (var pair in counts)
        {
            var month = MonthIndex(pair.Key);
            var slot = (byMonth ? month : month / 12) - start;
            values[slot] += pair.Value.Cents / 100m;
            numbers[slot] += pair.Value.Count;
        }

        var periods = new HistoryPeriod[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var index = start + i;
            var label = byMonth
                ? (index / 12).ToString("0000", CultureInfo.InvariantCulture) + "-" + (index % 12 + 1).ToString("00", CultureInfo.InvariantCulture)
                : index.ToString("0000", CultureInfo.InvariantCulture);
            periods[i] = new HistoryPeriod(label, values[i], numbers[i]);
        }

        return new GivingHistory(byMonth ? HistoryGranularity.Month : HistoryGranularity.Year, periods);
    }

    // Months since year 0: year * 12 + (month - 1), so integer division by 12 gives the year.
    private static int MonthIndex(DateTime date) => date.Year * 12 + date.Month - 1;
}
