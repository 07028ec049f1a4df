using System;
using System.Collections.Generic;
using System.IO;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Data;

namespace Rapport.Clv.Tests;

public class RfmSummaryTests
{
    private static readonly DateTime CalibrationEnd = new(1997, 9, 30);

    [Test]
    public void Summary_rebuilt_from_CDNOW_sample_matches_the_published_summary()
    {
        var rebuilt = RfmSummary.Build(TransactionLog.Read(GoldenData.PathOf("CDNOW_sample.txt")), CalibrationEnd, TimeUnit.Week);
        var published = GoldenData.CdnowSpend();
        var byId = new Dictionary<string, CustomerSummary>();
        rebuilt.ForEach(r => byId.Add(r.Id, r));

        Assert.That(rebuilt, Has.Count.EqualTo(published.Count));
        Assert.Multiple(() =>
        {
            foreach (var expected in published)
            {
                var actual = byId[expected.Id];
                Assert.That(actual.Frequency, Is.EqualTo(expected.Frequency), $"frequency of {expected.Id}");
                Assert.That(actual.Recency, Is.EqualTo(expected.Recency).Within(0.005 + 1e-9), $"recency of {expected.Id}");
                Assert.That(actual.T, Is.EqualTo(expected.T).Within(0.005 + 1e-9), $"T of {expected.Id}");
                Assert.That(actual.MonetaryValue, Is.EqualTo(expected.MonetaryValue).Within(0.005 + 1e-9), $"zbar of {expected.Id}");
            }
        });
    }

    [Test]
    public void Same_day_purchases_count_once_and_their_values_add_up()
    {
        var log = Log("date,id,value", "2020-01-01,a,10", "2020-01-15,a,5", "2020-01-15,a,7", "2020-01-29,a,3", "2020-02-05,a,100");

        var rows = RfmSummary.Split(log, new DateTime(2020, 1, 29), new DateTime(2020, 3, 1), TimeUnit.Week);

        var a = rows[0].Calibration;
        Assert.That(a.Frequency, Is.EqualTo(2));
        Assert.That(a.Recency, Is.EqualTo(4));
        Assert.That(a.T, Is.EqualTo(4));
        Assert.That(a.MonetaryValue, Is.EqualTo(7.5));
        Assert.That(rows[0].HoldoutTransactions, Is.EqualTo(1));
        Assert.That(rows[0].HoldoutValue, Is.EqualTo(100));
    }

    [Test]
    public void Customers_first_seen_after_the_calibration_end_are_left_out()
    {
        var log = Log("date,id", "2020-01-01,early", "2020-02-01,late");

        var rows = RfmSummary.Build(log, new DateTime(2020, 1, 10), TimeUnit.Day);

        Assert.That(rows.ConvertAll(r => r.Id), Is.EqualTo(new[] { "early" }));
        Assert.That(rows[0].T, Is.EqualTo(9));
    }

    [Test]
    public void Month_unit_is_the_average_gregorian_month()
    {
        var rows = RfmSummary.Build(Log("date,id", "2020-01-01,a"), new DateTime(2021, 1, 1), TimeUnit.Month);

        Assert.That(rows[0].T, Is.EqualTo(366 / (365.25 / 12)).Within(1e-12));
    }

    [Test]
    public void Example_transactions_csv_is_detected_and_summarised()
    {
        var log = TransactionLog.Read(GoldenData.PathOf("example_transactions.csv"));
        var rows = RfmSummary.Build(log, new DateTime(2014, 12, 31), TimeUnit.Day);

        Assert.That(log, Has.Count.EqualTo(15273));
        Assert.That(rows, Has.Count.EqualTo(5000));
        Assert.That(rows.TrueForAll(r => r.Recency <= r.T && r.T <= 364), Is.True);
    }

    [Test]
    public void CDNOW_master_file_with_header_reads_every_transaction()
    {
        var log = TransactionLog.Read(GoldenData.PathOf("CDNOW_master.txt"));

        Assert.That(log, Has.Count.EqualTo(69659));
        Assert.That(RfmSummary.Build(log, CalibrationEnd, TimeUnit.Week), Has.Count.EqualTo(23570));
    }

    [TestCase("date,id,value\n2020-01-01,a,-5", "value")]
    [TestCase("date,id,value\n2020-13-01,a,5", "date")]
    [TestCase("date,id,value\n2020-01-01,a,NaN", "value")]
    [TestCase("when,who\n2020-01-01,a", "date")]
    public void Bad_transaction_rows_are_rejected_naming_the_column(string text, string column)
    {
        var e = Assert.Throws<ClvInputException>(() => TransactionLog.Read(new StringReader(text)));

        Assert.That(e!.Message, Does.Contain(column));
    }

    private static List<Transaction> Log(params string[] lines) => TransactionLog.Read(new StringReader(string.Join("\n", lines)));
}
