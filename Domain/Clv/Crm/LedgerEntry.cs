using System;
using System.Globalization;

namespace Rapport.Domain.Clv.Crm;

/// <summary>
/// One counted transaction as the customer's ledger keeps it: its day, its amount in cents, and whether it is a gift
/// (nonprofit) or a sale. Amounts are whole cents so removing an entry restores the ledger exactly.
/// </summary>
public sealed record LedgerEntry(DateTime Day, long AmountCents, bool IsGift)
{
    /// <summary>
    /// Validates and converts a CRM amount and date. <paramref name="amountColumn"/> and <paramref name="dateColumn"/>
    /// name the columns in the messages; a date later than <paramref name="today"/> (the operation's day, plus one day
    /// for time zones ahead of UTC) is refused.
    /// </summary>
    public static LedgerEntry From(decimal? amount, DateTime? date, bool isGift, DateTime today, string amountColumn, string dateColumn)
    {
        if (amount is null)
        {
            throw new ClvInputException($"The amount ({amountColumn}) is missing: a counted transaction needs an amount of 0 or more.", amountColumn);
        }

        if (amount.Value < 0)
        {
            throw new ClvInputException(
                $"The amount ({amountColumn}) is {amount.Value.ToString(CultureInfo.InvariantCulture)}: it must be 0 or more. Record a refund by deactivating the original row.",
                amountColumn);
        }

        if (amount.Value > 90_000_000_000_000m)
        {
            throw new ClvInputException($"The amount ({amountColumn}) is too large to count.", amountColumn);
        }

        if (date is null)
        {
            throw new ClvInputException($"The date ({dateColumn}) is missing: a counted transaction needs the day it happened.", dateColumn);
        }

        var day = date.Value.Date;
        if (day > today.Date.AddDays(1))
        {
            throw new ClvInputException(
                $"The date ({dateColumn}) {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is in the future (today is {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}): enter the day the transaction happened.",
                dateColumn);
        }

        if (day.Year < 1900)
        {
            throw new ClvInputException($"The date ({dateColumn}) {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is before 1900.", dateColumn);
        }

        return new LedgerEntry(day, (long)decimal.Round(amount.Value * 100m, 0, MidpointRounding.AwayFromZero), isGift);
    }

    public decimal Amount => AmountCents / 100m;
}
