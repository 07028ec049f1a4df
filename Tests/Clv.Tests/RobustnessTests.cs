using System;
using System.Collections.Generic;
using System.IO;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Models;

namespace Rapport.Clv.Tests;

public class RobustnessTests
{
    [Test]
    public void All_zero_repeaters_fit_to_a_finite_likelihood_without_NaN()
    {
        var customers = Many(100, i => new CustomerSummary($"c{i}", 0, 0, 10 + (i % 30)));

        foreach (var model in new[] { BgNbdModel.ModelName, MbgNbdModel.ModelName, ParetoNbdModel.ModelName })
        {
            var fit = ModelCatalog.Fit(model, customers);

            Assert.That(double.IsNaN(fit.LogLikelihood) || double.IsInfinity(fit.LogLikelihood), Is.False, model);
            // P(no repeats) <= 1; the degenerate optimum (r -> 0) sits at 0, reached up to rounding.
            Assert.That(fit.LogLikelihood, Is.LessThanOrEqualTo(0.01), model);
            Assert.That(Array.TrueForAll(fit.Values, v => v > 0 && !double.IsInfinity(v)), Is.True, model);
        }
    }

    [Test]
    public void Gamma_gamma_with_no_repeat_customers_says_so()
    {
        var customers = Many(5, i => new CustomerSummary($"c{i}", 0, 0, 10));

        var e = Assert.Throws<ClvInputException>(() => GammaGammaModel.Fit(customers));

        Assert.That(e!.Message, Does.Contain("no repeat purchases"));
    }

    [Test]
    public void A_single_customer_and_identical_customers_give_finite_fits()
    {
        var single = new List<CustomerSummary> { new("only", 3, 20, 30) };
        var identical = Many(500, i => new CustomerSummary($"c{i}", 3, 20, 30));

        foreach (var customers in new[] { single, identical })
        {
            var fit = BgNbdModel.Fit(customers);
            var model = BgNbdModel.From(fit);

            Assert.That(double.IsNaN(fit.LogLikelihood), Is.False);
            Assert.That(model.ConditionalExpectedTransactions(10, 3, 20, 30), Is.GreaterThanOrEqualTo(0));
            Assert.That(model.ProbabilityAlive(3, 20, 30), Is.InRange(0, 1));
        }
    }

    [Test]
    public void Identical_customers_compress_to_one_pattern_with_the_same_likelihood_as_weights()
    {
        var identical = Many(500, i => new CustomerSummary($"c{i}", 3, 20, 30));
        var weighted = new List<CustomerSummary> { new("all", 3, 20, 30, Weight: 500) };

        var a = CompressedSummary.From(identical);
        var b = CompressedSummary.From(weighted);

        Assert.That(a.Count, Is.EqualTo(1));
        Assert.That(BgNbdModel.LogLikelihood(a, 0.5, 5, 0.8, 2.5), Is.EqualTo(BgNbdModel.LogLikelihood(b, 0.5, 5, 0.8, 2.5)).Within(1e-9));
    }

    [Test]
    public void Pareto_nbd_stays_finite_for_huge_alpha_beta_and_T()
    {
        var data = CompressedSummary.From(new List<CustomerSummary>
        {
            new("a", 0, 0, 1e6),
            new("b", 500, 9e5, 1e6),
            new("c", 3, 10, 1e6),
        });

        var ll = ParetoNbdModel.LogLikelihood(data, 0.5, 1e7, 0.6, 1e3);
        var model = new ParetoNbdModel(0.5, 1e7, 0.6, 1e3);

        Assert.That(double.IsNaN(ll) || double.IsInfinity(ll), Is.False);
        Assert.That(model.ProbabilityAlive(500, 9e5, 1e6), Is.InRange(0, 1));
        Assert.That(model.ConditionalExpectedTransactions(52, 500, 9e5, 1e6), Is.GreaterThanOrEqualTo(0));
    }

    [Test]
    public void BgNbd_handles_huge_frequencies_and_values_in_days()
    {
        var customers = new List<CustomerSummary>
        {
            new("heavy", 20000, 36000, 36500, 1e9),
            new("light", 1, 10, 36500, 5),
            new("none", 0, 0, 36500),
        };

        var fit = BgNbdModel.Fit(customers);

        Assert.That(double.IsNaN(fit.LogLikelihood) || double.IsInfinity(fit.LogLikelihood), Is.False);
    }

    [TestCase("frequency,recency,T\n-1,0,10", "frequency")]
    [TestCase("frequency,recency,T\n1.5,1,10", "frequency")]
    [TestCase("frequency,recency,T\n1,NaN,10", "recency")]
    [TestCase("frequency,recency,T\n1,12,10", "recency")]
    [TestCase("frequency,recency,T\n1,5,-3", "T")]
    [TestCase("frequency,recency,T,weights\n1,5,10,0", "weights")]
    [TestCase("frequency,recency\n1,5", "T")]
    [TestCase("frequency,recency,T\n1,abc,10", "recency")]
    public void Bad_summary_values_are_rejected_with_the_column_named(string csv, string column)
    {
        var e = Assert.Throws<ClvInputException>(() => SummaryCsv.Read(new StringReader(csv)));

        Assert.That(e!.Message, Does.Contain(column));
        Assert.That(e.Message, Does.Contain("ine 2").Or.Contain("row 1").Or.Contain("Missing"));
    }

    [Test]
    public void Repeat_customer_without_an_average_value_is_rejected_for_gamma_gamma()
    {
        var customers = new List<CustomerSummary> { new("a", 2, 5, 10, 20), new("b", 1, 3, 10, 0) };

        var e = Assert.Throws<ClvInputException>(() => GammaGammaModel.Fit(customers));

        Assert.That(e!.Message, Does.Contain("row 2").And.Contain("'b'"));
    }

    [Test]
    public void Bg_bb_rejects_fractional_periods()
    {
        var customers = new List<CustomerSummary> { new("a", 1, 2.5, 6) };

        Assert.Throws<ClvInputException>(() => BgBbModel.Fit(customers));
    }

    [Test]
    public void Predictions_reject_a_negative_horizon()
    {
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426);

        Assert.Throws<ClvInputException>(() => model.ConditionalExpectedTransactions(-1, 1, 2, 3));
        Assert.Throws<ClvInputException>(() => model.ProbabilityAlive(1, 5, 3));
    }

    private static List<CustomerSummary> Many(int n, Func<int, CustomerSummary> make)
    {
        var list = new List<CustomerSummary>();
        for (var i = 0; i < n; i++)
        {
            list.Add(make(i));
        }

        return list;
    }
}
