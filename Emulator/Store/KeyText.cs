using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.Xrm.Sdk;

namespace Rapport.Emulator.Store;

/// <summary>The canonical text of an alternate-key value set: case-insensitive like SQL's collation.</summary>
internal static class KeyText
{
    /// <summary>Null when a key column has no value: such rows are not held by the unique index.</summary>
    public static string? Of(IReadOnlyList<string> columns, Func<string, object?> value)
    {
        var text = new StringBuilder();
        foreach (var column in columns)
        {
            var part = Part(value(column));
            if (part is null)
            {
                return null;
            }

            text.Append(part).Append('\u001f');
        }

        return text.ToString();
    }

    private static string? Part(object? value) => value switch
    {
        null => null,
        string s => s.ToUpperInvariant(),
        EntityReference r => r.Id.ToString("N"),
        OptionSetValue o => o.Value.ToString(CultureInfo.InvariantCulture),
        Money m => m.Value.ToString(CultureInfo.InvariantCulture),
        DateTime d => d.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
