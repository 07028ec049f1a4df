using System;
using System.Collections.Generic;
using System.Linq;

namespace Rapport.Domain.Engagement;

/// <summary>
/// Engagement score 0–100 for one contact or account.
/// <para>Raw points: for each interaction within the horizon,
/// <c>weight(kind) × max(0, 1 + strength × sentiment) × 0.5^(ageDays / halfLifeDays)</c>, where at most
/// <c>dailyCap(kind)</c> interactions of a kind count per UTC calendar day (the latest ones; a burst cannot dominate).
/// An interaction dated after <c>now</c> counts as age 0.</para>
/// <para>Normalisation (log-scaled against the base's 99th percentile, chosen over a percentile rank because it needs
/// one stored number instead of the whole base, so one customer can be rescored alone, and because it keeps
/// differences between customers visible rather than only their order):
/// <c>score = 100 × min(1, ln(1 + raw) / ln(1 + p99))</c>. A customer at the 99th percentile or above scores 100;
/// the log keeps a handful of interactions visible (raw = √(1+p99) − 1 scores 50).</para>
/// </summary>
public static class EngagementScorer
{
    /// <summary>
    /// Scores one customer from all its interactions within the horizon (one query by the adapter).
    /// <paramref name="baseReference"/> null (or with a zero percentile) falls back to the configuration's reference.
    /// </summary>
    public static EngagementScore ScoreCustomer(IEnumerable<Interaction> interactions, DateTime now, EngagementScoringConfig? config = null, EngagementBaseReference? baseReference = null)
    {
        if (interactions is null)
        {
            throw new ArgumentNullException(nameof(interactions));
        }

        config ??= EngagementScoringConfig.Default;
        config.EnsureValid();
        var list = interactions.ToList();
        if (list.Select(i => i.CustomerId).Distinct().Count() > 1)
        {
            throw new EngagementException(EngagementError.InvalidInteraction, "CustomerId", "CustomerId differs between the interactions; a score is computed for one customer at a time.");
        }

        var counted = new Dictionary<InteractionKind, Tally>();
        var inHorizon = list.Where(i => AgeDays(i, now) <= config.HorizonDays);
        foreach (var group in inHorizon.GroupBy(i => new { i.Kind, Day = i.OccurredOn.Date }))
        {
            var cap = config.Weights.DailyCap(group.Key.Kind);
            var weight = config.Weights.Weight(group.Key.Kind);
            var ordered = group
                .OrderByDescending(i => i.OccurredOn)
                .ThenBy(i => i.ExternalId ?? string.Empty, StringComparer.Ordinal)
                .ToList();
            if (!counted.TryGetValue(group.Key.Kind, out var acc))
            {
                acc = new Tally();
                counted[group.Key.Kind] = acc;
            }

            acc.Seen += ordered.Count;
            foreach (var i in ordered.Take(cap))
            {
                var points = weight * SentimentModifier(i.Sentiment, config.SentimentStrength);
                acc.Counted++;
                acc.Raw += points;
                acc.Decayed += points * Decay(AgeDays(i, now), config.HalfLifeDays);
            }
        }

        var total = counted.Values.Sum(v => v.Decayed);
        var reference = baseReference is { Percentile99RawPoints: > 0 } ? baseReference.Percentile99RawPoints : config.FallbackReferencePoints;
        var score = Normalise(total, reference);
        var components = counted
            .Select(kv =>
            {
                var share = total > 0 ? kv.Value.Decayed / total : 0;
                return new ScoreComponent(kv.Key, kv.Value.Seen, kv.Value.Counted, kv.Value.Raw, kv.Value.Decayed, share, score * share);
            })
            .OrderByDescending(c => c.DecayedPoints)
            .ThenBy(c => c.Kind)
            .ToList();
        return new EngagementScore(score, total, reference, components);
    }

    /// <summary>
    /// <c>100 × min(1, ln(1 + raw) / ln(1 + reference))</c>, rounded to 2 decimals. The paged rescoring API can use it
    /// to rescale stored raw points after refreshing the reference.
    /// </summary>
    public static double Normalise(double rawPoints, double referencePoints)
    {
        if (double.IsNaN(rawPoints) || rawPoints < 0)
        {
            throw new EngagementException(EngagementError.InvalidConfiguration, "RawPoints", "RawPoints must be a number of zero or more.");
        }

        if (!(referencePoints > 0) || double.IsInfinity(referencePoints))
        {
            throw new EngagementException(EngagementError.InvalidConfiguration, "ReferencePoints", "ReferencePoints must be a positive number.");
        }

        var ratio = Math.Log(1 + rawPoints) / Math.Log(1 + referencePoints);
        return Math.Round(100 * Math.Min(1, ratio), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The base statistic from every customer's stored raw points (customers without interactions included, as 0):
    /// the 99th percentile by linear interpolation between closest ranks (Excel's PERCENTILE.INC). An empty base
    /// gives 0, which makes scoring use the configuration's fallback reference.
    /// </summary>
    public static EngagementBaseReference BaseReference(IEnumerable<double> rawScores)
    {
        if (rawScores is null)
        {
            throw new ArgumentNullException(nameof(rawScores));
        }

        var sorted = rawScores.ToList();
        foreach (var r in sorted)
        {
            if (double.IsNaN(r) || double.IsInfinity(r) || r < 0)
            {
                throw new EngagementException(EngagementError.InvalidConfiguration, "rawScores", "rawScores must all be finite numbers of zero or more.");
            }
        }

        if (sorted.Count == 0)
        {
            return new EngagementBaseReference(0, 0, 0);
        }

        sorted.Sort();
        var position = 0.99 * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        var p99 = sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
        return new EngagementBaseReference(p99, sorted.Count, sorted[sorted.Count - 1]);
    }

    /// <summary><c>0.5^(ageDays / halfLifeDays)</c>: a point <paramref name="halfLifeDays"/> old is worth half.</summary>
    public static double Decay(double ageDays, double halfLifeDays) => Math.Pow(0.5, Math.Max(0, ageDays) / halfLifeDays);

    private static double SentimentModifier(double? sentiment, double strength) =>
        sentiment is { } s && !double.IsNaN(s) ? Math.Max(0, 1 + (strength * Math.Max(-1, Math.Min(1, s)))) : 1;

    private static double AgeDays(Interaction i, DateTime now) => Math.Max(0, (now - i.OccurredOn).TotalDays);

    private sealed class Tally
    {
        public int Seen { get; set; }

        public int Counted { get; set; }

        public double Raw { get; set; }

        public double Decayed { get; set; }
    }
}
