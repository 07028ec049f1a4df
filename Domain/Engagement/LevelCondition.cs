using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Rapport.Domain.Engagement;

/// <summary>A value a level ladder or condition reads from a <see cref="LevelCustomer"/>.</summary>
public enum LevelField
{
    Clv,
    EngagementScore,
    GivingTotal,
    GivingCount,
    /// <summary>Whole days from the last gift to the evaluation date; unknown when there is no gift.</summary>
    DaysSinceLastGift,
    Lybunt,
    Sybunt,
    Country,
    State,
    City,
}

public enum ConditionOperator
{
    AtLeast,
    AtMost,
    IsTrue,
    IsFalse,
    /// <summary>The text equals one of the values (trimmed, case-insensitive).</summary>
    In,
    NotIn,
}

/// <summary>An extra condition a level needs besides its range, e.g. "Country in (FR, BE)" or "Lybunt is true".</summary>
public sealed record LevelCondition(LevelField Field, ConditionOperator Operator, decimal? Number, IReadOnlyList<string> Values)
{
    public static LevelCondition AtLeast(LevelField field, decimal value) => new LevelCondition(field, ConditionOperator.AtLeast, value, Array.Empty<string>());

    public static LevelCondition AtMost(LevelField field, decimal value) => new LevelCondition(field, ConditionOperator.AtMost, value, Array.Empty<string>());

    public static LevelCondition IsTrue(LevelField field) => new LevelCondition(field, ConditionOperator.IsTrue, null, Array.Empty<string>());

    public static LevelCondition IsFalse(LevelField field) => new LevelCondition(field, ConditionOperator.IsFalse, null, Array.Empty<string>());

    public static LevelCondition In(LevelField field, params string[] values) => new LevelCondition(field, ConditionOperator.In, null, values);

    public static LevelCondition NotIn(LevelField field, params string[] values) => new LevelCondition(field, ConditionOperator.NotIn, null, values);

    internal static bool IsNumeric(LevelField f) => f is LevelField.Clv or LevelField.EngagementScore or LevelField.GivingTotal or LevelField.GivingCount or LevelField.DaysSinceLastGift;

    internal static bool IsFlag(LevelField f) => f is LevelField.Lybunt or LevelField.Sybunt;

    internal static bool IsText(LevelField f) => f is LevelField.Country or LevelField.State or LevelField.City;

    /// <summary>Throws naming <paramref name="where"/> when the operator does not fit the field.</summary>
    internal void EnsureValid(string where)
    {
        var ok = Operator switch
        {
            ConditionOperator.AtLeast or ConditionOperator.AtMost => IsNumeric(Field) && Number is not null,
            ConditionOperator.IsTrue or ConditionOperator.IsFalse => IsFlag(Field),
            _ => IsText(Field) && Values is not null && Values.Count > 0,
        };
        if (!ok)
        {
            throw new EngagementException(EngagementError.InvalidLevel, where, $"{where}: {Operator} cannot be used on {Field}; use AtLeast/AtMost with a number on Clv, EngagementScore, GivingTotal, GivingCount or DaysSinceLastGift, IsTrue/IsFalse on Lybunt or Sybunt, and In/NotIn with at least one value on Country, State or City.");
        }
    }

    internal bool Matches(LevelCustomer customer, DateTime now)
    {
        switch (Operator)
        {
            case ConditionOperator.AtLeast:
            case ConditionOperator.AtMost:
                var value = NumberOf(customer, Field, now);
                return value is not null && (Operator == ConditionOperator.AtLeast ? value >= Number : value <= Number);
            case ConditionOperator.IsTrue:
            case ConditionOperator.IsFalse:
                var flag = Field == LevelField.Lybunt ? customer.Lybunt : customer.Sybunt;
                return flag == (Operator == ConditionOperator.IsTrue);
            default:
                var text = (Field switch { LevelField.Country => customer.Country, LevelField.State => customer.State, _ => customer.City })?.Trim();
                var found = text is not null && Values.Any(v => string.Equals(v?.Trim(), text, StringComparison.OrdinalIgnoreCase));
                return Operator == ConditionOperator.In ? found : !found;
        }
    }

    internal static decimal? NumberOf(LevelCustomer c, LevelField field, DateTime now) => field switch
    {
        LevelField.Clv => c.Clv,
        LevelField.EngagementScore => c.EngagementScore is { } s ? (decimal)s : null,
        LevelField.GivingTotal => c.GivingTotal,
        LevelField.GivingCount => c.GivingCount,
        LevelField.DaysSinceLastGift => c.LastGiftDate is { } d ? (decimal)Math.Floor((now.Date - d.Date).TotalDays) : null,
        _ => null,
    };

    public override string ToString() => Operator switch
    {
        ConditionOperator.AtLeast => $"{Field} >= {Number?.ToString(CultureInfo.InvariantCulture)}",
        ConditionOperator.AtMost => $"{Field} <= {Number?.ToString(CultureInfo.InvariantCulture)}",
        ConditionOperator.IsTrue => $"{Field} is true",
        ConditionOperator.IsFalse => $"{Field} is false",
        _ => $"{Field} {(Operator == ConditionOperator.In ? "in" : "not in")} ({string.Join(", ", Values)})",
    };
}
