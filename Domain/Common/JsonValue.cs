using System;
using System.Collections.Generic;
using System.Globalization;

namespace Rapport.Domain.Common;

public enum JsonKind
{
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

/// <summary>One parsed JSON value (see <see cref="JsonReader"/>). Numbers keep their text; objects keep property order.</summary>
public sealed class JsonValue
{
    private static readonly IReadOnlyList<JsonValue> NoItems = Array.Empty<JsonValue>();
    private static readonly IReadOnlyList<KeyValuePair<string, JsonValue>> NoProperties = Array.Empty<KeyValuePair<string, JsonValue>>();

    private JsonValue(JsonKind kind, string? text, bool boolean, IReadOnlyList<JsonValue>? items, IReadOnlyList<KeyValuePair<string, JsonValue>>? properties)
    {
        Kind = kind;
        Text = text;
        Boolean = boolean;
        Items = items ?? NoItems;
        Properties = properties ?? NoProperties;
    }

    public JsonKind Kind { get; }

    /// <summary>The string's value, or a number's literal text; null for other kinds.</summary>
    public string? Text { get; }

    public bool Boolean { get; }

    public IReadOnlyList<JsonValue> Items { get; }

    public IReadOnlyList<KeyValuePair<string, JsonValue>> Properties { get; }

    public static JsonValue Null { get; } = new JsonValue(JsonKind.Null, null, false, null, null);

    internal static JsonValue FromBool(bool value) => new JsonValue(JsonKind.Bool, null, value, null, null);

    internal static JsonValue FromNumber(string literal) => new JsonValue(JsonKind.Number, literal, false, null, null);

    internal static JsonValue FromString(string value) => new JsonValue(JsonKind.String, value, false, null, null);

    internal static JsonValue FromArray(IReadOnlyList<JsonValue> items) => new JsonValue(JsonKind.Array, null, false, items, null);

    internal static JsonValue FromObject(IReadOnlyList<KeyValuePair<string, JsonValue>> properties) => new JsonValue(JsonKind.Object, null, false, null, properties);

    /// <summary>The first property with this exact (ordinal) name, or null when absent or when this is not an object.</summary>
    public JsonValue? Get(string name)
    {
        foreach (var p in Properties)
        {
            if (string.Equals(p.Key, name, StringComparison.Ordinal))
            {
                return p.Value;
            }
        }

        return null;
    }

    /// <summary>The string value of a property, or null when it is absent, null or not a string.</summary>
    public string? GetString(string name)
    {
        var v = Get(name);
        return v is not null && v.Kind == JsonKind.String ? v.Text : null;
    }

    public bool TryGetDecimal(out decimal value)
    {
        value = 0;
        return Kind == JsonKind.Number && decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
