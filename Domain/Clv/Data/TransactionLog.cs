using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Rapport.Domain.Clv.Data;

/// <summary>
/// Reads a transaction log, detecting the format: a CSV with a header naming <c>date</c> and <c>id</c>
/// (optional value column), or whitespace-separated CDNOW rows — five columns
/// (master id, sample id, YYYYMMDD, quantity, dollars; the sample id is used, as in the papers' summaries)
/// or four (customer id, YYYYMMDD, quantity, dollars, with or without a header).
/// </summary>
public static class TransactionLog
{
    private static readonly string[] DateFormats = { "yyyyMMdd", "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm" };
    private static readonly string[] ValueNames = { "value", "monetary_value", "amount", "dollars", "dollar_value", "sales" };
    private static readonly char[] Whitespace = { ' ', '\t' };

    public static List<Transaction> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    public static List<Transaction> Read(TextReader reader)
    {
        string? first;
        var headerLine = 0;
        while ((first = reader.ReadLine()) != null && first.Trim().Length == 0)
        {
            headerLine++;
        }

        headerLine++;

        if (first == null)
        {
            throw new ClvInputException("The transaction log is empty.");
        }

        var result = first.IndexOf(',') >= 0 ? ReadCsv(Csv.SplitLine(first), first, headerLine, reader) : ReadWhitespace(first, reader);
        if (result.Count == 0)
        {
            throw new ClvInputException("The transaction log has no transactions.");
        }

        return result;
    }

    public static DateTime ParseDate(string text, string where)
    {
        if (!DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new ClvInputException($"{where}: '{text}' is not a date (expected YYYYMMDD or YYYY-MM-DD).", "date");
        }

        return date.Date;
    }

    private static List<Transaction> ReadCsv(string[] columns, string header, int headerLine, TextReader reader)
    {
        int date = -1, id = -1, value = -1;
        for (var i = 0; i < columns.Length; i++)
        {
            var name = columns[i].ToLowerInvariant();
            if (name == "date")
            {
                date = i;
            }
            else if (name == "id" || name == "customer_id")
            {
                id = i;
            }
            else if (Array.IndexOf(ValueNames, name) >= 0)
            {
                value = i;
            }
        }

        if (date < 0 || id < 0)
        {
            throw new ClvInputException($"Transaction CSV header must name 'date' and 'id' columns; found: {header}.", date < 0 ? "date" : "id");
        }

        var rows = new List<Transaction>();
        var csv = new Csv(reader, firstLine: headerLine + 1);
        string[]? cells;
        while ((cells = csv.ReadRecord()) != null)
        {
            if (cells.Length == 1 && cells[0].Length == 0)
            {
                continue;
            }

            var where = $"Line {csv.RecordLine}";
            if (cells.Length != columns.Length)
            {
                throw new ClvInputException($"{where}: expected {columns.Length} columns, found {cells.Length}.");
            }

            rows.Add(new Transaction(
                cells[id],
                ParseDate(cells[date], where),
                value >= 0 ? Value(cells[value], where, columns[value]) : 0));
        }

        return rows;
    }

    private static List<Transaction> ReadWhitespace(string first, TextReader reader)
    {
        var rows = new List<Transaction>();
        var lineNumber = 1;
        var line = first;
        var fields = first.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields != 4 && fields != 5)
        {
            throw new ClvInputException($"Line 1: expected a CSV header with 'date,id' or 4–5 whitespace-separated CDNOW columns, found {fields} fields.");
        }

        // CDNOW_master.txt starts with a header line; skip it when its date column is not a date.
        var dateColumn = fields - 3;
        var tokens = first.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries);
        if (!DateTime.TryParseExact(tokens[dateColumn], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            line = reader.ReadLine();
            lineNumber++;
        }

        for (; line != null; line = reader.ReadLine(), lineNumber++)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            tokens = line.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries);
            var where = $"Line {lineNumber}";
            if (tokens.Length != fields)
            {
                throw new ClvInputException($"{where}: expected {fields} whitespace-separated columns, found {tokens.Length}.");
            }

            rows.Add(new Transaction(NumericId(tokens[fields - 4]), ParseDate(tokens[dateColumn], where), Value(tokens[fields - 1], where, "dollars")));
        }

        return rows;
    }

    // CDNOW ids are zero-padded ("0001"); the summaries use the plain number.
    private static string NumericId(string token)
    {
        var trimmed = token.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    private static double Value(string text, string where, string column)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || double.IsNaN(v) || double.IsInfinity(v) || v < 0)
        {
            throw new ClvInputException($"{where}, column '{column}': '{text}' is not a finite non-negative amount.", column);
        }

        return v;
    }
}
