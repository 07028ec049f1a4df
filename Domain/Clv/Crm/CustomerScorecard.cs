using System;

namespace Rapport.Domain.Clv.Crm;

/// <summary>CLV segments; the stored choice value is the publisher prefix 10785 × 10000 + the enum value.</summary>
public enum ClvSegment
{
    HighValue = 0,
    Growing = 1,
    Steady = 2,
    AtRisk = 3,
    Lapsed = 4,
}

/// <summary>
/// What a customer row carries about its transactions: the summary, the donor rollups and, when a model is active,
/// the scores. Nulls mean "nothing to show" (no transaction, or no model for the score).
/// </summary>
public sealed record CustomerScorecard
{
    public int TransactionCount { get; init; }

    public DateTime? FirstTransactionOn { get; init; }

    public DateTime? LastTransactionOn { get; init; }

    public decimal Total { get; init; }

    public decimal? Average { get; init; }

    public decimal? LargestGift { get; init; }

    public int? BestYear { get; init; }

    public decimal? BestYearTotal { get; init; }

    public int ConsecutiveYears { get; init; }

    public bool Lybunt { get; init; }

    public bool Sybunt { get; init; }

    public decimal? Clv { get; init; }

    public double? ProbabilityAlive { get; init; }

    public double? ExpectedTransactions12Months { get; init; }

    public ClvSegment? Segment { get; init; }

    /// <summary>"high", "medium" or "low"; null without transactions.</summary>
    public string? Level { get; init; }

    /// <summary>The count model the scores come from (null: none active, summary only).</summary>
    public ClvModelSpec? Model { get; init; }

    public DateTime ScoredOn { get; init; }

    /// <summary>The retention formulas (Gupta–Lehmann, donor lifetime value) with their inputs; null without a rate.</summary>
    public RetentionValue? Retention { get; init; }

    /// <summary>Why scores are missing although a model is active (a numeric failure), for the trace.</summary>
    public string? Warning { get; init; }
}
