using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Crm;
using Rapport.Domain.Clv.Models;

namespace Rapport.Clv.Tests;

/// <summary>
/// The verdict an admin reads before activating a model, on data built to be degenerate, and on CDNOW (the papers'
/// data, where the published fits are well determined: Fader, Hardie &amp; Lee 2005 report finite standard errors).
/// </summary>
public class FitDiagnosticsTests
{
    [TestCase(BgNbdModel.ModelName)]
    [TestCase(ParetoNbdModel.ModelName)]
    public void Cdnow_fits_are_usable_with_finite_standard_errors_and_no_parameter_at_a_bound(string model)
    {
        var rows = GoldenData.CdnowSummary();

        var d = FitDiagnostics.Assess(ModelCatalog.Fit(model, rows, LedgerModelFitter.Judged), rows);

        Assert.Multiple(() =>
        {
            Assert.That(d.Verdict, Is.EqualTo(FitVerdict.Usable), d.Summary);
            Assert.That(d.Converged, Is.True);
            Assert.That(d.StandardErrorsFinite, Is.True);
            Assert.That(d.Parameters.Any(p => p.AtBound || p.NearBound), Is.False);
            Assert.That(d.Customers, Is.EqualTo(2357));
            Assert.That(d.RepeatCustomers, Is.EqualTo(946));
        });
    }

    [TestCase(BgNbdModel.ModelName)]
    [TestCase(MbgNbdModel.ModelName)]
    [TestCase(ParetoNbdModel.ModelName)]
    public void All_customers_with_one_purchase_is_unusable_and_says_nobody_bought_again(string model)
    {
        var rows = Enumerable.Range(0, 300).Select(i => new CustomerSummary($"c{i}", 0, 0, 10 + (i % 40))).ToList();

        var d = FitDiagnostics.Assess(ModelCatalog.Fit(model, rows, LedgerModelFitter.Judged), rows);

        Assert.Multiple(() =>
        {
            Assert.That(d.Verdict, Is.EqualTo(FitVerdict.Unusable));
            Assert.That(d.Summary, Does.StartWith("Unusable: ").And.Contain("No customer made a repeat purchase"));
        });
    }

    [Test]
    public void Spend_with_no_variance_is_unusable_and_says_every_average_is_the_same()
    {
        var rows = Enumerable.Range(0, 200).Select(i => new CustomerSummary($"c{i}", 1 + (i % 5), 10, 30, 25)).ToList();

        var d = FitDiagnostics.Assess(GammaGammaModel.Fit(rows, LedgerModelFitter.Judged), rows);

        Assert.Multiple(() =>
        {
            Assert.That(d.Verdict, Is.EqualTo(FitVerdict.Unusable));
            Assert.That(d.Reasons, Has.Some.Contains("Every repeat customer's average spend is the same (25)"));
        });
    }

    [Test]
    public void Three_customers_are_unusable_and_the_message_names_the_count_and_the_minimum()
    {
        var rows = new List<CustomerSummary> { new("a", 2, 20, 30), new("b", 0, 0, 25), new("c", 5, 28, 30) };

        var d = FitDiagnostics.Assess(BgNbdModel.Fit(rows, LedgerModelFitter.Judged), rows);

        Assert.Multiple(() =>
        {
            Assert.That(d.Verdict, Is.EqualTo(FitVerdict.Unusable));
            Assert.That(d.Reasons[0], Is.EqualTo("Only 3 customers: at least 30 are needed before the bgnbd parameters mean anything."));
        });
    }

    /// <summary>
    /// Spend whose spread is the same for everyone (each customer's average close to one mean, no between-customer
    /// heterogeneity) drives q and γ to infinity, as the nonprofit sample's fit did (q ≈ 1.2e7): the verdict must say
    /// that every expected spend collapses to the population mean.
    /// </summary>
    [Test]
    public void Gamma_gamma_running_to_a_boundary_is_unusable_and_says_spend_collapses_to_the_mean()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 400).Select(i =>
        {
            var x = 1 + random.Next(6);
            var total = 0.0;
            for (var k = 0; k < x; k++)
            {
                total += -Math.Log(1 - random.NextDouble()) * 50; // exponential spend, mean 50, for everyone
            }

            return new CustomerSummary($"c{i}", x, 10, 30, total / x);
        }).ToList();

        var fit = GammaGammaModel.Fit(rows, LedgerModelFitter.Judged);
        var d = FitDiagnostics.Assess(fit, rows);

        Assert.Multiple(() =>
        {
            Assert.That(d.Parameters.Where(p => p.AtBound).Select(p => p.Name), Is.SupersetOf(new[] { "q", "gamma" }), d.Summary);
            Assert.That(d.Verdict, Is.EqualTo(FitVerdict.Unusable));
            Assert.That(d.Summary, Does.Contain("collapses to the population mean"));
        });
    }

    [Test]
    public void Diagnostics_json_carries_verdict_reasons_standard_errors_and_bounds()
    {
        var rows = GoldenData.CdnowSummary();

        var json = FitDiagnostics.Assess(BgNbdModel.Fit(rows, LedgerModelFitter.Judged), rows).ToJson();

        Assert.That(json, Does.StartWith("{\"model\":\"bgnbd\",\"verdict\":\"Usable\",\"reasons\":[],\"converged\":true,")
            .And.Contain("\"customers\":2357,\"repeatCustomers\":946,\"standardErrorsFinite\":true,\"parameters\":[{\"name\":\"r\",\"value\":0.24")
            .And.Contain("\"atBound\":false,\"nearBound\":false"));
    }
}
