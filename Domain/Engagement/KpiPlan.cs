using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Rapport.Domain.Engagement;

/// <summary>
/// A row of a KPI plan: funnel stage × goal × tactic × KPI, with its target and period. <see cref="Actual"/> is the
/// typed-in actual for manual KPIs; for automatic ones it is computed (<see cref="KpiPlanner"/>).
/// </summary>
public sealed record KpiPlanRow(FunnelStage Stage, string Goal, Tactic Tactic, string KpiCode, decimal Target, DateTime PeriodStart, DateTime PeriodEnd)
{
    public decimal? Actual { get; init; }
}

/// <summary>A plan row with its KPI, actual (null when unknown), whether it was computed, and progress toward the target in %.</summary>
public sealed record KpiProgress(KpiPlanRow Row, KpiDefinition Kpi, decimal? Actual, bool Computed, decimal? ProgressPercent);

public static class KpiPlanner
{
    /// <summary>Evaluates rows that all share one period's data.</summary>
    public static IReadOnlyList<KpiProgress> Evaluate(IEnumerable<KpiPlanRow> rows, KpiCatalogue catalogue, KpiData data)
    {
        Common.Guard.NotNull(data, nameof(data));
        return Evaluate(rows, catalogue, _ => data);
    }

    /// <summary>
    /// Each row's actual (computed for automatic KPIs from the row's period data, the typed-in value for manual ones)
    /// and progress: actual ÷ target × 100, or target ÷ actual × 100 for lower-is-better KPIs, rounded to 1 decimal;
    /// null when the actual is unknown or the divisor is 0.
    /// </summary>
    public static IReadOnlyList<KpiProgress> Evaluate(IEnumerable<KpiPlanRow> rows, KpiCatalogue catalogue, Func<KpiPlanRow, KpiData> dataForRow)
    {
        Common.Guard.NotNull(rows, nameof(rows));
        Common.Guard.NotNull(catalogue, nameof(catalogue));
        Common.Guard.NotNull(dataForRow, nameof(dataForRow));
        var result = new List<KpiProgress>();
        var index = 0;
        foreach (var row in rows)
        {
            var where = $"Rows[{index++}]";
            var kpi = catalogue.Find(row.KpiCode)
                ?? throw new EngagementException(EngagementError.InvalidKpi, $"{where}.KpiCode", $"{where}.KpiCode '{row.KpiCode}' is not in the KPI catalogue.");
            if (row.Target < 0)
            {
                throw new EngagementException(EngagementError.InvalidKpi, $"{where}.Target", $"{where}.Target {row.Target.ToString(CultureInfo.InvariantCulture)} is negative; a target must be zero or more.");
            }

            if (row.PeriodEnd < row.PeriodStart)
            {
                throw new EngagementException(EngagementError.InvalidKpi, $"{where}.PeriodEnd", $"{where}.PeriodEnd {InteractionValidator.Iso(row.PeriodEnd)} is before PeriodStart {InteractionValidator.Iso(row.PeriodStart)}.");
            }

            var computed = !kpi.Computation.IsManual;
            var actual = computed ? ComputeActual(kpi.Computation, dataForRow(row)) : row.Actual;
            result.Add(new KpiProgress(row, kpi, actual, computed, Progress(row.Target, actual, kpi.HigherIsBetter)));
        }

        return result;
    }

    /// <summary>The actual of an automatic KPI, or null when the data it needs is missing (or it is manual).</summary>
    public static decimal? ComputeActual(KpiComputation computation, KpiData data)
    {
        Common.Guard.NotNull(computation, nameof(computation));
        Common.Guard.NotNull(data, nameof(data));
        switch (computation.Source)
        {
            case KpiAutoSource.Count:
                return computation.Kind is { } kind && data.CountsByKind.TryGetValue(kind, out var n) ? n : 0;
            case KpiAutoSource.Interactions:
                return data.CountsByKind.Values.Sum();
            case KpiAutoSource.Conversions:
                return data.Conversions;
            case KpiAutoSource.ConversionRate:
                data.CountsByKind.TryGetValue(InteractionKind.Click, out var clicks);
                return Percent(data.Conversions, clicks);
            case KpiAutoSource.AverageClv:
                return data.AverageClv;
            case KpiAutoSource.AverageEngagementScore:
                return data.AverageEngagementScore is { } s ? Math.Round((decimal)s, 2, MidpointRounding.AwayFromZero) : null;
            case KpiAutoSource.AverageRating:
                return data.AverageRating is { } r ? Math.Round((decimal)r, 2, MidpointRounding.AwayFromZero) : null;
            case KpiAutoSource.ReferralValue:
                return data.ReferralValue;
            case KpiAutoSource.EngagedCustomers:
                return data.EngagedCustomers;
            case KpiAutoSource.NewFollowers:
                return data.NewFollowers;
            case KpiAutoSource.RetentionRate:
                return Percent(data.CustomersRetained, data.CustomersAtStart);
            case KpiAutoSource.PositiveSentimentShare:
                return Percent(data.PositiveInteractions, data.InteractionsWithSentiment);
            default:
                return null;
        }
    }

    private static decimal? Percent(long? part, long? whole) =>
        part is null || whole is null || whole == 0 ? null : Math.Round(100m * part.Value / whole.Value, 2, MidpointRounding.AwayFromZero);

    private static decimal? Progress(decimal target, decimal? actual, bool higherIsBetter)
    {
        if (actual is null)
        {
            return null;
        }

        var numerator = higherIsBetter ? actual.Value : target;
        var denominator = higherIsBetter ? target : actual.Value;
        return denominator == 0 ? null : Math.Round(100m * numerator / denominator, 1, MidpointRounding.AwayFromZero);
    }
}
