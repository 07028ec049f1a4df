using System;

namespace Rapport.Domain.Engagement;

/// <summary>
/// The base statistic scores are normalised against: the 99th percentile of the customers' decayed raw points, from
/// <see cref="EngagementScorer.BaseReference"/>. The adapter stores it (the paged rescoring API refreshes it) so that
/// scoring one customer needs no scan of the base.
/// </summary>
public sealed record EngagementBaseReference(double Percentile99RawPoints, int Customers, double MaxRawPoints)
{
    public DateTime? ComputedOn { get; init; }
}
