using System.Collections.Generic;

namespace Rapport.Domain.Feed;

/// <summary>
/// One column's change as people read it: the logical name, the display name ("Est. Revenue") and the formatted old
/// and new values ("$10,000.00", option labels, lookup names). Null or blank means "no value". <see cref="Labels"/>,
/// <see cref="OldLabels"/> and <see cref="NewLabels"/> carry the same texts per language code (1033, 1036, …) when
/// the table's metadata has them, so a reader's UI can pick its language; the plain texts are the base language's.
/// </summary>
public sealed record ColumnChange(string Column, string DisplayName, string? OldValue, string? NewValue)
{
    /// <summary>The column's display name per language code, or null when only <see cref="DisplayName"/> is known.</summary>
    public IReadOnlyDictionary<int, string>? Labels { get; init; }

    /// <summary>The old value's label per language (choices and yes/no columns), or null.</summary>
    public IReadOnlyDictionary<int, string>? OldLabels { get; init; }

    /// <summary>The new value's label per language (choices and yes/no columns), or null.</summary>
    public IReadOnlyDictionary<int, string>? NewLabels { get; init; }

    /// <summary>False when old and new read the same (e.g. a column written with its current value).</summary>
    public bool IsChange => !string.Equals(Normal(OldValue), Normal(NewValue), System.StringComparison.Ordinal);

    internal static string Normal(string? value) => (value ?? string.Empty).Trim();
}
