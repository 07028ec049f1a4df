using System;
using System.Collections.Generic;
using Rapport.Domain.Clv.Data;

namespace Rapport.Domain.Clv;

/// <summary>
/// NPSP-style household/contact giving rollups. <see cref="ConsecutiveYears"/> counts years with a gift ending at the
/// current year, or at last year while this year has no gift yet (a streak is not broken before the year is over).
/// LYBUNT: gave last year but not this year; SYBUNT: gave in an earlier year but neither last year nor this year.
/// </summary>
public sealed record DonorRollup(
    string DonorId,
    double Total,
    int Count,
    DateTime FirstGiftDate,
    DateTime LastGiftDate,
    double LargestGift,
    int BestYear,
    double BestYearTotal,
    int ConsecutiveYears,
    bool Lybunt,
    bool Sybunt);

/// <summary>Organisation donor retention for a year: donors of the previous year who gave again.</summary>
public sealed record YearRetention(int Year, int PriorYearDonors, int Retained, double Rate);

public static class DonorRollups
{
    public static List<DonorRollup> Compute(IEnumerable<Transaction> gifts, int currentYear)
    {
        var result = new List<DonorRollup>();
        foreach (var donor in ByDonor(gifts))
        {
            double total = 0, largest = 0;
            DateTime first = DateTime.MaxValue, last = DateTime.MinValue;
            var byYear = new SortedDictionary<int, double>();
            foreach (var g in donor.Value)
            {
                total += g.Value;
                largest = Math.Max(largest, g.Value);
                first = g.Date < first ? g.Date : first;
                last = g.Date > last ? g.Date : last;
                byYear.TryGetValue(g.Date.Year, out var yearTotal);
                byYear[g.Date.Year] = yearTotal + g.Value;
            }

            int bestYear = 0;
            double bestTotal = double.NegativeInfinity;
            foreach (var y in byYear)
            {
                if (y.Value > bestTotal)
                {
                    bestYear = y.Key;
                    bestTotal = y.Value;
                }
            }

            var thisYear = byYear.ContainsKey(currentYear);
            var lastYear = byYear.ContainsKey(currentYear - 1);
            var streak = 0;
            for (var y = thisYear ? currentYear : currentYear - 1; byYear.ContainsKey(y); y--)
            {
                streak++;
            }

            var earlier = false;
            foreach (var y in byYear.Keys)
            {
                earlier |= y < currentYear - 1;
            }

            result.Add(new DonorRollup(donor.Key, total, donor.Value.Count, first, last, largest, bestYear, bestTotal, streak, lastYear && !thisYear, earlier && !lastYear && !thisYear));
        }

        return result;
    }

    /// <summary>Retention rate for each year after the first year with gifts.</summary>
    public static List<YearRetention> RetentionByYear(IEnumerable<Transaction> gifts)
    {
        var donorsByYear = new SortedDictionary<int, HashSet<string>>();
        foreach (var donor in ByDonor(gifts))
        {
            foreach (var g in donor.Value)
            {
                if (!donorsByYear.TryGetValue(g.Date.Year, out var set))
                {
                    set = new HashSet<string>(StringComparer.Ordinal);
                    donorsByYear.Add(g.Date.Year, set);
                }

                set.Add(donor.Key);
            }
        }

        var result = new List<YearRetention>();
        var years = new List<int>(donorsByYear.Keys);
        if (years.Count == 0)
        {
            return result;
        }

        for (var year = years[0] + 1; year <= years[years.Count - 1]; year++)
        {
            if (!donorsByYear.TryGetValue(year - 1, out var prior) || prior.Count == 0)
            {
                continue;
            }

            var retained = 0;
            if (donorsByYear.TryGetValue(year, out var current))
            {
                foreach (var id in prior)
                {
                    retained += current.Contains(id) ? 1 : 0;
                }
            }

            result.Add(new YearRetention(year, prior.Count, retained, (double)retained / prior.Count));
        }

        return result;
    }

    private static List<KeyValuePair<string, List<Transaction>>> ByDonor(IEnumerable<Transaction> gifts)
    {
        var index = new Dictionary<string, List<Transaction>>(StringComparer.Ordinal);
        var order = new List<KeyValuePair<string, List<Transaction>>>();
        foreach (var g in gifts)
        {
            if (string.IsNullOrEmpty(g.CustomerId))
            {
                throw new ClvInputException($"A gift on {g.Date:yyyy-MM-dd} has no donor id.", "id");
            }

            if (double.IsNaN(g.Value) || double.IsInfinity(g.Value) || g.Value < 0)
            {
                throw new ClvInputException($"Gift of donor '{g.CustomerId}' on {g.Date:yyyy-MM-dd} has an invalid amount {g.Value}.", "amount");
            }

            if (!index.TryGetValue(g.CustomerId, out var list))
            {
                list = new List<Transaction>();
                index.Add(g.CustomerId, list);
                order.Add(new KeyValuePair<string, List<Transaction>>(g.CustomerId, list));
            }

            list.Add(g);
        }

        return order;
    }
}
