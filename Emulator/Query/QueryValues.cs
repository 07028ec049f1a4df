using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Query;

/// <summary>
/// Comparison of stored values with query values. Query values are normalized once (to string, decimal, double,
/// DateTime, Guid or bool, coerced by the column's type, so FetchXML's text values work); stored values are compared
/// without allocating. Text compares case-insensitively, like Dataverse's SQL collation.
/// </summary>
internal static class QueryValues
{
    public static object? Normalize(object? value, ColumnDefinition? column)
    {
        switch (value)
        {
            case null:
                return null;
            case string text when column is not null:
                return Coerce(text, column);
            case string text:
                return text;
            case EntityReference reference:
                return reference.Id;
            case OptionSetValue option:
                return (decimal)option.Value;
            case Money money:
                return money.Value;
            case int or long or short or byte or decimal:
                return Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            case double or float:
                return Convert.ToDouble(value, CultureInfo.InvariantCulture);
            case DateTime date:
                return Metadata.ValueValidator.ToUtc(date);
            case Enum e:
                return Convert.ToDecimal(e, CultureInfo.InvariantCulture);
            default:
                return value;
        }
    }

    private static object Coerce(string text, ColumnDefinition column)
    {
        switch (column.Type)
        {
            case ColumnType.Integer or ColumnType.BigInt or ColumnType.Decimal or ColumnType.Money or ColumnType.Picklist
                or ColumnType.State or ColumnType.Status:
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : text;
            case ColumnType.Double:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var dbl) ? dbl : text;
            case ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner or ColumnType.Uniqueidentifier:
                return Guid.TryParse(text, out var id) ? id : text;
            case ColumnType.Boolean:
                return text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase);
            case ColumnType.DateTime:
                return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
                    ? DateTime.SpecifyKind(date, DateTimeKind.Utc)
                    : text;
            default:
                return text;
        }
    }

    /// <summary>Compares a stored value with a normalized query value; null when they cannot be compared.</summary>
    public static int? Compare(object? stored, object? query)
    {
        if (stored is null || query is null)
        {
            return null;
        }

        switch (stored)
        {
            case string s when query is string q:
                return string.Compare(s, q, StringComparison.OrdinalIgnoreCase);
            case int i when query is decimal d:
                return ((decimal)i).CompareTo(d);
            case long l when query is decimal d:
                return ((decimal)l).CompareTo(d);
            case decimal m when query is decimal d:
                return m.CompareTo(d);
            case double x when query is double d:
                return x.CompareTo(d);
            case double x when query is decimal d:
                return x.CompareTo((double)d);
            case decimal m when query is double d:
                return ((double)m).CompareTo(d);
            case OptionSetValue o when query is decimal d:
                return ((decimal)o.Value).CompareTo(d);
            case Money money when query is decimal d:
                return money.Value.CompareTo(d);
            case EntityReference r when query is Guid g:
                return SqlGuidCompare(r.Id, g);
            case Guid id when query is Guid g:
                return SqlGuidCompare(id, g);
            case DateTime t when query is DateTime d:
                return t.CompareTo(d);
            case bool b when query is bool c:
                return b.CompareTo(c);
            case bool b when query is decimal d:
                return (b ? 1m : 0m).CompareTo(d);
            default:
                var normalized = Normalize(stored, null);
                return normalized is not null && normalized.GetType() == query.GetType() && normalized is IComparable comparable
                    ? comparable.CompareTo(query)
                    : null;
        }
    }

    // SQL Server orders uniqueidentifier by bytes 10-15, then 8-9, 6-7, 4-5, 0-3 of Guid.ToByteArray(); Dataverse sorts
    // and filters ids that way, so the emulator must too.
    private static readonly int[] SqlGuidOrder = [10, 11, 12, 13, 14, 15, 8, 9, 6, 7, 4, 5, 0, 1, 2, 3];

    private static int SqlGuidCompare(Guid a, Guid b)
    {
        Span<byte> x = stackalloc byte[16];
        Span<byte> y = stackalloc byte[16];
        a.TryWriteBytes(x);
        b.TryWriteBytes(y);
        foreach (var i in SqlGuidOrder)
        {
            if (x[i] != y[i])
            {
                return x[i] < y[i] ? -1 : 1;
            }
        }

        return 0;
    }

    /// <summary>A key for equality joins and grouping: the id of a reference, the number of an option, text upper-cased.</summary>
    public static object? Key(object? value) => value switch
    {
        null => null,
        string s => s.ToUpperInvariant(),
        _ => Normalize(value, null),
    };

    /// <summary>Orders two stored values (nulls first, as SQL Server sorts ascending).</summary>
    public static int Order(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        return Compare(a, Normalize(b, null)) ?? 0;
    }
}
