using System;

namespace Rapport.Domain.Clv.Data;

/// <summary>The unit recency, T and horizons are expressed in. A month is the average Gregorian month, 365.25 / 12 days.</summary>
public enum TimeUnit
{
    Day,
    Week,
    Month,
}

public static class TimeUnits
{
    public static double Days(this TimeUnit unit) => unit switch
    {
        TimeUnit.Day => 1,
        TimeUnit.Week => 7,
        TimeUnit.Month => 365.25 / 12,
        _ => throw new ClvInputException($"Unknown time unit {unit}.", "time-unit"),
    };

    public static TimeUnit Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "day" or "days" or "d" => TimeUnit.Day,
        "week" or "weeks" or "w" => TimeUnit.Week,
        "month" or "months" or "m" => TimeUnit.Month,
        _ => throw new ClvInputException($"Unknown time unit '{text}': use day, week or month.", "time-unit"),
    };

    public static double Between(DateTime from, DateTime to, TimeUnit unit) => (to.Date - from.Date).TotalDays / unit.Days();
}
