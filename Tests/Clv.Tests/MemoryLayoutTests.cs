using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Models;
using Rapport.Domain.Clv.Simulation;

namespace Rapport.Clv.Tests;

/// <summary>
/// The column layout (streamed summary file, open-addressing grouping) changes how customers are held, not what is
/// fitted: the same distinct rows in the same order as a plain LINQ grouping, and the same parameters as before.
/// </summary>
public class MemoryLayoutTests
{
    private static readonly string[] Files = { "cdnow_customers_summary.csv", "cdnow_customers_summary_with_transactions.csv", "donations.csv" };

    [Test]
    public void Grouped_rows_match_a_LINQ_grouping_in_order_of_first_appearance([Values(0, 1, 2)] int file, [Values(false, true)] bool useValue)
    {
        var records = SummaryCsv.Read(GoldenData.PathOf(Files[file]));
        var expected = records
            .Select((row, index) => (row, index))
            .GroupBy(r => (r.row.Frequency, r.row.Recency, r.row.T, Value: useValue ? r.row.MonetaryValue : 0))
            .OrderBy(g => g.Min(r => r.index))
            .Select(g => (g.Key, Weight: g.Aggregate(0.0, (sum, r) => sum + r.row.Weight)))
            .ToList();

        var data = CompressedSummary.From(SummaryCsv.ReadColumns(GoldenData.PathOf(Files[file])), useValue);

        Assert.That(data.Count, Is.EqualTo(expected.Count));
        for (var i = 0; i < expected.Count; i++)
        {
            var (key, weight) = expected[i];
            Assert.That((data.X[i], data.Tx[i], data.T[i], data.Value[i], data.Weight[i]), Is.EqualTo((key.Frequency, key.Recency, key.T, key.Value, weight)), $"row {i}");
            Assert.That(data.DistinctX[data.XIndex[i]], Is.EqualTo(key.Frequency));
        }
    }

    [Test]
    public void Continuous_synthetic_rows_group_as_LINQ_does()
    {
        var customers = BgNbdSimulator.Generate(new BgNbdModel(0.243, 4.414, 0.793, 2.426), 30_000, seed: 5, resolution: 0);
        // Repeat a tenth of them so that grouping has work to do.
        customers.AddRange(customers.Take(3000).Select(c => c with { Weight = 2 }));
        var expected = customers.GroupBy(c => (c.Frequency, c.Recency, c.T)).Select(g => g.Sum(c => c.Weight)).ToList();

        var data = CompressedSummary.From(customers);

        Assert.That(data.Weight, Is.EqualTo(expected));
        Assert.That(data.TotalWeight, Is.EqualTo(33_000 + 3000));
    }

    /// <summary>
    /// The parameters the fits gave on the golden data before the column layout (commit 4700df0, records and a
    /// dictionary): the layout must not move them. The published values are checked in PublishedFitTests.
    /// </summary>
    [TestCase("bgnbd", 0, new[] { 0.2425932113322117, 4.413534564444983, 0.7928858094120801, 2.425751039835162 })]
    [TestCase("mbgnbd", 0, new[] { 0.5248393913939923, 6.183016926301275, 0.8913550570097805, 1.6139962854356227 })]
    [TestCase("paretonbd", 0, new[] { 0.5532778107286904, 10.577645754782102, 0.6062054748009194, 11.667587172012004 })]
    [TestCase("gammagamma", 1, new[] { 6.248802439082026, 3.7445883000309235, 15.447747540942034 })]
    [TestCase("bgbb", 2, new[] { 1.203526590244734, 0.7497184058508065, 0.6567170405389231, 2.783432757212183 })]
    public void Golden_fits_are_unchanged_by_the_column_layout(string model, int file, double[] before)
    {
        var path = GoldenData.PathOf(Files[file]);
        var fromColumns = ModelCatalog.Fit(model, SummaryCsv.ReadColumns(path), new FitOptions(Parallel: true));
        var fromRecords = ModelCatalog.Fit(model, SummaryCsv.Read(path));

        for (var i = 0; i < before.Length; i++)
        {
            Assert.That(fromColumns.Values[i], Is.EqualTo(before[i]).Within(1e-12 * before[i]), fromColumns.Names[i]);
            Assert.That(BitConverter.DoubleToInt64Bits(fromRecords.Values[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(fromColumns.Values[i])), fromColumns.Names[i]);
        }
    }

    [Test]
    public void Streamed_reader_reads_what_the_record_reader_reads_across_buffer_boundaries()
    {
        // CRLF line ends, quoted ids with commas and ~100 KB: records and line breaks straddle the reader's blocks.
        var text = new StringBuilder("customer_id,frequency,recency,T,weights\r\n");
        for (var i = 0; i < 3000; i++)
        {
            text.Append($"\"c,{i}\",{i % 7},{(i % 7 == 0 ? 0 : (i % 13) + 0.25)},{20 + (i % 11) + 0.125}, {1 + (i % 3)} \r\n");
            if (i % 500 == 0)
            {
                text.Append("\r\n");
            }
        }

        var records = SummaryCsv.Read(new StringReader(text.ToString()));
        var columns = SummaryCsv.ReadColumns(new StringReader(text.ToString()));

        Assert.That(columns.Count, Is.EqualTo(3000));
        Assert.That(records[2999].Id, Is.EqualTo("c,2999"));
        Assert.That(Enumerable.Range(0, 3000).Select(i => (columns.Frequency[i], columns.Recency[i], columns.T[i], columns.Weight[i])), Is.EqualTo(records.Select(r => (r.Frequency, r.Recency, r.T, r.Weight))));
        Assert.That(columns.Weight[1], Is.EqualTo(2));
    }

    [TestCase("frequency,recency,T\n1,2,1.5\n", "Invalid recency at line 2: 2 must not exceed T (1.5).")]
    [TestCase("frequency,recency,T\n0,0,30\n\n0,1,30\n", "Invalid recency at line 4: 1 must be 0 when frequency is 0.")]
    [TestCase("frequency,recency,T\n1,1,x\n", "Line 2, column 'T': 'x' is not a finite number.")]
    public void Streamed_reader_names_the_line_of_a_bad_row(string text, string message)
    {
        var error = Assert.Throws<ClvInputException>(() => SummaryCsv.ReadColumns(new StringReader(text)));

        Assert.That(error!.Message, Is.EqualTo(message));
    }
}
