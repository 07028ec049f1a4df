using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Rapport.Domain.Engagement;

/// <summary>A customer in the comparison: whether it follows or engages with the brand, and its CLV.</summary>
public sealed record ComparedCustomer(Guid CustomerId, bool Follower, decimal Clv);

/// <summary>A purchase (or gift) by a customer.</summary>
public sealed record Purchase(Guid CustomerId, DateTime On, decimal Amount);

/// <summary>One group's figures; the averages are null when the group is empty.</summary>
public sealed record GroupFigures(int Customers, decimal TotalSpend, decimal? AverageSpend, decimal? AverageClv);

/// <summary>
/// Followers vs non-followers. Differences (followers − non-followers) are null when either group is empty; ratios
/// (followers ÷ non-followers) also when the non-followers' average is 0.
/// </summary>
public sealed record FollowerComparisonResult(
    DateTime From,
    DateTime To,
    GroupFigures Followers,
    GroupFigures NonFollowers,
    decimal? SpendDifference,
    decimal? SpendRatio,
    decimal? ClvDifference,
    decimal? ClvRatio,
    int PurchasesOfUnknownCustomers);

public static class FollowerComparison
{
    /// <summary>
    /// Average spend per customer over <c>From &lt;= On &lt; To</c> (customers without a purchase count with 0 spend)
    /// and average CLV, for followers and for the others. Purchases of customers not in the list are ignored and counted.
    /// </summary>
    public static FollowerComparisonResult Compare(IEnumerable<ComparedCustomer> customers, IEnumerable<Purchase> purchases, DateTime from, DateTime to)
    {
        if (customers is null)
        {
            throw new ArgumentNullException(nameof(customers));
        }

        if (purchases is null)
        {
            throw new ArgumentNullException(nameof(purchases));
        }

        if (to <= from)
        {
            throw new EngagementException(EngagementError.InvalidRoiInput, "To", $"To {InteractionValidator.Iso(to)} is not after From {InteractionValidator.Iso(from)}; the period must not be empty.");
        }

        var byId = new Dictionary<Guid, ComparedCustomer>();
        foreach (var c in customers)
        {
            if (byId.ContainsKey(c.CustomerId))
            {
                throw new EngagementException(EngagementError.InvalidRoiInput, "CustomerId", $"CustomerId {c.CustomerId:D} is listed twice; list each customer once.");
            }

            byId[c.CustomerId] = c;
        }

        var spend = new Dictionary<Guid, decimal>();
        var unknown = 0;
        foreach (var p in purchases)
        {
            if (p.Amount < 0)
            {
                throw new EngagementException(EngagementError.InvalidRoiInput, "Amount", $"Amount {p.Amount.ToString(CultureInfo.InvariantCulture)} of a purchase by {p.CustomerId:D} is negative; record refunds as a lower purchase amount.");
            }

            if (p.On < from || p.On >= to)
            {
                continue;
            }

            if (!byId.ContainsKey(p.CustomerId))
            {
                unknown++;
                continue;
            }

            spend.TryGetValue(p.CustomerId, out var sum);
            spend[p.CustomerId] = sum + p.Amount;
        }

        var followers = Figures(byId.Values.Where(c => c.Follower).ToList(), spend);
        var others = Figures(byId.Values.Where(c => !c.Follower).ToList(), spend);
        return new FollowerComparisonResult(
            from,
            to,
            followers,
            others,
            Difference(followers.AverageSpend, others.AverageSpend),
            Ratio(followers.AverageSpend, others.AverageSpend),
            Difference(followers.AverageClv, others.AverageClv),
            Ratio(followers.AverageClv, others.AverageClv),
            unknown);
    }

    private static GroupFigures Figures(List<ComparedCustomer> group, Dictionary<Guid, decimal> spend)
    {
        decimal total = 0;
        foreach (var c in group)
        {
            total += spend.TryGetValue(c.CustomerId, out var s) ? s : 0;
        }

        return group.Count == 0
            ? new GroupFigures(0, 0, null, null)
            : new GroupFigures(group.Count, total, total / group.Count, group.Average(c => c.Clv));
    }

    private static decimal? Difference(decimal? a, decimal? b) => a is null || b is null ? null : a - b;

    private static decimal? Ratio(decimal? a, decimal? b) => a is null || b is null || b == 0 ? null : a / b;
}
