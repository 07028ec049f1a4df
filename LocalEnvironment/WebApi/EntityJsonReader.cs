using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Metadata;
using Rapport.Solution.Model;

namespace Rapport.LocalEnvironment.WebApi;

/// <summary>A create/update payload → Entity: typed by the column metadata; lookups only through @odata.bind.</summary>
internal static class EntityJsonReader
{
    private const string Bind = "@odata.bind";

    public static Entity Read(EntitySets sets, TableMetadata table, JsonElement body, Guid id)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new WebApiException("The request body must be a JSON object.");
        }

        var entity = new Entity(table.LogicalName, id);
        foreach (var property in body.EnumerateObject())
        {
            var name = property.Name;
            if (name.StartsWith('@') || (name.Contains('@', StringComparison.Ordinal) && !name.EndsWith(Bind, StringComparison.Ordinal)))
            {
                continue; // instance annotations (@odata.type, …@OData.Community.Display.V1.FormattedValue) carry no data
            }

            if (name.EndsWith(Bind, StringComparison.Ordinal))
            {
                var (column, reference) = ReadBind(sets, table, name[..^Bind.Length], property.Value);
                entity[column] = reference;
                continue;
            }

            var definition = table.Column(name) ?? throw new WebApiException(
                $"An undeclared property '{name}' which only has property annotations in the payload but no property value was found in the payload. The property does not exist on type 'Microsoft.Dynamics.CRM.{table.LogicalName}'.");
            if (definition.IsPrimaryId)
            {
                entity.Id = ReadGuid(property.Value, name);
                entity[name] = entity.Id;
                continue;
            }

            if (EntityJsonWriter.IsLookup(definition))
            {
                throw new WebApiException($"Set the lookup '{name}' with \"{name}@odata.bind\": \"/<entityset>(<id>)\".");
            }

            entity[name] = ReadValue(definition, property.Value);
        }

        return entity;
    }

    /// <summary>"rapport_postid@odata.bind" or "parentcustomerid_account@odata.bind" (navigation names are matched without case).</summary>
    private static (string Column, EntityReference? Reference) ReadBind(EntitySets sets, TableMetadata table, string navigation, JsonElement value)
    {
        var column = table.Columns.FirstOrDefault(c => EntityJsonWriter.IsLookup(c) && string.Equals(c.LogicalName, navigation, StringComparison.OrdinalIgnoreCase))
            ?? table.Columns.FirstOrDefault(c => EntityJsonWriter.IsLookup(c) && navigation.StartsWith(c.LogicalName + "_", StringComparison.OrdinalIgnoreCase))
            ?? throw new WebApiException($"No navigation property '{navigation}' on the entity type 'Microsoft.Dynamics.CRM.{table.LogicalName}'.");
        if (value.ValueKind == JsonValueKind.Null)
        {
            return (column.LogicalName, null);
        }

        var (target, id) = sets.ParseReference(value.GetString() ?? "");
        return (column.LogicalName, new EntityReference(target.LogicalName, id));
    }

    public static object? ReadValue(ColumnDefinition column, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return column.Type switch
            {
                ColumnType.String or ColumnType.Memo or ColumnType.EntityName => value.GetString(),
                ColumnType.Integer => value.GetInt32(),
                ColumnType.BigInt => value.GetInt64(),
                ColumnType.Decimal => value.GetDecimal(),
                ColumnType.Double => value.GetDouble(),
                ColumnType.Money => new Money(value.GetDecimal()),
                ColumnType.Boolean => value.GetBoolean(),
                ColumnType.DateTime => ReadDate(value.GetString()),
                ColumnType.Picklist or ColumnType.State or ColumnType.Status => new OptionSetValue(value.GetInt32()),
                ColumnType.MultiSelectPicklist => new OptionSetValueCollection(
                    (value.GetString() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(v => new OptionSetValue(int.Parse(v, CultureInfo.InvariantCulture))).ToList()),
                ColumnType.Uniqueidentifier => ReadGuid(value, column.LogicalName),
                _ => throw new WebApiException($"The column '{column.LogicalName}' cannot be written."),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new WebApiException($"Cannot convert the literal '{value.GetRawText()}' to the expected type of '{column.LogicalName}' ({column.Type}).");
        }
    }

    public static DateTime ReadDate(string? text) =>
        DateTime.Parse(text ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static Guid ReadGuid(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id)
            ? id
            : throw new WebApiException($"The value of '{name}' is not a GUID.");
}
