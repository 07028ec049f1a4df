using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Rapport.Domain.Clv.Data;

/// <summary>
/// Reads a summary CSV with a header. Accepted column names (case-insensitive): frequency|x, recency|t_x,
/// T|periods, optional zbar|monetary_value, weights|weight, ID|customer_id.
/// </summary>
public static class SummaryCsv
{
    private static readonly string[] FrequencyNames = { "frequency", "x" };
    private static readonly string[] RecencyNames = { "recency", "t_x" };
    private static readonly string[] AgeNames = { "T", "periods", "n" };
    private static readonly string[] ValueNames = { "zbar", "monetary_value", "monetary" };
    private static readonly string[] WeightNames = { "weights", "weight" };
    private static readonly string[] IdNames = { "id", "customer_id" };

    public static List<CustomerSummary> Read(TextReader reader)
    {
        var csv = new Csv(reader);
        var columns = csv.ReadRecord() ?? throw new ClvInputException("The summary file is empty: expected a header line.");
        var frequency = Find(columns, FrequencyNames, required: true);
        var recency = Find(columns, RecencyNames, required: true);
        var age = Find(columns, AgeNames, required: true);
        var value = Find(columns, ValueNames, required: false);
        var weight = Find(columns, WeightNames, required: false);
        var id = Find(columns, IdNames, required: false);
        var rows = new List<CustomerSummary>();
        string[]? cells;
        while ((cells = csv.ReadRecord()) != null)
        {
            var lineNumber = csv.RecordLine;
            if (cells.Length == 1 && cells[0].Length == 0)
            {
                continue;
            }

            if (cells.Length != columns.Length)
            {
                throw new ClvInputException($"Line {lineNumber}: expected {columns.Length} columns, found {cells.Length}.");
            }

            var x = Number(cells, frequency, columns, lineNumber);
            if (x < 0 || Math.Floor(x) != x || x > int.MaxValue)
            {
                throw new ClvInputException($"Line {lineNumber}, column '{columns[frequency]}': frequency must be a non-negative whole number, got '{cells[frequency]}'.", columns[frequency]);
            }

            rows.Add(new CustomerSummary(
                id >= 0 ? cells[id] : (rows.Count + 1).ToString(CultureInfo.InvariantCulture),
                (int)x,
                Number(cells, recency, columns, lineNumber),
                Number(cells, age, columns, lineNumber),
                value >= 0 ? Number(cells, value, columns, lineNumber) : 0,
                weight >= 0 ? Number(cells, weight, columns, lineNumber) : 1));
        }

        if (rows.Count == 0)
        {
            throw new ClvInputException("The summary file has a header but no customers.");
        }

        CustomerSummary.Validate(rows);
        return rows;
    }

    /// <summary>Writes rows in the form <see cref="Read(TextReader)"/> reads: ID,frequency,recency,T,monetary_value,weights.</summary>
    public static void Write(TextWriter writer, IEnumerable<CustomerSummary> rows)
    {
        writer.WriteLine("ID,frequency,recency,T,monetary_value,weights");
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join(
                ",",
                Csv.Quote(row.Id),
                row.Frequency.ToString(CultureInfo.InvariantCulture),
                row.Recency.ToString("R", CultureInfo.InvariantCulture),
                row.T.ToString("R", CultureInfo.InvariantCulture),
                row.MonetaryValue.ToString("R", CultureInfo.InvariantCulture),
                row.Weight.ToString("R", CultureInfo.InvariantCulture)));
        }
    }

    public static List<CustomerSummary> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    private static int Find(string[] columns, string[] names, bool required)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            foreach (var name in names)
            {
                if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }

        if (required)
        {
            throw new ClvInputException($"Missing column '{names[0]}' (or '{string.Join("', '", names, 1, names.Length - 1)}'); found: {string.Join(", ", columns)}.", names[0]);
        }

        return -1;
    }

    private static double Number(string[] cells, int index, string[] columns, int lineNumber)
    {
        if (!double.TryParse(cells[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || double.IsNaN(v) || double.IsInfinity(v))
        {
            throw new ClvInputException($"Line {lineNumber}, column '{columns[index]}': '{cells[index]}' is not a finite number.", columns[index]);
        }

        return v;
    }
}
