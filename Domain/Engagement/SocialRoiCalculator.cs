using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Rapport.Domain.Engagement;

/// <summary>
/// Social ROI for a programme or campaign over a period.
/// <list type="bullet">
/// <item>Offer profit: coupon redemptions in the period × margin per redemption, or Σ redemption values × margin rate
/// (redemptions without a value then add 0 and are counted).</item>
/// <item>Referral value: Σ CLV of the distinct customers referred in the period (a customer referred twice counts
/// once; a referred customer without a known CLV adds 0 and is counted).</item>
/// <item>CLV lift: per comparability bucket holding both engaged and non-engaged customers,
/// (average CLV engaged − average CLV non-engaged) × engaged count, summed. Buckets without both groups are left out
/// (their customers are counted). The lift can be negative, and then lowers the gains.</item>
/// <item>Service savings: service contacts handled on a social network (not email, web, other) in the period ×
/// (traditional − social cost per contact).</item>
/// <item>ROI = (gains − cost) / cost, with cost = Σ cost items; cost 0 leaves ROI null with a reason.</item>
/// </list>
/// </summary>
public static class SocialRoiCalculator
{
    public static RoiResult Calculate(RoiInput input)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        EnsureValid(input);
        var inPeriod = input.Interactions.Where(i => i.OccurredOn >= input.From && i.OccurredOn < input.To).ToList();

        var redemptions = inPeriod.Where(i => i.Kind == InteractionKind.CouponRedemption).ToList();
        var withoutValue = redemptions.Count(r => r.MonetaryValue is null);
        var offerProfit = input.MarginPerRedemption is { } perRedemption
            ? redemptions.Count * perRedemption
            : redemptions.Sum(r => r.MonetaryValue ?? 0) * (input.MarginRate ?? 0);

        var referrals = inPeriod.Where(i => i.Kind == InteractionKind.Referral && i.ReferredCustomerId is not null).ToList();
        var referred = referrals.Select(r => r.ReferredCustomerId!.Value).Distinct().ToList();
        decimal referralValue = 0;
        var referredWithoutClv = 0;
        foreach (var id in referred)
        {
            if (input.ReferredCustomerClv.TryGetValue(id, out var clv))
            {
                referralValue += clv;
            }
            else
            {
                referredWithoutClv++;
            }
        }

        decimal lift = 0;
        int engagedCompared = 0, nonEngagedCompared = 0, buckets = 0, uncompared = 0;
        foreach (var bucket in input.Customers.GroupBy(c => (c.Bucket ?? string.Empty).Trim(), StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var engaged = bucket.Where(c => c.Engaged).ToList();
            var others = bucket.Where(c => !c.Engaged).ToList();
            if (engaged.Count == 0 || others.Count == 0)
            {
                uncompared += engaged.Count + others.Count;
                continue;
            }

            buckets++;
            engagedCompared += engaged.Count;
            nonEngagedCompared += others.Count;
            lift += (engaged.Average(c => c.Clv) - others.Average(c => c.Clv)) * engaged.Count;
        }

        var socialContacts = inPeriod.Count(i => i.Kind == InteractionKind.ServiceContact && Channels.IsSocialNetwork(i.Channel));
        var savings = socialContacts * (input.TraditionalCostPerContact - input.SocialCostPerContact);

        var cost = input.CostItems.Sum(c => c.Amount);
        var gains = offerProfit + referralValue + lift + savings;
        decimal? roi = cost == 0 ? null : (gains - cost) / cost;
        var reason = cost == 0 ? "ROI is undefined because the programme cost is 0: add the programme's cost items." : null;
        var counts = new RoiCounts(
            redemptions.Count,
            withoutValue,
            referrals.Count,
            referred.Count,
            referredWithoutClv,
            engagedCompared,
            nonEngagedCompared,
            buckets,
            uncompared,
            socialContacts,
            input.CostItems.Count);
        return new RoiResult(offerProfit, referralValue, lift, savings, gains, cost, roi, reason, counts);
    }

    private static void EnsureValid(RoiInput input)
    {
        if (input.To <= input.From)
        {
            Fail("To", $"To {Iso(input.To)} is not after From {Iso(input.From)}; the period must not be empty.");
        }

        if (input.MarginPerRedemption is { } m && m < 0)
        {
            Fail("MarginPerRedemption", $"MarginPerRedemption {Text(m)} is negative; use zero or more.");
        }

        if (input.MarginRate is { } r && (r < 0 || r > 1))
        {
            Fail("MarginRate", $"MarginRate {Text(r)} is out of range; use a fraction from 0 to 1 (0.25 for 25 %).");
        }

        if (input.TraditionalCostPerContact < 0)
        {
            Fail("TraditionalCostPerContact", $"TraditionalCostPerContact {Text(input.TraditionalCostPerContact)} is negative; a cost must be zero or more.");
        }

        if (input.SocialCostPerContact < 0)
        {
            Fail("SocialCostPerContact", $"SocialCostPerContact {Text(input.SocialCostPerContact)} is negative; a cost must be zero or more.");
        }

        for (var i = 0; i < input.CostItems.Count; i++)
        {
            var item = input.CostItems[i];
            if (item.Amount < 0)
            {
                Fail($"CostItems[{i}].Amount", $"CostItems[{i}].Amount {Text(item.Amount)} ('{item.Name}') is negative; a cost must be zero or more (record income as a gain, not as a negative cost).");
            }
        }

        foreach (var kv in input.ReferredCustomerClv.OrderBy(kv => kv.Key))
        {
            if (kv.Value < 0)
            {
                Fail("ReferredCustomerClv", $"ReferredCustomerClv for {kv.Key:D} is {Text(kv.Value)}; a CLV must be zero or more.");
            }
        }

        foreach (var i in input.Interactions)
        {
            if (i.MonetaryValue is { } v && v < 0)
            {
                Fail("MonetaryValue", $"MonetaryValue {Text(v)} of interaction {i.ExternalId ?? i.CustomerId.ToString("D")} is negative; a monetary value must be zero or more.");
            }
        }
    }

    private static void Fail(string field, string message) => throw new EngagementException(EngagementError.InvalidRoiInput, field, message);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateTime value) => InteractionValidator.Iso(value);
}
