using System.Collections.Generic;

namespace Rapport.Domain.Engagement;

/// <summary>
/// The figures automatic KPIs are computed from, for one plan period (the adapter aggregates them). Absent figures
/// are null; a KPI that needs one then has no actual rather than a false zero.
/// </summary>
public sealed record KpiData
{
    public IReadOnlyDictionary<InteractionKind, long> CountsByKind { get; init; } = new Dictionary<InteractionKind, long>();

    public long? Conversions { get; init; }

    public decimal? AverageClv { get; init; }

    public double? AverageEngagementScore { get; init; }

    public double? AverageRating { get; init; }

    public decimal? ReferralValue { get; init; }

    public long? EngagedCustomers { get; init; }

    public long? NewFollowers { get; init; }

    public long? CustomersAtStart { get; init; }

    public long? CustomersRetained { get; init; }

    public long? InteractionsWithSentiment { get; init; }

    public long? PositiveInteractions { get; init; }
}
