using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Metadata;
using Rapport.Solution.Model;

namespace Rapport.LocalEnvironment.WebApi;

/// <summary>
/// An Entity as the Web API shows it: lookups as _name_value, choices as numbers, money as decimals, dates in ISO
/// UTC, @odata.etag, and (when asked for) formatted values and lookuplogicalname annotations.
/// </summary>
internal static class EntityJsonWriter
{
    public const string FormattedValue = "@OData.Community.Display.V1.FormattedValue";
    public const string LookupLogicalName = "@Microsoft.Dynamics.CRM.lookuplogicalname";
    public const string AssociatedNavigationProperty = "@Microsoft.Dynamics.CRM.associatednavigationproperty";

    public static JsonObject Write(TableMetadata table, Entity entity, IReadOnlyList<string>? select, bool annotations)
    {
        var json = new JsonObject();
        if (entity.GetAttributeValue<object>("versionnumber") is { } version)
        {
            json["@odata.etag"] = $"W/\"{Convert.ToString(version, CultureInfo.InvariantCulture)}\"";
        }

        var columns = select is { Count: > 0 }
            ? select.Select(s => table.Column(s)).Where(c => c is not null).Select(c => c!)
            : table.Columns.Where(c => c.Type != ColumnType.EntityName && !c.LogicalName.EndsWith("_base", StringComparison.Ordinal));
        foreach (var column in columns.Where(c => !c.IsPrimaryId))
        {
            WriteColumn(json, IsLookup(column) ? $"_{column.LogicalName}_value" : column.LogicalName, table, column, entity.Contains(column.LogicalName) ? entity[column.LogicalName] : null, entity, annotations);
        }

        json[table.PrimaryIdAttribute] = entity.Id.ToString("D");
        return json;
    }

    /// <summary>One column's value under <paramref name="name"/>, with its FormattedValue, lookuplogicalname and
    /// associatednavigationproperty annotations when asked for (learn.microsoft.com/power-apps/developer/data-platform/webapi/query/select-columns#formatted-values).</summary>
    public static void WriteColumn(JsonObject json, string name, TableMetadata table, ColumnDefinition column, object? value, Entity entity, bool annotations)
    {
        json[name] = Value(value);
        if (!annotations || value is null)
        {
            return;
        }

        if (Formatted(table, column, value, entity) is { } text)
        {
            json[name + FormattedValue] = text;
        }

        if (value is EntityReference reference)
        {
            json[name + AssociatedNavigationProperty] = column.Targets.Count > 1 && column.Type != ColumnType.Owner ? $"{column.LogicalName}_{reference.LogicalName}" : column.LogicalName;
            json[name + LookupLogicalName] = reference.LogicalName;
        }
    }

    public static bool IsLookup(ColumnDefinition column) => column.Type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner;

    public static JsonNode? Value(object? value) => value switch
    {
        null => null,
        EntityReference r => JsonValue.Create(r.Id.ToString("D")),
        OptionSetValue o => JsonValue.Create(o.Value),
        OptionSetValueCollection many => JsonValue.Create(string.Join(",", many.Select(o => o.Value.ToString(CultureInfo.InvariantCulture)))),
        Money m => JsonValue.Create(m.Value),
        DateTime d => JsonValue.Create(DateTime.SpecifyKind(d, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        Guid g => JsonValue.Create(g.ToString("D")),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        decimal m => JsonValue.Create(m),
        double f => JsonValue.Create(f),
        string[] strings => new JsonArray(strings.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
        Entity e => Untyped(e),
        EntityCollection c => new JsonArray(c.Entities.Select(e => (JsonNode?)Untyped(e)).ToArray()),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>An entity outside a table context (a Custom API's Entity response): its attributes as they are.</summary>
    private static JsonObject Untyped(Entity entity)
    {
        var json = new JsonObject { ["@odata.type"] = "#Microsoft.Dynamics.CRM." + entity.LogicalName };
        foreach (var (name, value) in entity.Attributes)
        {
            json[value is EntityReference ? $"_{name}_value" : name] = Value(value);
        }

        if (entity.Id != Guid.Empty)
        {
            json[entity.LogicalName + "id"] = entity.Id.ToString("D");
        }

        return json;
    }

    private static string? Formatted(TableMetadata table, ColumnDefinition column, object value, Entity entity)
    {
        if (entity.FormattedValues.TryGetValue(column.LogicalName, out var known))
        {
            return known;
        }

        return value switch
        {
            EntityReference r => r.Name,
            OptionSetValue o when column.OptionSet is { } set => set.Options.FirstOrDefault(x => x.Value == o.Value)?.Label,
            bool flag => flag ? "Yes" : "No",
            OptionSetValue o when column.Type == ColumnType.State => table.State(o.Value)?.Label,
            OptionSetValue o when column.Type == ColumnType.Status => table.Definition.States.SelectMany(s => s.Statuses).FirstOrDefault(s => s.Value == o.Value)?.Label,
            // Invariant formatting: the CLI runs with InvariantGlobalization, so no en-US culture data.
            Money m => (m.Value < 0 ? "-$" : "$") + Math.Abs(m.Value).ToString("N2", CultureInfo.InvariantCulture),
            DateTime d => column.DateOnly
                ? d.ToString("M/d/yyyy", CultureInfo.InvariantCulture)
                : DateTime.SpecifyKind(d, DateTimeKind.Utc).ToString("M/d/yyyy h:mm tt", CultureInfo.InvariantCulture),
            int or long or decimal or double => Convert.ToString(value, CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
