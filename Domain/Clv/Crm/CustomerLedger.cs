using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Rapport.Domain.Clv.Data;

namespace Rapport.Domain.Clv.Crm;

/// <summary>
/// A customer's counted transactions, kept on the customer row so a change never re-reads the history: per day, the
/// amounts in cents (suffix <c>g</c> for gifts). Text form: <c>v1;738950:5000g,2500g;739012:10000</c> (day number =
/// days since 0001-01-01). Adding and removing are exact, so first/last/largest gift, best year and streaks stay right
/// after an edit, a move or a delete.
/// </summary>
public sealed class CustomerLedger
{
    private const string Version = "v1";
    private readonly SortedDictionary<int, List<Amount>> _days = new SortedDictionary<int, List<Amount>>();

    public bool IsEmpty => _days.Count == 0;

    /// <summary>Transactions counted (several on one day count separately).</summary>
    public int Count { get; private set; }

    public long TotalCents { get; private set; }

    /// <summary>Distinct days with a transaction.</summary>
    public int DayCount => _days.Count;

    public bool HasGifts
    {
        get
        {
            foreach (var day in _days.Values)
            {
                foreach (var amount in day)
                {
                    if (amount.IsGift)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>Reads the stored text; null or empty is an empty ledger. <paramref name="column"/> names the column in errors.</summary>
    public static CustomerLedger Parse(string? text, string column)
    {
        var ledger = new CustomerLedger();
        if (text == null || text.Trim().Length == 0)
        {
            return ledger;
        }

        var parts = text.Trim().Split(';');
        if (parts[0] != Version)
        {
            throw Corrupt(column, $"it starts with '{Cut(parts[0])}' instead of '{Version}'");
        }

        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i];
            var colon = part.IndexOf(':');
            if (colon <= 0 || !int.TryParse(part.Substring(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var dayNumber)
                || dayNumber < 1 || dayNumber > 3_652_058)
            {
                throw Corrupt(column, $"entry {i} '{Cut(part)}' has no valid day number");
            }

            foreach (var token in part.Substring(colon + 1).Split(','))
            {
                var gift = token.EndsWith("g", StringComparison.Ordinal);
                var digits = gift ? token.Substring(0, token.Length - 1) : token;
                if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var cents))
                {
                    throw Corrupt(column, $"entry {i} '{Cut(part)}' has an amount '{Cut(token)}' that is not whole cents");
                }

                ledger.Add(dayNumber, new Amount(cents, gift));
            }
        }

        return ledger;
    }

    public void Add(LedgerEntry entry) => Add(DayNumber(entry.Day), new Amount(entry.AmountCents, entry.IsGift));

    /// <summary>Removes one matching entry; false (nothing changed) when the ledger never counted it.</summary>
    public bool Remove(LedgerEntry entry)
    {
        var day = DayNumber(entry.Day);
        if (!_days.TryGetValue(day, out var amounts))
        {
            return false;
        }

        var at = amounts.IndexOf(new Amount(entry.AmountCents, entry.IsGift));
        if (at < 0)
        {
            return false;
        }

        amounts.RemoveAt(at);
        if (amounts.Count == 0)
        {
            _days.Remove(day);
        }

        Count--;
        TotalCents -= entry.AmountCents;
        return true;
    }

    public string Encode()
    {
        var sb = new StringBuilder(Version);
        foreach (var day in _days)
        {
            sb.Append(';').Append(day.Key.ToString(CultureInfo.InvariantCulture)).Append(':');
            for (var i = 0; i < day.Value.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(',');
                }

                sb.Append(day.Value[i].Cents.ToString(CultureInfo.InvariantCulture));
                if (day.Value[i].IsGift)
                {
                    sb.Append('g');
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>The entries as domain transactions (one per amount, value in currency units), oldest first.</summary>
    public List<Transaction> Transactions(string customerId)
    {
        var list = new List<Transaction>(Count);
        foreach (var day in _days)
        {
            var date = ToDate(day.Key);
            foreach (var amount in day.Value)
            {
                list.Add(new Transaction(customerId, date, amount.Cents / 100.0));
            }
        }

        return list;
    }

    /// <summary>Per day on or before <paramref name="until"/>: the day and its total in currency units, oldest first.</summary>
    public List<KeyValuePair<DateTime, double>> DayTotals(DateTime until)
    {
        var list = new List<KeyValuePair<DateTime, double>>(_days.Count);
        var last = DayNumber(until);
        foreach (var day in _days)
        {
            if (day.Key > last)
            {
                break;
            }

            long cents = 0;
            foreach (var amount in day.Value)
            {
                cents += amount.Cents;
            }

            list.Add(new KeyValuePair<DateTime, double>(ToDate(day.Key), cents / 100.0));
        }

        return list;
    }

    /// <summary>Per day: the day, its total in cents and its number of transactions, oldest first.</summary>
    public List<KeyValuePair<DateTime, DayCount>> DayCounts()
    {
        var list = new List<KeyValuePair<DateTime, DayCount>>(_days.Count);
        foreach (var day in _days)
        {
            long cents = 0;
            foreach (var amount in day.Value)
            {
                cents += amount.Cents;
            }

            list.Add(new KeyValuePair<DateTime, DayCount>(ToDate(day.Key), new DayCount(cents, day.Value.Count)));
        }

        return list;
    }

    /// <summary>Giving (or spending) per calendar year, oldest first, in currency units.</summary>
    public SortedDictionary<int, decimal> YearTotals()
    {
        var years = new SortedDictionary<int, decimal>();
        foreach (var day in _days)
        {
            var year = ToDate(day.Key).Year;
            years.TryGetValue(year, out var sum);
            foreach (var amount in day.Value)
            {
                sum += amount.Cents / 100m;
            }

            years[year] = sum;
        }

        return years;
    }

    public static int DayNumber(DateTime date) => (int)(date.Date.Ticks / TimeSpan.TicksPerDay);

    public static DateTime ToDate(int dayNumber) => new DateTime(dayNumber * TimeSpan.TicksPerDay, DateTimeKind.Utc);

    private void Add(int dayNumber, Amount amount)
    {
        if (!_days.TryGetValue(dayNumber, out var amounts))
        {
            amounts = new List<Amount>(1);
            _days.Add(dayNumber, amounts);
        }

        amounts.Add(amount);
        Count++;
        TotalCents += amount.Cents;
    }

    private static ClvInputException Corrupt(string column, string what) =>
        new ClvInputException($"The customer's CLV ledger ({column}) cannot be read: {what}. Clear the column and re-save the customer's transactions to recount it.", column);

    private static string Cut(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "...";

    private readonly struct Amount : IEquatable<Amount>
    {
        public Amount(long cents, bool isGift)
        {
            Cents = cents;
            IsGift = isGift;
        }

        public long Cents { get; }

        public bool IsGift { get; }

        public bool Equals(Amount other) => Cents == other.Cents && IsGift == other.IsGift;

        public override bool Equals(object? obj) => obj is Amount other && Equals(other);

        public override int GetHashCode() => Cents.GetHashCode() ^ (IsGift ? 1 : 0);
    }
}

/// <summary>One day of a ledger: its total in cents and how many transactions made it.</summary>
public readonly struct DayCount
{
    public DayCount(long cents, int count)
    {
        Cents = cents;
        Count = count;
    }

    public long Cents { get; }

    public int Count { get; }
}
