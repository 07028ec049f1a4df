using System;
using System.Collections.Generic;
using System.Globalization;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

public enum ComparisonOperator
{
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
}

/// <summary>
/// A comparison on one column, written <c>column op value</c>: <c>rapport_amount gt 10000</c>,
/// <c>name eq 'Big deal'</c> (quotes doubled inside), <c>parentaccountid ne null</c>. The value is compared by the
/// type of the row's value: numbers (money, whole numbers, option values) as decimals, yes/no as true/false, dates as
/// ISO 8601 UTC, lookups as GUIDs, text case-insensitively. A value that cannot be read as the column's type does not
/// match (an auto-follow rule never blocks a save).
/// </summary>
public sealed record AutoFollowCondition(string Column, ComparisonOperator Operator, string? Value)
{
    private static readonly string[] OperatorNames = { "eq", "ne", "gt", "ge", "lt", "le" };

    public static AutoFollowCondition Parse(string? text)
    {
        var t = (text ?? string.Empty).Trim();
        var parts = t.Split(new[] { ' ' }, 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3)
        {
            throw Invalid(t, "write it as 'column operator value', e.g. 'rapport_amount gt 10000'");
        }

        var column = parts[0].ToLowerInvariant();
        if (!IsLogicalName(column))
        {
            throw Invalid(t, $"'{parts[0]}' is not a column logical name");
        }

        var op = Array.IndexOf(OperatorNames, parts[1].ToLowerInvariant());
        if (op < 0)
        {
            throw Invalid(t, $"'{parts[1]}' is not an operator; use eq, ne, gt, ge, lt or le");
        }

        var raw = parts[2].Trim();
        string? value;
        if (raw.StartsWith("'", StringComparison.Ordinal))
        {
            if (raw.Length < 2 || !raw.EndsWith("'", StringComparison.Ordinal) || raw.Substring(1, raw.Length - 2).Replace("''", string.Empty).IndexOf('\'') >= 0)
            {
                throw Invalid(t, "a quoted value must end with a quote, with quotes inside written twice ('O''Brien')");
            }

            value = raw.Substring(1, raw.Length - 2).Replace("''", "'");
        }
        else if (raw.IndexOf(' ') >= 0)
        {
            throw Invalid(t, "a value with spaces must be in single quotes");
        }
        else
        {
            value = string.Equals(raw, "null", StringComparison.OrdinalIgnoreCase) ? null : raw;
        }

        if (value is null && op != (int)ComparisonOperator.Eq && op != (int)ComparisonOperator.Ne)
        {
            throw Invalid(t, "null can only be compared with eq or ne");
        }

        return new AutoFollowCondition(column, (ComparisonOperator)op, value);
    }

    /// <summary>The text form read by <see cref="Parse"/>.</summary>
    public override string ToString()
    {
        var value = Value is null ? "null"
            : Value.Length == 0 || Value.IndexOf(' ') >= 0 || Value.IndexOf('\'') >= 0 || string.Equals(Value, "null", StringComparison.OrdinalIgnoreCase)
                ? "'" + Value.Replace("'", "''") + "'"
                : Value;
        return Column + " " + OperatorNames[(int)Operator] + " " + value;
    }

    /// <summary>Evaluates against the row's values (logical name → value; a missing column is a null value).</summary>
    public bool Matches(IReadOnlyDictionary<string, object?> values)
    {
        Guard.NotNull(values, nameof(values));
        values.TryGetValue(Column, out var actual);
        if (actual is null || Value is null)
        {
            var bothNull = actual is null && Value is null;
            return Operator switch
            {
                ComparisonOperator.Eq => bothNull,
                ComparisonOperator.Ne => !bothNull,
                _ => false,
            };
        }

        if (actual is Guid && Operator != ComparisonOperator.Eq && Operator != ComparisonOperator.Ne)
        {
            return false;
        }

        var order = Compare(actual, Value);
        if (!order.HasValue)
        {
            return false;
        }

        var c = order.Value;
        return Operator switch
        {
            ComparisonOperator.Eq => c == 0,
            ComparisonOperator.Ne => c != 0,
            ComparisonOperator.Gt => c > 0,
            ComparisonOperator.Ge => c >= 0,
            ComparisonOperator.Lt => c < 0,
            _ => c <= 0,
        };
    }

    internal static bool IsLogicalName(string name)
    {
        if (name.Length == 0 || name.Length > 64 || name[0] < 'a' || name[0] > 'z')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static int? Compare(object actual, string expected)
    {
        switch (actual)
        {
            case bool b:
                var truth = expected.ToLowerInvariant();
                if (truth != "true" && truth != "false" && truth != "1" && truth != "0")
                {
                    return null;
                }

                return b.CompareTo(truth == "true" || truth == "1");
            case DateTime d:
                if (!DateTime.TryParse(expected, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var when))
                {
                    return null;
                }

                var utc = d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d;
                return utc.CompareTo(when);
            case Guid g:
                return Guid.TryParse(expected, out var id) ? (g == id ? 0 : 1) : null;
            case string s:
                return string.Compare(s, expected, StringComparison.OrdinalIgnoreCase);
            case byte or sbyte or short or ushort or int or uint or long or ulong or decimal or float or double:
                if (!decimal.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return null;
                }

                try
                {
                    return Convert.ToDecimal(actual, CultureInfo.InvariantCulture).CompareTo(number);
                }
                catch (OverflowException)
                {
                    return null;
                }

            default:
                return string.Compare(Convert.ToString(actual, CultureInfo.InvariantCulture), expected, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static FeedException Invalid(string text, string why) =>
        new FeedException(FeedError.InvalidRule, $"The condition '{text}' is not valid: {why}.");
}
