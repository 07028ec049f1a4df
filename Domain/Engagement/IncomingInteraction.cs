namespace Rapport.Domain.Engagement;

/// <summary>
/// One interaction as it arrives from outside (listening tool, webhook relay, CSV export): text fields, read and
/// checked by <see cref="InteractionBatch"/>. <see cref="Problem"/> carries a reading error found earlier (e.g. a CSV
/// row with the wrong number of fields); such a row is reported as an error.
/// </summary>
public sealed record IncomingInteraction(int RowNumber)
{
    public string? ExternalId { get; init; }

    /// <summary>Channel code: facebook, instagram, x (or twitter), linkedin, youtube, tiktok, email, web, other.</summary>
    public string? Network { get; init; }

    /// <summary>The acting profile's handle on the network; '@' and case do not matter.</summary>
    public string? Handle { get; init; }

    public string? Kind { get; init; }

    /// <summary>ISO 8601; without an offset it is read as UTC.</summary>
    public string? OccurredOn { get; init; }

    /// <summary>-1..1, or negative / neutral / positive; blank for none.</summary>
    public string? Sentiment { get; init; }

    public string? Rating { get; init; }

    /// <summary>Monetary value, invariant culture (a dot as decimal separator).</summary>
    public string? Value { get; init; }

    /// <summary>For referrals: the referred customer's handle on the same network.</summary>
    public string? ReferredHandle { get; init; }

    public string? Problem { get; init; }
}
