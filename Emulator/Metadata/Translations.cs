using System;
using System.Collections.Generic;

namespace Rapport.Emulator.Metadata;

/// <summary>
/// Labels in languages other than the base language (1033), as an imported translation file adds them
/// (learn.microsoft.com/power-apps/maker/data-platform/export-customized-entity-field-text-translation): per table,
/// column, or one option of a column's choice list.
/// </summary>
public sealed class Translations
{
    public const int BaseLanguage = 1033;

    private readonly Dictionary<string, SortedDictionary<int, string>> _labels = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces the label of a table (column null), a column, or one option (optionValue set).</summary>
    public void Add(string table, string? column, int languageCode, string label, int? optionValue = null)
    {
        if (languageCode == BaseLanguage || languageCode <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(languageCode), languageCode, "Translations are for languages other than the base language 1033, whose labels come from the declarations.");
        }

        var key = Key(table, column, optionValue);
        if (!_labels.TryGetValue(key, out var byLanguage))
        {
            _labels[key] = byLanguage = new SortedDictionary<int, string>();
        }

        byLanguage[languageCode] = label;
    }

    /// <summary>The translated labels of one table, column or option, by language code.</summary>
    public IReadOnlyDictionary<int, string> For(string table, string? column, int? optionValue = null) =>
        _labels.TryGetValue(Key(table, column, optionValue), out var byLanguage) ? byLanguage : Empty;

    private static readonly IReadOnlyDictionary<int, string> Empty = new Dictionary<int, string>();

    private static string Key(string table, string? column, int? optionValue) =>
        table + "|" + (column ?? string.Empty) + "|" + (optionValue?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
}
