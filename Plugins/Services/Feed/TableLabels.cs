using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;

namespace Rapport.Plugins.Services.Feed;

/// <summary>
/// A table's column display names, choice labels and value formats read from its metadata (one RetrieveEntity with
/// EntityFilters.Attributes), with every language the metadata carries. Texts are the organisation's base language
/// (1033); a column or option the metadata does not know gives null so the caller falls back.
/// Kept per plug-in execution only: a static cache would need the metadata's timestamp to notice a renamed column or
/// an imported translation, and one request per auto-post is cheap beside the post's own Create.
/// </summary>
public sealed class TableLabels
{
    public const int BaseLanguage = 1033;

    private readonly Dictionary<string, AttributeMetadata> _attributes;

    private TableLabels(EntityMetadata? metadata)
    {
        Metadata = metadata;
        _attributes = (metadata?.Attributes ?? Array.Empty<AttributeMetadata>())
            .Where(a => a?.LogicalName is not null)
            .GroupBy(a => a.LogicalName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public EntityMetadata? Metadata { get; }

    /// <summary>No metadata: every lookup falls back.</summary>
    public static TableLabels None { get; } = new TableLabels(null);

    /// <summary>One RetrieveEntity request.</summary>
    public static TableLabels Retrieve(IOrganizationService service, string table)
    {
        var response = (RetrieveEntityResponse)service.Execute(new RetrieveEntityRequest { LogicalName = table, EntityFilters = EntityFilters.Attributes });
        return new TableLabels(response.EntityMetadata);
    }

    public string? TableName => Text(Metadata?.DisplayName);

    public AttributeMetadata? Attribute(string column) => _attributes.TryGetValue(column ?? string.Empty, out var a) ? a : null;

    public string? Column(string column) => Text(Attribute(column)?.DisplayName);

    public IReadOnlyDictionary<int, string>? ColumnLanguages(string column) => Languages(Attribute(column)?.DisplayName);

    /// <summary>The label of a choice (picklist, state, status) or yes/no value, or null when the metadata has none.</summary>
    public Label? ValueLabel(string column, object? value)
    {
        var attribute = Attribute(column);
        if (attribute is EnumAttributeMetadata choice && value is OptionSetValue option)
        {
            return choice.OptionSet?.Options.FirstOrDefault(x => x.Value == option.Value)?.Label;
        }

        if (attribute is BooleanAttributeMetadata yesNo && value is bool flag)
        {
            return (flag ? yesNo.OptionSet?.TrueOption : yesNo.OptionSet?.FalseOption)?.Label;
        }

        return null;
    }

    /// <summary>The base language's text of a label: its 1033 entry, else the user's, else the first.</summary>
    public static string? Text(Label? label)
    {
        if (label is null)
        {
            return null;
        }

        var text = label.LocalizedLabels.FirstOrDefault(l => l.LanguageCode == BaseLanguage)?.Label
            ?? label.UserLocalizedLabel?.Label
            ?? label.LocalizedLabels.FirstOrDefault()?.Label;
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>Every language of a label, by language code; null when it has none.</summary>
    public static IReadOnlyDictionary<int, string>? Languages(Label? label)
    {
        if (label is null)
        {
            return null;
        }

        var all = new SortedDictionary<int, string>();
        foreach (var l in label.LocalizedLabels.Concat(label.UserLocalizedLabel is null ? Enumerable.Empty<LocalizedLabel>() : new[] { label.UserLocalizedLabel }))
        {
            if (l is not null && !string.IsNullOrWhiteSpace(l.Label) && !all.ContainsKey(l.LanguageCode))
            {
                all[l.LanguageCode] = l.Label;
            }
        }

        return all.Count == 0 ? null : all;
    }

    /// <summary>
    /// Numbers in the base language (1033, en-US): its grouping and decimal separators are the invariant culture's, so no
    /// culture data is needed (a process may run with invariant globalization, where en-US cannot be loaded).
    /// </summary>
    public static CultureInfo NumberCulture => CultureInfo.InvariantCulture;

    /// <summary>A date in en-US's short form, spelled out so it does not depend on the process's culture data: "3/14/1980", "3/14/1980 2:30 PM".</summary>
    public static string Date(DateTime value, bool dateOnly) =>
        value.ToString(dateOnly ? "M/d/yyyy" : "M/d/yyyy h:mm tt", CultureInfo.InvariantCulture);
}
