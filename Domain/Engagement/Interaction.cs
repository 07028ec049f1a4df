using System;

namespace Rapport.Domain.Engagement;

/// <summary>
/// One thing a customer (contact or account) did on a channel. <see cref="Rating"/> is for reviews (1–5),
/// <see cref="ReferredCustomerId"/> for referrals, <see cref="MonetaryValue"/> where the interaction has one (a coupon
/// redemption's order value, for instance). <see cref="ExternalId"/> makes ingestion idempotent.
/// </summary>
public sealed record Interaction(Guid CustomerId, InteractionKind Kind, Channel Channel, DateTime OccurredOn)
{
    public string? ExternalId { get; init; }

    /// <summary>-1 (negative) .. 1 (positive); null when unknown.</summary>
    public double? Sentiment { get; init; }

    public int? Rating { get; init; }

    public decimal? MonetaryValue { get; init; }

    public Guid? ReferredCustomerId { get; init; }
}
