using System;
using System.Collections.Generic;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

/// <summary>The structured change list of an auto-post, parsed back from its stored JSON.</summary>
public sealed record AutoPostChangeSet(ChangeEvents Event, IReadOnlyList<ColumnChange> Changes);

/// <summary>
/// The compact JSON stored on an auto-post:
/// <c>{"v":1,"event":"update","changes":[{"column":"stepname","label":"Stage","old":"Qualify","new":"Develop"}]}</c>;
/// "old"/"new" are null when there was no value; values are kept up to <see cref="MaxStoredValueLength"/> characters.
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
                .Property("new", Cut(c.NewValue, MaxStoredValueLength))
                .EndObject();
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

                changes.Add(new ColumnChange(column, item.GetString("label") ?? column, item.GetString("old"), item.GetString("new")));
            }

            return new AutoPostChangeSet(ChangeEventsText.Parse(root.GetString("event")), changes);
        }
        catch (JsonFormatException ex)
        {
            throw new FeedException("The auto-post's change list is not valid JSON: " + ex.Message, ex);
        }
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
