using System;
using System.Collections.Generic;
using Rapport.Domain.Common;

namespace Rapport.Domain.Clv.Crm;

/// <summary>
/// The customer card's data, as <c>rapport_GetCustomerInsights</c> returns it:
/// <c>{"clv","currency","pAlive","expectedTransactions12m","segment","level","scoredOn","model":{"kind","fittedOn","verdict","reasons"},
/// "historyGranularity":"month"|"year","history":[{"period":"2024-03"|"2024","value":1250.00,"count":3}],
/// "retention":{"rate","rateSource","inputs","formulas"},"engagement":null}</c>. Unknown values are null. The history
/// covers the customer's whole ledger (first transaction to the scoring time), zero-filled, by month up to 24 months,
/// else by year (<see cref="GivingHistory"/>); "value" is the sum given or spent, "count" the transactions.
/// </summary>
public sealed record CustomerInsights
{
    public decimal? Clv { get; init; }

    public string? Currency { get; init; }

    public double? ProbabilityAlive { get; init; }

    public double? ExpectedTransactions12Months { get; init; }

    public ClvSegment? Segment { get; init; }

    public DateTime? ScoredOn { get; init; }

    public string? ModelKind { get; init; }

    public DateTime? ModelFittedOn { get; init; }

    /// <summary>"Usable", "Usable with warnings" or "Unusable"; null for a model entered by hand.</summary>
    public string? ModelVerdict { get; init; }

    public string? ModelVerdictReasons { get; init; }

    /// <summary>The retention formulas for this customer, with inputs; null without a measured retention rate.</summary>
    public RetentionValue? Retention { get; init; }

    /// <summary>The CLV's 90% interval for the parameters' uncertainty; null when the model carries no covariance.</summary>
    public QuantityInterval? ClvInterval { get; init; }

    /// <summary>Value and count per month or year, oldest first, every period of the span present.</summary>
    public GivingHistory? History { get; init; }

    public static string SegmentLabel(ClvSegment segment) => segment switch
    {
        ClvSegment.HighValue => "High value",
        ClvSegment.Growing => "Growing",
        ClvSegment.Steady => "Steady",
        ClvSegment.AtRisk => "At risk",
        _ => "Lapsed",
    };

    public static string LevelOf(ClvSegment segment) => segment switch
    {
        ClvSegment.HighValue => "high",
        ClvSegment.AtRisk or ClvSegment.Lapsed => "low",
        _ => "medium",
    };

    public string ToJson()
    {
        var w = new JsonWriter().StartObject();
        Decimal(w.Name("clv"), Clv);
        w.Property("currency", Currency);
        Decimal(w.Name("pAlive"), Round(ProbabilityAlive));
        Decimal(w.Name("expectedTransactions12m"), Round(ExpectedTransactions12Months));
        w.Property("segment", Segment.HasValue ? SegmentLabel(Segment.Value) : null);
        w.Property("level", Segment.HasValue ? LevelOf(Segment.Value) : null);
        w.Property("scoredOn", ScoredOn);
        w.Name("model");
        if (ModelKind == null)
        {
            w.Null();
        }
        else
        {
            w.StartObject().Property("kind", ModelKind).Property("fittedOn", ModelFittedOn).Property("verdict", ModelVerdict).Property("reasons", ModelVerdictReasons).EndObject();
        }

        var history = History ?? GivingHistory.From(new CustomerLedger());
        w.Property("historyGranularity", history.GranularityName);
        w.Name("history").StartArray();
        foreach (var period in history.Periods)
        {
            w.StartObject().Property("period", period.Period).Name("value").Number(period.Value).Property("count", period.Count).EndObject();
        }

        w.EndArray();
        w.Name("retention");
        if (Retention == null)
        {
            w.Null();
        }
        else
        {
            Retention.Write(w);
        }

        w.Name("clvInterval");
        if (ClvInterval == null)
        {
            w.Null();
        }
        else
        {
            w.StartObject();
            JsonNumbers.Write(w, "low", Math.Round(ClvInterval.Low, 2));
            JsonNumbers.Write(w, "high", Math.Round(ClvInterval.High, 2));
            JsonNumbers.Write(w, "level", ClvInterval.Level);
            w.Property("basis", "the purchase model's parameter uncertainty (parametric bootstrap from the fit's covariance, " + ClvInterval.Draws.ToString(System.Globalization.CultureInfo.InvariantCulture) + " draws); the spend per purchase is held at its estimate").EndObject();
        }

        w.Name("engagement").Null();
        return w.EndObject().ToString();
    }

    private static decimal? Round(double? value) =>
        value.HasValue && !double.IsNaN(value.Value) && !double.IsInfinity(value.Value) ? Math.Round((decimal)value.Value, 4) : null;

    private static void Decimal(JsonWriter w, decimal? value)
    {
        if (value.HasValue)
        {
            w.Number(value.Value);
        }
        else
        {
            w.Null();
        }
    }
}
