using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Rapport.Domain.Clv.Crm;

namespace Rapport.Clv.Tests;

/// <summary>
/// The customer card's history: every period from the first gift to the last (or to "as of"), by month up to 24
/// months, else by year, checked against a second computation — a LINQ group-by over the raw gifts with the periods
/// enumerated by calendar arithmetic (DateTime.AddMonths / AddYears), not the index arithmetic the class uses.
/// </summary>
public sealed class GivingHistoryTests
{
    private static CustomerLedger Ledger(IEnumerable<(DateTime Day, long Cents)> gifts)
    {
        var ledger = new CustomerLedger();
        foreach (var (day, cents) in gifts)
        {
            ledger.Add(new LedgerEntry(day, cents, IsGift: true));
        }

        return ledger;
    }

    /// <summary>The reference: group raw gifts by period text, walk the calendar from the first period to the last.</summary>
    private static List<HistoryPeriod> Reference(IReadOnlyList<(DateTime Day, long Cents)> gifts, DateTime? asOf, out string granularity)
    {
        var first = gifts.Min(g => g.Day);
        var last = gifts.Max(g => g.Day);
        if (asOf > last)
        {
            last = asOf.Value;
        }

        var firstMonth = new DateTime(first.Year, first.Month, 1);
        var lastMonth = new DateTime(last.Year, last.Month, 1);
        var months = 0;
        for (var m = firstMonth; m <= lastMonth; m = m.AddMonths(1))
        {
            months++;
        }

        var byMonth = months <= 24;
        granularity = byMonth ? "month" : "year";
        string Key(DateTime d) => byMonth ? d.ToString("yyyy-MM", CultureInfo.InvariantCulture) : d.ToString("yyyy", CultureInfo.InvariantCulture);
        var sums = gifts.GroupBy(g => Key(g.Day)).ToDictionary(g => g.Key, g => (Value: g.Sum(x => x.Cents) / 100m, Count: g.Count()));
        var periods = new List<HistoryPeriod>();
        var step = byMonth ? firstMonth : new DateTime(first.Year, 1, 1);
        var end = byMonth ? lastMonth : new DateTime(last.Year, 1, 1);
        for (; step <= end; step = byMonth ? step.AddMonths(1) : step.AddYears(1))
        {
            var key = Key(step);
            periods.Add(sums.TryGetValue(key, out var s) ? new HistoryPeriod(key, s.Value, s.Count) : new HistoryPeriod(key, 0m, 0));
        }

        return periods;
    }

    private static void AssertMatchesReference(IReadOnlyList<(DateTime Day, long Cents)> gifts, DateTime? asOf = null)
    {
        var history = GivingHistory.From(Ledger(gifts), asOf);
        var expected = Reference(gifts, asOf, out var granularity);

        Assert.Multiple(() =>
        {
            Assert.That(history.GranularityName, Is.EqualTo(granularity));
            Assert.That(history.Periods, Is.EqualTo(expected));
            Assert.That(history.Periods.Sum(p => p.Value), Is.EqualTo(gifts.Sum(g => g.Cents) / 100m), "nothing lost or counted twice");
            Assert.That(history.Periods.Sum(p => p.Count), Is.EqualTo(gifts.Count));
        });
    }

    [Test]
    public void Gifts_within_a_year_are_shown_by_month_with_empty_months_at_zero()
    {
        (DateTime, long)[] gifts =
        [
            (new DateTime(2024, 3, 15), 5_000), (new DateTime(2024, 3, 15), 2_500), (new DateTime(2024, 3, 31), 1_001),
            (new DateTime(2024, 6, 1), 10_000), (new DateTime(2025, 2, 28), 99),
        ];

        AssertMatchesReference(gifts);
        var history = GivingHistory.From(Ledger(gifts));
        Assert.Multiple(() =>
        {
            Assert.That(history.Periods.First(), Is.EqualTo(new HistoryPeriod("2024-03", 85.01m, 3)), "two gifts on one day count twice");
            Assert.That(history.Periods, Has.Count.EqualTo(12), "2024-03 … 2025-02");
            Assert.That(history.Periods.Single(p => p.Period == "2024-04"), Is.EqualTo(new HistoryPeriod("2024-04", 0m, 0)));
        });
    }

    [Test]
    public void Twenty_four_months_stay_monthly_and_twenty_five_become_yearly()
    {
        (DateTime, long)[] exactly24 = [(new DateTime(2023, 1, 10), 1_000), (new DateTime(2024, 12, 20), 2_000)];
        (DateTime, long)[] months25 = [(new DateTime(2023, 1, 10), 1_000), (new DateTime(2025, 1, 2), 2_000)];

        AssertMatchesReference(exactly24);
        AssertMatchesReference(months25);
        Assert.Multiple(() =>
        {
            Assert.That(GivingHistory.From(Ledger(exactly24)).Periods, Has.Count.EqualTo(24));
            Assert.That(GivingHistory.From(Ledger(months25)).Periods.Select(p => p.Period), Is.EqualTo(new[] { "2023", "2024", "2025" }));
            Assert.That(GivingHistory.From(Ledger(months25)).Periods[1], Is.EqualTo(new HistoryPeriod("2024", 0m, 0)));
        });
    }

    [Test]
    public void The_span_runs_to_as_of_so_a_lapsed_donor_shows_the_quiet_periods()
    {
        (DateTime, long)[] gifts = [(new DateTime(2019, 5, 1), 2_500), (new DateTime(2019, 11, 30), 2_500)];

        AssertMatchesReference(gifts, asOf: new DateTime(2026, 12, 5));
        Assert.That(GivingHistory.From(Ledger(gifts), new DateTime(2026, 12, 5)).Periods.Select(p => p.Period),
            Is.EqualTo(new[] { "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026" }));
        Assert.That(GivingHistory.From(Ledger(gifts), new DateTime(2019, 1, 1)).Periods, Has.Count.EqualTo(7), "an earlier as-of does not cut the history");
    }

    [Test]
    public void A_long_random_history_matches_the_reference_to_the_cent()
    {
        var random = new Random(20261205);
        var gifts = Enumerable.Range(0, 400)
            .Select(_ => (new DateTime(2012, 1, 1).AddDays(random.Next(0, 365 * 14)), (long)random.Next(1, 500_000)))
            .ToArray();

        AssertMatchesReference(gifts, asOf: new DateTime(2026, 6, 30));
    }

    [Test]
    public void No_gifts_give_an_empty_monthly_history_and_the_json_carries_the_fields()
    {
        var json = new CustomerInsights { History = GivingHistory.From(new CustomerLedger(), new DateTime(2026, 1, 1)) }.ToJson();
        var one = new CustomerInsights { History = GivingHistory.From(Ledger([(new DateTime(2026, 3, 2), 12_345)])) }.ToJson();

        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Contain("\"historyGranularity\":\"month\",\"history\":[]"));
            Assert.That(one, Does.Contain("\"historyGranularity\":\"month\",\"history\":[{\"period\":\"2026-03\",\"value\":123.45,\"count\":1}]"));
        });
    }
}
