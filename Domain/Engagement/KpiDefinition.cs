using System;
using System.Linq;

namespace Rapport.Domain.Engagement;

public enum FunnelStage
{
    Awareness,
    Consideration,
    Conversion,
    Retention,
    Advocacy,
}

public enum Tactic
{
    Video,
    WhitePaper,
    Event,
    SocialPost,
    Email,
    Webinar,
    Podcast,
    Blog,
    PaidAd,
    ReferralProgramme,
    Community,
    ReviewSite,
}

public enum KpiUnit
{
    Count,
    Percent,
    Currency,
    Score,
    Rating,
}

/// <summary>Where an automatic KPI's actual comes from (see <see cref="KpiData"/>).</summary>
public enum KpiAutoSource
{
    /// <summary>Interactions of one kind in the period.</summary>
    Count,
    /// <summary>All interactions in the period.</summary>
    Interactions,
    Conversions,
    /// <summary>Conversions ÷ clicks × 100.</summary>
    ConversionRate,
    AverageClv,
    AverageEngagementScore,
    AverageRating,
    ReferralValue,
    EngagedCustomers,
    NewFollowers,
    /// <summary>Retained customers ÷ customers at the start × 100.</summary>
    RetentionRate,
    /// <summary>Positive interactions ÷ interactions with a sentiment × 100.</summary>
    PositiveSentimentShare,
}

/// <summary>
/// How a KPI's actual is obtained: <c>Manual</c> (typed in), or <c>Auto(source)</c> / <c>Auto(count:kind)</c>, e.g.
/// <c>Auto(count:share)</c>, <c>Auto(conversion_rate)</c>, <c>Auto(average_clv)</c>. <see cref="ToString"/> and
/// <see cref="Parse"/> use that text form, which is what admins edit.
/// </summary>
public sealed record KpiComputation(KpiAutoSource? Source, InteractionKind? Kind)
{
    public static KpiComputation Manual { get; } = new KpiComputation(null, null);

    public bool IsManual => Source is null;

    public static KpiComputation Auto(KpiAutoSource source) => new KpiComputation(source, null);

    public static KpiComputation CountOf(InteractionKind kind) => new KpiComputation(KpiAutoSource.Count, kind);

    public static KpiComputation Parse(string? text, string field = "Computation")
    {
        var t = (text ?? string.Empty).Trim();
        if (string.Equals(t, "Manual", StringComparison.OrdinalIgnoreCase))
        {
            return Manual;
        }

        if (t.StartsWith("Auto(", StringComparison.OrdinalIgnoreCase) && t.EndsWith(")", StringComparison.Ordinal))
        {
            var inner = t.Substring(5, t.Length - 6).Trim();
            var colon = inner.IndexOf(':');
            var sourceText = colon < 0 ? inner : inner.Substring(0, colon);
            if (CodeText.TryParse<KpiAutoSource>(sourceText, out var source))
            {
                if (source == KpiAutoSource.Count)
                {
                    if (colon >= 0 && InteractionKinds.TryParse(inner.Substring(colon + 1), out var kind))
                    {
                        return CountOf(kind);
                    }
                }
                else if (colon < 0)
                {
                    return Auto(source);
                }
            }
        }

        var sources = string.Join(", ", ((KpiAutoSource[])Enum.GetValues(typeof(KpiAutoSource))).Where(s => s != KpiAutoSource.Count).Select(s => CodeText.Of(s)));
        throw new EngagementException(
            EngagementError.InvalidKpi,
            field,
            $"{field} '{text}' is not understood; use Manual, Auto(count:<kind>) with a kind such as like or share, or Auto(<source>) with one of: {sources}.");
    }

    public override string ToString() => Source switch
    {
        null => "Manual",
        KpiAutoSource.Count => $"Auto(count:{InteractionKinds.Code(Kind ?? InteractionKind.Like)})",
        _ => $"Auto({CodeText.Of(Source.Value)})",
    };
}

/// <summary>A KPI of the catalogue: a stable code, what it measures, its funnel stage and tactic, unit and computation.</summary>
public sealed record KpiDefinition(string Code, string Name, string Description, FunnelStage Stage, Tactic Tactic, KpiUnit Unit, KpiComputation Computation)
{
    /// <summary>False for KPIs where less is better (cost per acquisition, churn): progress is then target ÷ actual.</summary>
    public bool HigherIsBetter { get; init; } = true;
}
