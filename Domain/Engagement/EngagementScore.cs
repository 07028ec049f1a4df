using System;
using System.Collections.Generic;
using System.Linq;

namespace Rapport.Domain.Engagement;

/// <summary>
/// A customer's engagement: <see cref="Score"/> 0–100 (rounded to 2 decimals), the decayed <see cref="RawPoints"/> it
/// came from (store them: the paged rescoring API builds the base reference from them), the reference points that
/// map to 100, and one component per kind seen (largest first) whose points add up to the score.
/// </summary>
public sealed record EngagementScore(double Score, double RawPoints, double ReferencePoints, IReadOnlyList<ScoreComponent> Components)
{
    /// <summary>The <paramref name="count"/> components that contribute most, largest first; kinds that add nothing are left out.</summary>
    public IReadOnlyList<ScoreComponent> TopComponents(int count)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "count must be zero or more.");
        }

        return Components
            .Where(c => c.Points > 0)
            .OrderByDescending(c => c.Points)
            .ThenBy(c => c.Kind)
            .Take(count)
            .ToList();
    }
}
