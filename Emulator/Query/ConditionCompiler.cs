using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Store;

namespace Rapport.Emulator.Query;

/// <summary>
/// Compiles a FilterExpression once into a predicate over a joined row (slot 0 the root, then one slot per link
/// entity), so evaluating it per row allocates nothing.
/// </summary>
internal sealed class ConditionCompiler
{
    private readonly QuerySlots _slots;
    private readonly QueryContext _context;

    public ConditionCompiler(QuerySlots slots, QueryContext context)
    {
        _slots = slots;
        _context = context;
    }

    public Func<Row?[], bool>? Compile(FilterExpression? filter, int defaultSlot, HashSet<int> usedSlots)
    {
        if (filter is null || (filter.Conditions.Count == 0 && filter.Filters.Count == 0))
        {
            return null;
        }

        var parts = new List<Func<Row?[], bool>>();
        foreach (var condition in filter.Conditions)
        {
            parts.Add(Condition(condition, defaultSlot, usedSlots));
        }

        foreach (var child in filter.Filters)
        {
            if (Compile(child, defaultSlot, usedSlots) is { } compiled)
            {
                parts.Add(compiled);
            }
        }

        var all = parts.ToArray();
        if (all.Length == 1)
        {
            return all[0];
        }

        return filter.FilterOperator == LogicalOperator.Or
            ? row =>
            {
                foreach (var part in all)
                {
                    if (part(row))
                    {
                        return true;
                    }
                }

                return false;
            }
            : row =>
            {
                foreach (var part in all)
                {
                    if (!part(row))
                    {
                        return false;
                    }
                }

                return true;
            };
    }

    private Func<Row?[], bool> Condition(ConditionExpression condition, int defaultSlot, HashSet<int> usedSlots)
    {
        var slot = string.IsNullOrEmpty(condition.EntityName) ? defaultSlot : _slots.ByAlias(condition.EntityName);
        usedSlots.Add(slot);
        var table = _slots.Tables[slot];
        var name = condition.AttributeName;
        var column = table.Column(name) ?? throw Fault.NoAttribute(table.LogicalName, name);
        var values = condition.Values.Select(v => QueryValues.Normalize(v, column)).ToArray();
        var test = Operator(condition.Operator, values, table.LogicalName, name);
        // A missing outer-joined row reads as nulls, as in SQL.
        return row => test(row[slot] is { } r && r.Values.TryGetValue(name, out var value) ? value : null);
    }

    private Func<object?, bool> Operator(ConditionOperator op, object?[] values, string table, string column)
    {
        object? First() => values.Length > 0 ? values[0] : throw Fault.InvalidArgument($"The condition on '{column}' of '{table}' needs a value for operator {op}.");
        var now = _context.Now;
        var today = now.Date;
        switch (op)
        {
            case ConditionOperator.Equal:
                var eq = First();
                return v => QueryValues.Compare(v, eq) == 0;
            case ConditionOperator.NotEqual:
                var ne = First();
                return v => QueryValues.Compare(v, ne) is { } c && c != 0;
            case ConditionOperator.GreaterThan:
                var gt = First();
                return v => QueryValues.Compare(v, gt) > 0;
            case ConditionOperator.GreaterEqual:
                var ge = First();
                return v => QueryValues.Compare(v, ge) >= 0;
            case ConditionOperator.LessThan:
                var lt = First();
                return v => QueryValues.Compare(v, lt) < 0;
            case ConditionOperator.LessEqual:
                var le = First();
                return v => QueryValues.Compare(v, le) <= 0;
            case ConditionOperator.Null:
                return v => v is null;
            case ConditionOperator.NotNull:
                return v => v is not null;
            case ConditionOperator.In:
                return v => values.Any(x => QueryValues.Compare(v, x) == 0);
            case ConditionOperator.NotIn:
                return v => v is not null && values.All(x => QueryValues.Compare(v, x) != 0);
            case ConditionOperator.Between:
                Require(values, 2, op, column);
                return v => QueryValues.Compare(v, values[0]) >= 0 && QueryValues.Compare(v, values[1]) <= 0;
            case ConditionOperator.NotBetween:
                Require(values, 2, op, column);
                return v => v is not null && !(QueryValues.Compare(v, values[0]) >= 0 && QueryValues.Compare(v, values[1]) <= 0);
            case ConditionOperator.Like or ConditionOperator.NotLike:
                return Like(Pattern(First()), op == ConditionOperator.NotLike);
            case ConditionOperator.BeginsWith or ConditionOperator.DoesNotBeginWith:
                return Like(Escape(First()) + "%", op == ConditionOperator.DoesNotBeginWith);
            case ConditionOperator.EndsWith or ConditionOperator.DoesNotEndWith:
                return Like("%" + Escape(First()), op == ConditionOperator.DoesNotEndWith);
            case ConditionOperator.Contains or ConditionOperator.DoesNotContain:
                return Like("%" + Escape(First()) + "%", op == ConditionOperator.DoesNotContain);
            case ConditionOperator.EqualUserId:
                var user = _context.UserId;
                return v => QueryValues.Compare(v, user) == 0;
            case ConditionOperator.NotEqualUserId:
                var me = _context.UserId;
                return v => QueryValues.Compare(v, me) is { } c && c != 0;
            case ConditionOperator.EqualBusinessId:
                var unit = _context.BusinessUnitId;
                return v => QueryValues.Compare(v, unit) == 0;
            case ConditionOperator.On:
                var on = Day(First());
                return v => v is DateTime t && t.Date == on;
            case ConditionOperator.NotOn:
                var notOn = Day(First());
                return v => v is DateTime t && t.Date != notOn;
            case ConditionOperator.OnOrAfter:
                var after = Day(First());
                return v => v is DateTime t && t >= after;
            case ConditionOperator.OnOrBefore:
                var before = Day(First()).AddDays(1);
                return v => v is DateTime t && t < before;
            case ConditionOperator.Today:
                return Range(today, today.AddDays(1));
            case ConditionOperator.Yesterday:
                return Range(today.AddDays(-1), today);
            case ConditionOperator.Tomorrow:
                return Range(today.AddDays(1), today.AddDays(2));
            case ConditionOperator.Last7Days:
                return Range(today.AddDays(-7), now);
            case ConditionOperator.Next7Days:
                return Range(now, today.AddDays(8));
            case ConditionOperator.LastXDays:
                return Range(today.AddDays(-Count(First())), now);
            case ConditionOperator.NextXDays:
                return Range(now, today.AddDays(Count(First()) + 1));
            case ConditionOperator.LastXHours:
                return Range(now.AddHours(-Count(First())), now);
            case ConditionOperator.NextXHours:
                return Range(now, now.AddHours(Count(First())));
            case ConditionOperator.LastXMonths:
                return Range(today.AddMonths(-Count(First())), now);
            case ConditionOperator.NextXMonths:
                return Range(now, today.AddMonths(Count(First())).AddDays(1));
            case ConditionOperator.LastXYears:
                return Range(today.AddYears(-Count(First())), now);
            case ConditionOperator.NextXYears:
                return Range(now, today.AddYears(Count(First())).AddDays(1));
            case ConditionOperator.OlderThanXDays:
                var days = today.AddDays(-Count(First()));
                return v => v is DateTime t && t < days;
            case ConditionOperator.OlderThanXMonths:
                var months = today.AddMonths(-Count(First()));
                return v => v is DateTime t && t < months;
            case ConditionOperator.ThisMonth:
                var month = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc);
                return Range(month, month.AddMonths(1));
            case ConditionOperator.LastMonth:
                var thisMonth = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc);
                return Range(thisMonth.AddMonths(-1), thisMonth);
            case ConditionOperator.ThisYear:
                var year = new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                return Range(year, year.AddYears(1));
            case ConditionOperator.LastYear:
                var thisYear = new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                return Range(thisYear.AddYears(-1), thisYear);
            default:
                throw Fault.InvalidArgument($"The condition operator {op} is not supported by the emulator.");
        }
    }

    private static Func<object?, bool> Range(DateTime from, DateTime to) => v => v is DateTime t && t >= from && t < to;

    private static void Require(object?[] values, int count, ConditionOperator op, string column)
    {
        if (values.Length != count)
        {
            throw Fault.InvalidArgument($"The operator {op} on '{column}' needs {count} values.");
        }
    }

    private static DateTime Day(object? value) =>
        value is DateTime date ? date.Date : throw Fault.InvalidArgument($"Expected a date, got '{value}'.");

    private static int Count(object? value) => value switch
    {
        decimal d => (int)d,
        double x => (int)x,
        string s when int.TryParse(s, out var n) => n,
        _ => throw Fault.InvalidArgument($"Expected a whole number, got '{value}'."),
    };

    private static string Pattern(object? value) => value as string ?? throw Fault.InvalidArgument("A like condition needs a text value.");

    private static string Escape(object? value) => Pattern(value).Replace("[", "[[]", StringComparison.Ordinal).Replace("%", "[%]", StringComparison.Ordinal).Replace("_", "[_]", StringComparison.Ordinal);

    private static Func<object?, bool> Like(string pattern, bool negate)
    {
        var regex = new Regex("^" + LikeToRegex(pattern) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.Compiled);
        return negate
            ? v => v is string s && !regex.IsMatch(s)
            : v => v is string s && regex.IsMatch(s);
    }

    // SQL LIKE: % any run, _ one character, [...] a character class (used here to escape).
    private static string LikeToRegex(string pattern)
    {
        var result = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '%')
            {
                result.Append(".*");
            }
            else if (c == '_')
            {
                result.Append('.');
            }
            else if (c == '[' && pattern.IndexOf(']', i + 1) is var end && end > i)
            {
                var inner = pattern.Substring(i + 1, end - i - 1);
                result.Append(inner.Length == 1 ? Regex.Escape(inner) : "[" + inner.Replace("\\", "\\\\", StringComparison.Ordinal) + "]");
                i = end;
            }
            else
            {
                result.Append(Regex.Escape(c.ToString()));
            }
        }

        return result.ToString();
    }
}
