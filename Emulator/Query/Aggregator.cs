using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Metadata;
using Rapport.Emulator.Store;

namespace Rapport.Emulator.Query;

/// <summary>FetchXML aggregates: groups by the groupby columns (with year/month/day/... date grouping) and returns
/// one row per group whose columns are AliasedValues keyed by their alias.</summary>
internal static class Aggregator
{
    public static EntityCollection Run(Organization org, QuerySlots slots, List<Row?[]> matches, FetchAggregate aggregate)
    {
        var columns = aggregate.Columns.Select(c => (Column: c, Slot: c.EntityAlias is null ? 0 : slots.ByAlias(c.EntityAlias))).ToList();
        var groupBy = columns.Where(c => c.Column.IsGroupBy).ToList();
        var groups = new Dictionary<string, (object?[] Keys, List<Row?[]> Rows)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var match in matches)
        {
            var keys = groupBy.Select(g => GroupValue(match[g.Slot]?[g.Column.Attribute], g.Column.DateGrouping)).ToArray();
            var signature = string.Join("\u001f", keys.Select(k => Convert.ToString(QueryValues.Key(k), System.Globalization.CultureInfo.InvariantCulture)));
            if (!groups.TryGetValue(signature, out var group))
            {
                group = (keys, new List<Row?[]>());
                groups[signature] = group;
                order.Add(signature);
            }

            group.Rows.Add(match);
        }

        if (groupBy.Count == 0 && groups.Count == 0)
        {
            groups[""] = ([], new List<Row?[]>());
            order.Add("");
        }

        var result = new EntityCollection { EntityName = slots.Tables[0].LogicalName };
        foreach (var signature in order)
        {
            var (keys, rows) = groups[signature];
            var entity = new Entity(slots.Tables[0].LogicalName);
            var k = 0;
            foreach (var (column, slot) in columns)
            {
                var table = slots.Tables[slot];
                var value = column.IsGroupBy ? keys[k++] : Compute(table, column, rows.Select(r => r[slot]?[column.Attribute]).ToList());
                entity.Attributes[column.Alias] = new AliasedValue(table.LogicalName, column.Attribute, ValueValidator.Copy(value));
            }

            result.Entities.Add(entity);
        }

        Sort(result, aggregate);
        return result;
    }

    private static object? GroupValue(object? value, string? dateGrouping)
    {
        if (dateGrouping is null || value is not DateTime date)
        {
            return value;
        }

        return dateGrouping switch
        {
            "year" => date.Year,
            "quarter" => ((date.Month - 1) / 3) + 1,
            "month" => date.Month,
            "week" => System.Globalization.ISOWeek.GetWeekOfYear(date),
            "day" => date.Day,
            _ => throw Fault.InvalidFetchXml($"unknown dategrouping '{dateGrouping}'"),
        };
    }

    private static object? Compute(TableMetadata table, AggregateColumn column, List<object?> values)
    {
        var present = values.Where(v => v is not null).ToList();
        if (column.Distinct)
        {
            present = present.GroupBy(v => QueryValues.Key(v)).Select(g => g.First()).ToList();
        }

        switch (column.Function)
        {
            case "count":
                return values.Count;
            case "countcolumn":
                return present.Count;
            case "sum" or "avg":
                if (present.Count == 0)
                {
                    return null;
                }

                var numbers = present.Select(Number).ToList();
                var total = numbers.Sum();
                var result = column.Function == "sum" ? total : total / numbers.Count;
                return Typed(present[0], result, column.Function == "avg");
            case "min" or "max":
                if (present.Count == 0)
                {
                    return null;
                }

                var sorted = present.OrderBy(v => v, Comparer<object?>.Create(QueryValues.Order)).ToList();
                return column.Function == "min" ? sorted[0] : sorted[^1];
            default:
                throw Fault.InvalidFetchXml($"unknown aggregate '{column.Function}' on '{table.LogicalName}.{column.Attribute}'");
        }
    }

    private static decimal Number(object? value) => value switch
    {
        Money m => m.Value,
        int i => i,
        long l => l,
        decimal d => d,
        double x => (decimal)x,
        _ => throw Fault.InvalidFetchXml($"cannot sum or average a {value?.GetType().Name}"),
    };

    private static object Typed(object? sample, decimal value, bool average) => sample switch
    {
        Money => new Money(value),
        int when !average => (int)value,
        long when !average => (long)value,
        double => (double)value,
        _ => value,
    };

    private static void Sort(EntityCollection result, FetchAggregate aggregate)
    {
        if (aggregate.Orders.Count == 0)
        {
            return;
        }

        var sorted = result.Entities.ToList();
        sorted.Sort((a, b) =>
        {
            foreach (var (alias, descending) in aggregate.Orders)
            {
                var compared = QueryValues.Order(Value(a, alias), Value(b, alias));
                if (compared != 0)
                {
                    return descending ? -compared : compared;
                }
            }

            return 0;
        });
        result.Entities.Clear();
        result.Entities.AddRange(sorted);
    }

    private static object? Value(Entity entity, string alias) =>
        entity.Attributes.TryGetValue(alias, out var value) && value is AliasedValue aliased ? aliased.Value : null;
}
