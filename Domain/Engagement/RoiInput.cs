using System;
using System.Collections.Generic;

namespace Rapport.Domain.Engagement;

/// <summary>One cost of a programme or campaign (content, ads, tools, staff time); never negative.</summary>
public sealed record CostItem(string Name, decimal Amount);

/// <summary>
/// A customer in the CLV-lift comparison: its CLV, whether it engaged with the programme in the period, and its
/// comparability bucket (e.g. "segment|level": the adapter builds it from the customer's segment and level at the
/// start of the period, so engaged customers are only compared with non-engaged customers of the same bucket).
/// </summary>
public sealed record RoiCustomer(Guid CustomerId, decimal Clv, bool Engaged, string Bucket);

/// <summary>
/// Everything a social-ROI calculation reads, for one programme or campaign. Interactions are the programme's (the
/// adapter filters by programme); only those with <c>From &lt;= OccurredOn &lt; To</c> count. Offer margin: either
/// <see cref="MarginPerRedemption"/> (redemptions × margin) or <see cref="MarginRate"/> (sum of redemption values ×
/// rate, 0..1); when both are given the per-redemption margin is used.
/// </summary>
public sealed record RoiInput(DateTime From, DateTime To)
{
    public IReadOnlyList<Interaction> Interactions { get; init; } = Array.Empty<Interaction>();

    public decimal? MarginPerRedemption { get; init; }

    public decimal? MarginRate { get; init; }

    /// <summary>CLV of each referred customer, looked up by the adapter.</summary>
    public IReadOnlyDictionary<Guid, decimal> ReferredCustomerClv { get; init; } = new Dictionary<Guid, decimal>();

    public IReadOnlyList<RoiCustomer> Customers { get; init; } = Array.Empty<RoiCustomer>();

    /// <summary>Cost of one service contact on a traditional channel (phone, email desk).</summary>
    public decimal TraditionalCostPerContact { get; init; }

    /// <summary>Cost of one service contact handled on a social network.</summary>
    public decimal SocialCostPerContact { get; init; }

    public IReadOnlyList<CostItem> CostItems { get; init; } = Array.Empty<CostItem>();
}
