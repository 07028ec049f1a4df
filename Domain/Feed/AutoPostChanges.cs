using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

/// <summary>The structured change list of an auto-post, parsed back from its stored JSON.</summary>
public sealed record AutoPostChangeSet(ChangeEvents Event, IReadOnlyList<ColumnChange> Changes);

/// <summary>
/// The compact JSON stored on an auto-post:
/// <c>{"v":1,"event":"update","changes":[{"column":"gendercode","label":"Gender","old":"Male","new":"Female",
/// "labels":{"1033":"Gender","1036":"Sexe"},"oldLabels":{"1033":"Male","1036":"Homme"},"newLabels":{…}}]}</c>;
/// "label", "old" and "new" are in the organisation's base language (1033); "labels" (the column's display name) and
/// "oldLabels"/"newLabels" (choice and yes/no values) give every language the metadata has, keyed by language code,
/// and are left out when unknown. "old"/"new" are null when there was no value; values are kept up to
/// <see cref="MaxStoredValueLength"/> characters.
/// </summary>
public static class AutoPostChanges
{
    public const int MaxStoredValueLength = 2_000;

    public static string ToJson(ChangeEvents evt, IReadOnlyList<ColumnChange> changes)
    {
        Guard.NotNull(changes, nameof(changes));
        var w = new JsonWriter();
        w.StartObject().Property("v", 1).Property("event", ChangeEventsText.Name(evt)).Name("changes");
        WriteChanges(w, changes);
        return w.EndObject().ToString();
    }

    /// <summary>Writes the change array (shared with the feed item JSON).</summary>
    public static void WriteChanges(JsonWriter writer, IReadOnlyList<ColumnChange> changes)
    {
        Guard.NotNull(writer, nameof(writer));
        writer.StartArray();
        foreach (var c in changes ?? Array.Empty<ColumnChange>())
        {
            writer.StartObject()
                .Property("column", c.Column)
                .Property("label", c.DisplayName)
                .Property("old", Cut(c.OldValue, MaxStoredValueLength))
                .Property("new", Cut(c.NewValue, MaxStoredValueLength));
            WriteLanguages(writer, "labels", c.Labels);
            WriteLanguages(writer, "oldLabels", c.OldLabels);
            WriteLanguages(writer, "newLabels", c.NewLabels);
            writer.EndObject();
        }

        writer.EndArray();
    }

    /// <summary>Reads the stored JSON; a blank value gives no changes; text that is not this shape is refused.</summary>
    public static AutoPostChangeSet Parse(string? json)
    {
        if (Guard.IsBlank(json))
        {
            return new AutoPostChangeSet(ChangeEvents.None, Array.Empty<ColumnChange>());
        }

        try
        {
            var root = JsonReader.Parse(json);
            var changes = new List<ColumnChange>();
            var array = root.Get("changes");
            if (root.Kind != JsonKind.Object || array is null || array.Kind != JsonKind.Array)
            {
                throw new FeedException(FeedError.InvalidText, "The auto-post's change list is not in the expected form ({\"changes\":[…]}).");
            }

            foreach (var item in array.Items)
            {
                var column = item.GetString("column");
                if (column is null)
                {
                    throw new FeedException(FeedError.InvalidText, "An entry of the auto-post's change list has no column name.");
                }

                changes.Add(new ColumnChange(column, item.GetString("label") ?? column, item.GetString("old"), item.GetString("new"))
                {
                    Labels = ReadLanguages(item.Get("labels")),
                    OldLabels = ReadLanguages(item.Get("oldLabels")),
                    NewLabels = ReadLanguages(item.Get("newLabels")),
                });
            }

            return new AutoPostChangeSet(ChangeEventsText.Parse(root.GetString("event")), changes);
        }
        catch (JsonFormatException ex)
        {
            throw new FeedException("The auto-post's change list is not valid JSON: " + ex.Message, ex);
        }
    }

    private static void WriteLanguages(JsonWriter writer, string name, IReadOnlyDictionary<int, string>? labels)
    {
        if (labels is null || labels.Count == 0)
        {
            return;
        }

        writer.Name(name).StartObject();
        foreach (var pair in labels.OrderBy(p => p.Key))
        {
            writer.Property(pair.Key.ToString(CultureInfo.InvariantCulture), Cut(pair.Value, MaxStoredValueLength));
        }

        writer.EndObject();
    }

    /// <summary>A {"1033":"…"} object back as a dictionary; entries whose key is not a language code are skipped.</summary>
    private static IReadOnlyDictionary<int, string>? ReadLanguages(JsonValue? value)
    {
        if (value is null || value.Kind != JsonKind.Object)
        {
            return null;
        }

        var labels = new SortedDictionary<int, string>();
        foreach (var pair in value.Properties)
        {
            if (int.TryParse(pair.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var language) && pair.Value.Text is { } text)
            {
                labels[language] = text;
            }
        }

        return labels.Count == 0 ? null : labels;
    }

    internal static string? Cut(string? value, int max)
    {
        if (value is null || value.Length <= max)
        {
            return value;
        }

        return value.Substring(0, max - 1) + "…";
    }
}
