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
        var rows = new List<CustomerSummary>();
        var layout = Layout.Open(reader);
        while (layout.Next(out var x, out var tx, out var T, out var value, out var weight))
        {
            var id = layout.Id >= 0 ? layout.Fields[layout.Id] : (rows.Count + 1).ToString(CultureInfo.InvariantCulture);
            rows.Add(new CustomerSummary(id, x, tx, T, value, weight));
        }

        if (rows.Count == 0)
        {
            throw new ClvInputException("The summary file has a header but no customers.");
        }

        CustomerSummary.Validate(rows);
        return rows;
    }

    /// <summary>
    /// Streams the file into columns for fitting: no id, object or string per customer (a million-customer file stays
    /// ~36 MB in memory). Rows are validated as they are read, errors naming the line.
    /// </summary>
    public static SummaryColumns ReadColumns(TextReader reader)
    {
        var columns = new SummaryColumns(16384);
        var layout = Layout.Open(reader);
        Func<string> where = layout.Where;
        while (layout.Next(out var x, out var tx, out var T, out var value, out var weight))
        {
            columns.Add(x, tx, T, value, weight, where);
        }

        if (columns.Count == 0)
        {
            throw new ClvInputException("The summary file has a header but no customers.");
        }

        return columns;
    }

    public static SummaryColumns ReadColumns(string path)
    {
        using var reader = new StreamReader(path);
        return ReadColumns(reader);
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

    /// <summary>The header's column positions and a reusable record: parses each line's numbers in place.</summary>
    private sealed class Layout
    {
        private readonly Csv csv;
        private readonly string[] columns;
        private readonly int frequency;
        private readonly int recency;
        private readonly int age;
        private readonly int value;
        private readonly int weight;

        private Layout(Csv csv, string[] columns)
        {
            this.csv = csv;
            this.columns = columns;
            frequency = Find(columns, FrequencyNames, required: true);
            recency = Find(columns, RecencyNames, required: true);
            age = Find(columns, AgeNames, required: true);
            value = Find(columns, ValueNames, required: false);
            weight = Find(columns, WeightNames, required: false);
            Id = Find(columns, IdNames, required: false);
        }

        public CsvFields Fields { get; } = new();

        public int Id { get; }

        public int Line => csv.RecordLine;

        /// <summary>The current record for an error message: its line, and its customer id when the file has one.</summary>
        public string Where() => "line " + Line.ToString(CultureInfo.InvariantCulture) + (Id >= 0 ? $" (customer '{Fields[Id]}')" : string.Empty);

        public static Layout Open(TextReader reader)
        {
            var csv = new Csv(reader);
            var columns = csv.ReadRecord() ?? throw new ClvInputException("The summary file is empty: expected a header line.");
            return new Layout(csv, columns);
        }

        /// <summary>The next customer's numbers (blank lines skipped); false at the end of the file.</summary>
        public bool Next(out int x, out double tx, out double T, out double monetaryValue, out double rowWeight)
        {
            while (csv.ReadRecord(Fields))
            {
                if (Fields.Count == 1 && Fields.Length(0) == 0)
                {
                    continue;
                }

                if (Fields.Count != columns.Length)
                {
                    throw new ClvInputException($"Line {Line}: expected {columns.Length} columns, found {Fields.Count}.");
                }

                var count = Number(frequency);
                if (count < 0 || Math.Floor(count) != count || count > int.MaxValue)
                {
                    throw new ClvInputException($"Line {Line}, column '{columns[frequency]}': frequency must be a non-negative whole number, got '{Fields[frequency]}'.", columns[frequency]);
                }

                x = (int)count;
                tx = Number(recency);
                T = Number(age);
                monetaryValue = value >= 0 ? Number(value) : 0;
                rowWeight = weight >= 0 ? Number(weight) : 1;
                return true;
            }

            x = 0;
            tx = T = monetaryValue = rowWeight = 0;
            return false;
        }

        private double Number(int index)
        {
            // Whole numbers of up to 15 digits (counts, weights, often T) are exact as doubles: no general parse needed.
            var text = Fields.Text;
            int start = Fields.Start(index), length = Fields.Length(index);
            if (length > 0 && length <= 15)
            {
                long whole = 0;
                var i = start;
                for (; i < start + length && text[i] >= '0' && text[i] <= '9'; i++)
                {
                    whole = (whole * 10) + (text[i] - '0');
                }

                if (i == start + length)
                {
                    return whole;
                }
            }

#if NETCOREAPP
            // The span overload parses exactly as the string one does, without the string.
            var ok = double.TryParse(new ReadOnlySpan<char>(text, start, length), NumberStyles.Float, CultureInfo.InvariantCulture, out var v);
#else
            var ok = double.TryParse(Fields[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var v);
#endif
            if (!ok || double.IsNaN(v) || double.IsInfinity(v))
            {
                throw new ClvInputException($"Line {Line}, column '{columns[index]}': '{Fields[index]}' is not a finite number.", columns[index]);
            }

            return v;
        }
    }
}
