using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Crm;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Models;

namespace Rapport.Clv.Crm.Tests;

/// <summary>The SDK-free ledger, summaries and scorer, checked against the CLV engine's own functions.</summary>
public sealed class LedgerTests
{
    private static readonly DateTime AsOf = new(2025, 6, 15, 9, 0, 0, DateTimeKind.Utc);

    private static LedgerEntry Gift(int y, int m, int d, long cents) => new(new DateTime(y, m, d), cents, true);

    private static CustomerLedger LedgerOf(params LedgerEntry[] entries)
    {
        var ledger = new CustomerLedger();
        foreach (var e in entries)
        {
            ledger.Add(e);
        }

        return ledger;
    }

    [Test]
    public void Encoded_ledger_reads_back_identically_and_groups_a_day()
    {
        var ledger = LedgerOf(Gift(2024, 3, 1, 5000), Gift(2024, 3, 1, 2500), new LedgerEntry(new DateTime(2025, 1, 2), 100, false));

        var text = ledger.Encode();
        var again = CustomerLedger.Parse(text, "rapport_clvstate");

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Match(@"^v1;\d+:5000g,2500g;\d+:100$"));
            Assert.That(again.Encode(), Is.EqualTo(text));
            Assert.That(again.Count, Is.EqualTo(3));
            Assert.That(again.TotalCents, Is.EqualTo(7600));
            Assert.That(again.DayCount, Is.EqualTo(2));
        });
    }

    [Test]
    public void Removing_an_entry_restores_the_ledger_exactly_and_unknown_entries_change_nothing()
    {
        var before = LedgerOf(Gift(2023, 5, 1, 1000), Gift(2024, 5, 1, 2000)).Encode();
        var ledger = CustomerLedger.Parse(before, "c");
        ledger.Add(Gift(2024, 5, 1, 777));

        Assert.Multiple(() =>
        {
            Assert.That(ledger.Remove(Gift(2024, 5, 1, 777)), Is.True);
            Assert.That(ledger.Encode(), Is.EqualTo(before));
            Assert.That(ledger.Remove(Gift(2020, 1, 1, 5)), Is.False);
            Assert.That(ledger.Remove(new LedgerEntry(new DateTime(2024, 5, 1), 2000, false)), Is.False, "a sale is not a gift");
            Assert.That(ledger.Encode(), Is.EqualTo(before));
        });
    }

    [TestCase("v2;1:1", "v1")]
    [TestCase("v1;abc:1", "entry 1")]
    [TestCase("v1;738000:12x", "whole cents")]
    public void A_corrupt_ledger_is_refused_naming_the_column(string text, string detail)
    {
        var error = Assert.Throws<ClvInputException>(() => CustomerLedger.Parse(text, "rapport_clvstate"))!;

        Assert.That(error.Message, Does.Contain("rapport_clvstate").And.Contain(detail));
    }

    [Test]
    public void Bad_amounts_and_dates_are_refused_naming_the_column()
    {
        var today = AsOf;
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ClvInputException>(() => LedgerEntry.From(-1m, today, true, today, "rapport_amount", "rapport_giftdate"))!.Message, Does.Contain("rapport_amount"));
            Assert.That(Assert.Throws<ClvInputException>(() => LedgerEntry.From(null, today, true, today, "rapport_amount", "rapport_giftdate"))!.Message, Does.Contain("rapport_amount"));
            Assert.That(Assert.Throws<ClvInputException>(() => LedgerEntry.From(5m, today.AddDays(3), true, today, "rapport_amount", "rapport_giftdate"))!.Message, Does.Contain("rapport_giftdate").And.Contain("future"));
            Assert.That(Assert.Throws<ClvInputException>(() => LedgerEntry.From(5m, null, true, today, "rapport_amount", "rapport_giftdate"))!.Message, Does.Contain("rapport_giftdate"));
            Assert.That(LedgerEntry.From(12.345m, today, true, today, "a", "d").AmountCents, Is.EqualTo(1235));
        });
    }

    [Test]
    public void Continuous_summary_equals_the_engines_RFM_summary()
    {
        var ledger = LedgerOf(Gift(2024, 1, 3, 1000), Gift(2024, 1, 3, 500), Gift(2024, 2, 10, 2000), Gift(2024, 9, 1, 4000), Gift(2025, 3, 1, 100));
        var spec = new ClvModelSpec(BgNbdModel.ModelName, new Dictionary<string, double>());

        var ours = LedgerSummary.At(ledger, "c", AsOf, spec)!;
        var engine = RfmSummary.Build(ledger.Transactions("c"), AsOf, TimeUnit.Week).Single();

        Assert.That(ours, Is.EqualTo(engine));
    }

    [Test]
    public void Yearly_summary_counts_years_after_the_first_and_the_current_year_once_it_has_a_gift()
    {
        var spec = new ClvModelSpec(BgBbModel.ModelName, new Dictionary<string, double>()) { Unit = ClvModelSpec.YearUnit };
        var withCurrent = LedgerOf(Gift(2020, 3, 1, 100), Gift(2022, 3, 1, 100), Gift(2025, 2, 1, 100));
        var withoutCurrent = LedgerOf(Gift(2020, 3, 1, 100), Gift(2022, 3, 1, 100));

        var a = LedgerSummary.At(withCurrent, "a", AsOf, spec)!;
        var b = LedgerSummary.At(withoutCurrent, "b", AsOf, spec)!;

        Assert.Multiple(() =>
        {
            Assert.That((a.Frequency, a.Recency, a.T), Is.EqualTo((2, 5.0, 5.0)));
            Assert.That((b.Frequency, b.Recency, b.T), Is.EqualTo((1, 2.0, 4.0)));
        });
    }

    [Test]
    public void Scorecard_rollups_equal_the_engines_donor_rollups()
    {
        var ledger = LedgerOf(Gift(2021, 3, 1, 10000), Gift(2022, 5, 10, 5000), Gift(2023, 11, 20, 7500), Gift(2024, 12, 1, 20000), Gift(2024, 12, 1, 100));

        var card = CustomerScorer.Score(ledger, AsOf, []);
        var rollup = DonorRollups.Compute(ledger.Transactions("c"), 2025).Single();

        Assert.Multiple(() =>
        {
            Assert.That(card.TransactionCount, Is.EqualTo(rollup.Count));
            Assert.That(card.Total, Is.EqualTo(426m));
            Assert.That((double)card.Total, Is.EqualTo(rollup.Total).Within(1e-9));
            Assert.That(card.FirstTransactionOn, Is.EqualTo(rollup.FirstGiftDate));
            Assert.That(card.LastTransactionOn, Is.EqualTo(rollup.LastGiftDate));
            Assert.That(card.LargestGift, Is.EqualTo(200m));
            Assert.That(card.BestYear, Is.EqualTo(2024));
            Assert.That(card.ConsecutiveYears, Is.EqualTo(rollup.ConsecutiveYears).And.EqualTo(4));
            Assert.That(card.Lybunt, Is.True);
            Assert.That(card.Sybunt, Is.False);
            Assert.That(card.Clv, Is.Null, "no model active");
            Assert.That(card.Segment, Is.EqualTo(ClvSegment.Steady), "last gift within a year");
        });
    }

    [Test]
    public void Model_spec_round_trips_through_its_JSON_and_unknown_kinds_are_refused()
    {
        var spec = new ClvModelSpec(BgNbdModel.ModelName, new Dictionary<string, double> { ["r"] = 0.243, ["alpha"] = 4.414, ["a"] = 0.793, ["b"] = 2.426 }) { HorizonMonths = 24, Sampling = "first 10" };

        var again = ClvModelSpec.Parse("BG/NBD", spec.ToJson(), "test");

        Assert.Multiple(() =>
        {
            Assert.That(again.Parameters, Is.EquivalentTo(spec.Parameters));
            Assert.That(again.HorizonMonths, Is.EqualTo(24));
            Assert.That(again.Sampling, Is.EqualTo("first 10"));
            Assert.That(Assert.Throws<ClvInputException>(() => ClvModelSpec.NormaliseKind("weibull", "Kind"))!.Message, Does.Contain("weibull").And.Contain("Kind"));
            Assert.That(Assert.Throws<ClvInputException>(() => ClvModelSpec.Parse("bgnbd", "{\"parameters\":{\"r\":1}}", "model X"))!.Message, Does.Contain("model X").And.Contain("alpha"));
        });
    }
}
