namespace Rapport.Domain.Feed;

/// <summary>
/// One column's change as people read it: the logical name, the display name ("Est. Revenue") and the formatted old
/// and new values ("$10,000.00", option labels, lookup names). Null or blank means "no value".
/// </summary>
public sealed record ColumnChange(string Column, string DisplayName, string? OldValue, string? NewValue)
{
    /// <summary>False when old and new read the same (e.g. a column written with its current value).</summary>
    public bool IsChange => !string.Equals(Normal(OldValue), Normal(NewValue), System.StringComparison.Ordinal);

    internal static string Normal(string? value) => (value ?? string.Empty).Trim();
}
