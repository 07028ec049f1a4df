using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Rapport.Domain.Engagement;

/// <summary>
/// One group's loyalty: repeat rate (share of its buyers up to the period end with two or more purchase days),
/// retention rate (share of those who bought in the equally long period before From who bought again in the period)
/// and mean P(alive) of its scored customers. Null when the base is empty.
/// </summary>
public sealed record LoyaltyFigures(int Customers, double? RepeatRate, int RepeatBase, double? RetentionRate, int RetentionBase, double? MeanProbabilityAlive, int Scored);

/// <summary>
/// Followers (or engaged customers) vs the others, with the uncertainty and the caution an admin needs: group sizes,
/// no difference, ratio or interval when a group is smaller than <see cref="MinimumGroupSize"/>, 95% bootstrap
/// intervals for spend and CLV, the loyalty measures beside them, and the self-selection caveat.
/// </summary>
public sealed record LoyaltyComparison(
    int MinimumGroupSize,
    bool Comparable,
    LoyaltyFigures Group,
    LoyaltyFigures Others,
    MeanContrast? Spend,
    MeanContrast? Clv,
    double? RepeatRateDifference,
    double? RetentionRateDifference,
    double? ProbabilityAliveDifference,
    IReadOnlyList<string> Warnings)
{
    public const int DefaultMinimumGroupSize = 30;
    public const int Resamples = 1000;
    public const double Confidence = 0.95;

    /// <summary>
    /// Compares the flagged customers with the others over [from, to). Spend counts purchases in the period (0 for
    /// none); P(alive) comes from <paramref name="probabilityAlive"/> (customers without a score are left out of its
    /// mean). The bootstrap is seeded, so the same data always give the same intervals.
    /// </summary>
    public static LoyaltyComparison Analyse(
        IReadOnlyList<ComparedCustomer> customers,
        IReadOnlyDictionary<Guid, double> probabilityAlive,
        IReadOnlyList<Purchase> purchases,
        DateTime from,
        DateTime to,
        string groupName,
        int minimumGroupSize = DefaultMinimumGroupSize,
        int seed = 20260101)
    {
        if (minimumGroupSize < 1)
        {
            throw new EngagementException(EngagementError.InvalidRoiInput, "MinGroupSize", $"MinGroupSize must be at least 1, got {minimumGroupSize}.");
        }

        var previous = from - (to - from);
        var days = new Dictionary<Guid, SortedSet<DateTime>>();
        var spend = new Dictionary<Guid, double>();
        foreach (var p in purchases)
        {
            if (p.On >= to)
            {
                continue;
            }

            if (!days.TryGetValue(p.CustomerId, out var set))
            {
                days[p.CustomerId] = set = new SortedSet<DateTime>();
            }

            set.Add(p.On.Date);
            if (p.On >= from)
            {
                spend.TryGetValue(p.CustomerId, out var s);
                spend[p.CustomerId] = s + (double)p.Amount;
            }
        }

        var group = customers.Where(c => c.Follower).ToList();
        var others = customers.Where(c => !c.Follower).ToList();
        var a = Figures(group, days, probabilityAlive, previous, from);
        var b = Figures(others, days, probabilityAlive, previous, from);
        var warnings = new List<string>();
        TooSmall(warnings, Capital(groupName), group.Count, minimumGroupSize);
        TooSmall(warnings, $"Not {groupName}", others.Count, minimumGroupSize);

        if (warnings.Count > 0)
        {
            return new LoyaltyComparison(minimumGroupSize, false, a, b, null, null, null, null, null, warnings);
        }

        var random = new Random(seed);
        var spendContrast = Bootstrap.Contrast(Values(group, c => spend.TryGetValue(c.CustomerId, out var s) ? s : 0), Values(others, c => spend.TryGetValue(c.CustomerId, out var s) ? s : 0), random, Resamples, Confidence);
        var clvContrast = Bootstrap.Contrast(Values(group, c => (double)c.Clv), Values(others, c => (double)c.Clv), random, Resamples, Confidence);
        return new LoyaltyComparison(
            minimumGroupSize,
            true,
            a,
            b,
            spendContrast,
            clvContrast,
            a.RepeatRate - b.RepeatRate,
            a.RetentionRate - b.RetentionRate,
            a.MeanProbabilityAlive - b.MeanProbabilityAlive,
            warnings);
    }

    private static LoyaltyFigures Figures(List<ComparedCustomer> group, Dictionary<Guid, SortedSet<DateTime>> days, IReadOnlyDictionary<Guid, double> alive, DateTime previous, DateTime from)
    {
        int buyers = 0, repeaters = 0, retentionBase = 0, retained = 0, scored = 0;
        double aliveSum = 0;
        foreach (var c in group)
        {
            if (alive.TryGetValue(c.CustomerId, out var p))
            {
                scored++;
                aliveSum += p;
            }

            if (!days.TryGetValue(c.CustomerId, out var set))
            {
                continue;
            }

            buyers++;
            repeaters += set.Count >= 2 ? 1 : 0;
            if (set.Any(d => d >= previous && d < from))
            {
                retentionBase++;
                retained += set.Any(d => d >= from) ? 1 : 0;
            }
        }

        return new LoyaltyFigures(
            group.Count,
            buyers > 0 ? (double)repeaters / buyers : null,
            buyers,
            retentionBase > 0 ? (double)retained / retentionBase : null,
            retentionBase,
            scored > 0 ? aliveSum / scored : null,
            scored);
    }

    private static void TooSmall(List<string> warnings, string name, int size, int minimum)
    {
        if (size < minimum)
        {
            warnings.Add(string.Format(CultureInfo.InvariantCulture, "{0}: only {1} customer{2}; a comparison needs at least {3} in each group, so no difference, ratio or interval is shown.", name, size, size == 1 ? string.Empty : "s", minimum));
        }
    }

    private static double[] Values(List<ComparedCustomer> group, Func<ComparedCustomer, double> value) => group.Select(value).ToArray();

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
