using System;
using Rapport.Domain.Clv;

namespace Rapport.Domain.Engagement;

/// <summary>
/// What level rules look at for one contact or account: CLV, engagement score, giving rollups (NPSP-style, see
/// Clv/DonorRollups) and geography. Unknown numbers are null; a ladder on an unknown value assigns no level.
/// </summary>
public sealed record LevelCustomer
{
    public decimal? Clv { get; init; }

    public double? EngagementScore { get; init; }

    public decimal GivingTotal { get; init; }

    public int GivingCount { get; init; }

    public DateTime? LastGiftDate { get; init; }

    /// <summary>Gave last year but not this year.</summary>
    public bool Lybunt { get; init; }

    /// <summary>Gave some earlier year but neither last year nor this year.</summary>
    public bool Sybunt { get; init; }

    public string? Country { get; init; }

    public string? State { get; init; }

    public string? City { get; init; }

    /// <summary>The giving part from an NPSP-style rollup; add CLV, engagement score and geography with <c>with</c>.</summary>
    public static LevelCustomer FromDonorRollup(DonorRollup rollup)
    {
        if (rollup is null)
        {
            throw new ArgumentNullException(nameof(rollup));
        }

        return new LevelCustomer
        {
            GivingTotal = (decimal)rollup.Total,
            GivingCount = rollup.Count,
            LastGiftDate = rollup.LastGiftDate,
            Lybunt = rollup.Lybunt,
            Sybunt = rollup.Sybunt,
        };
    }
}
