using System;
using System.Globalization;

namespace Rapport.Domain.Feed;

/// <summary>
/// One digest period: [Start, End) in UTC. Its <see cref="Key"/> ("daily:2026-12-03", "weekly:2026-11-30") names it
/// so a delivery is recorded once per follower and period, whatever time and how often the job runs.
/// </summary>
public sealed record DigestPeriod(DigestCadence Cadence, DateTime Start, DateTime End)
{
    public string Key => (Cadence == DigestCadence.Weekly ? "weekly:" : "daily:") + Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// Calendar digest periods in UTC: a daily digest covers the previous calendar day, a weekly one the previous ISO week
/// (Monday 00:00 to Monday 00:00). A follower is due for the last complete period until it is recorded as delivered;
/// a job that did not run for days catches up with the latest period only (older ones are not sent late).
/// </summary>
public static class DigestSchedule
{
    /// <summary>The last complete period of <paramref name="cadence"/> at <paramref name="nowUtc"/>; null for <see cref="DigestCadence.None"/>.</summary>
    public static DigestPeriod? LastComplete(DigestCadence cadence, DateTime nowUtc)
    {
        var today = DateTime.SpecifyKind(nowUtc.Date, DateTimeKind.Utc);
        switch (cadence)
        {
            case DigestCadence.Daily:
                return new DigestPeriod(cadence, today.AddDays(-1), today);
            case DigestCadence.Weekly:
                var sinceMonday = ((int)today.DayOfWeek + 6) % 7;
                var monday = today.AddDays(-sinceMonday);
                return new DigestPeriod(cadence, monday.AddDays(-7), monday);
            default:
                return null;
        }
    }
}
