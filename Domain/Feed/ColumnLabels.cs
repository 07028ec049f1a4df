using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Rapport.Domain.Feed;

/// <summary>
/// Display names and option labels for auto-posts, given by the admin on the tracking row because a plug-in cannot
/// read metadata (the sandbox contract has no RetrieveEntityRequest here): <c>stepname=Stage;estimatedvalue=Est.
/// Revenue;statuscode.1=In Progress</c>. "column=Label" names a column; "column.value=Label" labels one option. A
/// column without a label shows its logical name; an option without one shows the platform's formatted value, or
/// its number. "@table=Opportunity" names the table itself.
/// </summary>
public sealed class ColumnLabels
{
    public const string TableKey = "@table";

    private readonly Dictionary<string, string> _labels;

    private ColumnLabels(Dictionary<string, string> labels) => _labels = labels;

    public static ColumnLabels None { get; } = new ColumnLabels(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The labels in canonical text form (sorted; '|' and ';' are not allowed in labels and are dropped).</summary>
    public string Text => string.Join(";", _labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));

    /// <summary>Parses the admin's text; a part without "=" or with an empty name is refused, naming it.</summary>
    public static ColumnLabels Parse(string? text)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in (text ?? string.Empty).Split(new[] { ';', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.Trim().Length == 0)
            {
                continue;
            }

            var eq = raw.IndexOf('=');
            var key = eq < 0 ? string.Empty : raw.Substring(0, eq).Trim().ToLowerInvariant();
            var label = eq < 0 ? string.Empty : raw.Substring(eq + 1).Replace("|", string.Empty).Trim();
            if (key.Length == 0 || label.Length == 0)
            {
                throw new FeedException(FeedError.InvalidConfiguration, $"The column label '{raw.Trim()}' is not of the form column=Label (e.g. estimatedvalue=Est. Revenue, or statuscode.1=Open for an option).");
            }

            labels[key] = label;
        }

        return new ColumnLabels(labels);
    }

    /// <summary>The column's display name, else <paramref name="fallback"/>.</summary>
    public string Column(string column, string fallback) =>
        _labels.TryGetValue((column ?? string.Empty).ToLowerInvariant(), out var label) ? label : fallback;

    /// <summary>The option's label, or null when none was given.</summary>
    public string? Option(string column, int value) =>
        _labels.TryGetValue((column ?? string.Empty).ToLowerInvariant() + "." + value.ToString(CultureInfo.InvariantCulture), out var label) ? label : null;
}
