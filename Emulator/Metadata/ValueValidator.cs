using System;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Metadata;

/// <summary>Checks one written value against its column, as Dataverse does, and returns the value to store.</summary>
internal static class ValueValidator
{
    public static object? Validate(TableMetadata table, ColumnDefinition column, object? value)
    {
        if (value is null)
        {
            if (column.RequiredLevel == RequiredLevel.SystemRequired)
            {
                throw Fault.InvalidArgument($"Attribute '{column.LogicalName}' of entity '{table.LogicalName}' cannot be NULL.");
            }

            return null;
        }

        var name = table.LogicalName;
        switch (column.Type)
        {
            case ColumnType.String or ColumnType.Memo or ColumnType.EntityName:
                var text = value as string ?? throw Fault.WrongType(name, column.LogicalName, value);
                if (column.MaxLength is { } max && text.Length > max)
                {
                    throw Fault.TooLong(name, column.LogicalName, max);
                }

                return text;
            case ColumnType.Integer:
                var number = value is int i ? i : throw Fault.WrongType(name, column.LogicalName, value);
                CheckRange(table, column, number);
                return number;
            case ColumnType.BigInt:
                return value is long or int ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : throw Fault.WrongType(name, column.LogicalName, value);
            case ColumnType.Decimal:
                var dec = value is decimal d ? d : throw Fault.WrongType(name, column.LogicalName, value);
                CheckRange(table, column, (double)dec);
                return column.Precision is { } p ? Math.Round(dec, p, MidpointRounding.AwayFromZero) : dec;
            case ColumnType.Double:
                var dbl = value is double x ? x : throw Fault.WrongType(name, column.LogicalName, value);
                CheckRange(table, column, dbl);
                return dbl;
            case ColumnType.Money:
                var money = value as Money ?? throw Fault.WrongType(name, column.LogicalName, value);
                CheckRange(table, column, (double)money.Value);
                return new Money(Math.Round(money.Value, column.Precision ?? 4, MidpointRounding.AwayFromZero));
            case ColumnType.Boolean:
                return value is bool ? value : throw Fault.WrongType(name, column.LogicalName, value);
            case ColumnType.DateTime:
                var date = value is DateTime t ? ToUtc(t) : throw Fault.WrongType(name, column.LogicalName, value);
                return column.DateOnly ? DateTime.SpecifyKind(date.Date, DateTimeKind.Utc) : date;
            case ColumnType.Picklist or ColumnType.State or ColumnType.Status:
                var option = value as OptionSetValue ?? throw Fault.WrongType(name, column.LogicalName, value);
                if (column.OptionSet is { } set && !set.Has(option.Value))
                {
                    throw Fault.OutOfRange(name, column.LogicalName, option.Value, string.Join(",", set.Options.Select(o => o.Value)));
                }

                return new OptionSetValue(option.Value);
            case ColumnType.MultiSelectPicklist:
                var options = value as OptionSetValueCollection ?? throw Fault.WrongType(name, column.LogicalName, value);
                foreach (var item in options)
                {
                    if (column.OptionSet is { } multi && !multi.Has(item.Value))
                    {
                        throw Fault.OutOfRange(name, column.LogicalName, item.Value, string.Join(",", multi.Options.Select(o => o.Value)));
                    }
                }

                return new OptionSetValueCollection(options.Select(o => new OptionSetValue(o.Value)).ToList());
            case ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner:
                var reference = value as EntityReference ?? throw Fault.WrongType(name, column.LogicalName, value);
                if (column.Targets.Count > 0 && !column.Targets.Contains(reference.LogicalName, StringComparer.Ordinal))
                {
                    throw Fault.InvalidArgument(
                        $"The entity name '{reference.LogicalName}' is not a valid target of lookup '{column.LogicalName}' on '{name}'. Valid targets: {string.Join(",", column.Targets)}.");
                }

                return new EntityReference(reference.LogicalName, reference.Id);
            case ColumnType.Uniqueidentifier:
                return value is Guid ? value : throw Fault.WrongType(name, column.LogicalName, value);
            default:
                return value;
        }
    }

    /// <summary>Dataverse stores UTC; an unspecified kind is taken as UTC (the local machine's zone means nothing here).</summary>
    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static void CheckRange(TableMetadata table, ColumnDefinition column, double value)
    {
        if ((column.MinValue is { } min && value < min) || (column.MaxValue is { } max && value > max))
        {
            throw Fault.OutOfRange(table.LogicalName, column.LogicalName, value,
                $"{column.MinValue?.ToString(CultureInfo.InvariantCulture)}..{column.MaxValue?.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>A copy of a stored value, so callers never share a mutable SDK object with the store.</summary>
    public static object? Copy(object? value) => value switch
    {
        EntityReference r => new EntityReference(r.LogicalName, r.Id) { Name = r.Name },
        OptionSetValue o => new OptionSetValue(o.Value),
        Money m => new Money(m.Value),
        OptionSetValueCollection c => new OptionSetValueCollection(c.Select(o => new OptionSetValue(o.Value)).ToList()),
        _ => value,
    };
}
