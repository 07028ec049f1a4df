using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Xrm.Sdk;

namespace Rapport.LocalEnvironment.Persistence;

/// <summary>A stored row's values as JSON with a type tag per value, so they read back as the same SDK types.</summary>
internal static class RowCodec
{
    public static string Encode(IReadOnlyDictionary<string, object?> values)
    {
        var json = new JsonObject();
        foreach (var (name, value) in values)
        {
            json[name] = Value(value);
        }

        return json.ToJsonString();
    }

    public static Dictionary<string, object?> Decode(string text)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, node) in JsonNode.Parse(text)!.AsObject())
        {
            values[name] = node is null ? null : Read(node.AsArray());
        }

        return values;
    }

    private static JsonArray? Value(object? value) => value switch
    {
        null => null,
        string s => ["s", s],
        int i => ["i", i],
        long l => ["l", l],
        decimal d => ["d", d.ToString(CultureInfo.InvariantCulture)],
        double f => ["f", f],
        bool b => ["b", b],
        DateTime t => ["t", t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)],
        Guid g => ["g", g.ToString("D")],
        EntityReference r => ["r", r.LogicalName, r.Id.ToString("D"), r.Name],
        OptionSetValue o => ["o", o.Value],
        Money m => ["m", m.Value.ToString(CultureInfo.InvariantCulture)],
        OptionSetValueCollection many => ["os", .. many.Select(o => (JsonNode?)o.Value)],
        string[] strings => ["sa", .. strings.Select(s => (JsonNode?)s)],
        byte[] bytes => ["y", Convert.ToBase64String(bytes)],
        EntityCollection parties => ["pl", .. parties.Entities.SelectMany(p => p.GetAttributeValue<EntityReference>("partyid") is { } r ? new JsonNode?[] { r.LogicalName, r.Id.ToString("D") } : [])],
        _ => ["s", Convert.ToString(value, CultureInfo.InvariantCulture)],
    };

    private static object? Read(JsonArray value)
    {
        var tag = (string)value[0]!;
        return tag switch
        {
            "s" => (string?)value[1],
            "i" => (int)value[1]!,
            "l" => (long)value[1]!,
            "d" => decimal.Parse((string)value[1]!, CultureInfo.InvariantCulture),
            "f" => (double)value[1]!,
            "b" => (bool)value[1]!,
            "t" => DateTime.Parse((string)value[1]!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            "g" => Guid.Parse((string)value[1]!),
            "r" => new EntityReference((string)value[1]!, Guid.Parse((string)value[2]!)) { Name = (string?)value[3] },
            "o" => new OptionSetValue((int)value[1]!),
            "m" => new Money(decimal.Parse((string)value[1]!, CultureInfo.InvariantCulture)),
            "os" => new OptionSetValueCollection(value.Skip(1).Select(v => new OptionSetValue((int)v!)).ToList()),
            "sa" => value.Skip(1).Select(v => (string)v!).ToArray(),
            "y" => Convert.FromBase64String((string)value[1]!),
            "pl" => new EntityCollection(value.Skip(1).Chunk(2).Select(p => new Entity("activityparty") { ["partyid"] = new EntityReference((string)p[0]!, Guid.Parse((string)p[1]!)) }).ToList()) { EntityName = "activityparty" },
            _ => throw new JsonException($"Unknown value tag '{tag}' in the local data."),
        };
    }
}
