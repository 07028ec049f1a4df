using System;
using System.Globalization;

namespace Rapport.Domain.Feed;

/// <summary>
/// Fallback formatting for raw column values when the adapter has no formatted value from Dataverse. Invariant
/// culture unless one is passed; option labels and lookup names come from the adapter as text.
/// </summary>
public static class ColumnValueFormatter
{
    /// <summary>"$12,500.00", "-€5.00": the currency symbol before the amount, <paramref name="precision"/> decimals.</summary>
    public static string Money(decimal amount, string currencySymbol, int precision = 2, CultureInfo? culture = null)
    {
        var c = culture ?? CultureInfo.InvariantCulture;
        var digits = Math.Abs(amount).ToString("N" + Math.Max(0, Math.Min(precision, 10)).ToString(CultureInfo.InvariantCulture), c);
        return (amount < 0 ? "-" : string.Empty) + (currencySymbol ?? string.Empty) + digits;
    }

    public static string Number(decimal value, int precision, CultureInfo? culture = null) =>
        value.ToString("N" + Math.Max(0, Math.Min(precision, 10)).ToString(CultureInfo.InvariantCulture), culture ?? CultureInfo.InvariantCulture);

    /// <summary>"2026-11-25" for date-only columns, "2026-11-25 14:30" otherwise (invariant), or the culture's short forms.</summary>
    public static string Date(DateTime value, bool dateOnly, CultureInfo? culture = null)
    {
        if (culture is null)
        {
            return value.ToString(dateOnly ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        }

        return value.ToString(dateOnly ? "d" : "g", culture);
    }

    public static string YesNo(bool value, string yesLabel = "Yes", string noLabel = "No") => value ? yesLabel : noLabel;
}
