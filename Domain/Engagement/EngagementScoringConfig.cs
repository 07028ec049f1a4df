using System.Globalization;

namespace Rapport.Domain.Engagement;

/// <summary>
/// How interactions become an engagement score. Defaults: <see cref="EngagementWeights.Default"/>, a 90-day half-life,
/// a 730-day horizon (older interactions are ignored: at 730 days a point is worth 0.4 % of its value, and the adapter
/// need only query that window), a sentiment strength of 0.5 (a positive interaction counts 1.5×, a negative one 0.5×;
/// 0 turns sentiment off) and a fallback reference of 50 decayed points used until the base has been measured.
/// </summary>
public sealed record EngagementScoringConfig
{
    public static EngagementScoringConfig Default { get; } = new EngagementScoringConfig();

    public EngagementWeights Weights { get; init; } = EngagementWeights.Default;

    public double HalfLifeDays { get; init; } = 90;

    public double HorizonDays { get; init; } = 730;

    /// <summary>Points are multiplied by <c>max(0, 1 + SentimentStrength × sentiment)</c>; interactions without sentiment by 1.</summary>
    public double SentimentStrength { get; init; } = 0.5;

    /// <summary>Decayed points that map to 100 when no base reference is known yet (a new organisation).</summary>
    public double FallbackReferencePoints { get; init; } = 50;

    /// <summary>Throws an <see cref="EngagementException"/> naming the first setting out of range.</summary>
    public void EnsureValid()
    {
        if (Weights is null)
        {
            Fail("Weights", "Weights are required.");
        }

        if (!(HalfLifeDays > 0) || double.IsInfinity(HalfLifeDays))
        {
            Fail("HalfLifeDays", $"HalfLifeDays is {Text(HalfLifeDays)}; the half-life must be a positive number of days.");
        }

        if (!(HorizonDays > 0) || double.IsInfinity(HorizonDays))
        {
            Fail("HorizonDays", $"HorizonDays is {Text(HorizonDays)}; the horizon must be a positive number of days.");
        }

        if (!(SentimentStrength >= 0 && SentimentStrength <= 1))
        {
            Fail("SentimentStrength", $"SentimentStrength is {Text(SentimentStrength)}; use a number from 0 (off) to 1.");
        }

        if (!(FallbackReferencePoints > 0) || double.IsInfinity(FallbackReferencePoints))
        {
            Fail("FallbackReferencePoints", $"FallbackReferencePoints is {Text(FallbackReferencePoints)}; it must be a positive number of points.");
        }
    }

    private static void Fail(string field, string message) => throw new EngagementException(EngagementError.InvalidConfiguration, field, message);

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
