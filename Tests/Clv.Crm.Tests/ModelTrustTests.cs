using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Plugins.Services.Clv;
using M = Rapport.Plugins.Services.Clv.ClvSchema.ModelColumns;

namespace Rapport.Clv.Crm.Tests;

/// <summary>
/// What an admin sees after rapport_FitClvModel on data built to be degenerate: the verdict and its reasons on the
/// response and the model row, the holdout said in words, and an Unusable model refused on activation.
/// </summary>
public sealed class ModelTrustTests
{
    private CrmEnvironment _crm = null!;

    [SetUp]
    public void SetUp() => _crm = new CrmEnvironment();

    [Test]
    public void All_customers_with_one_purchase_give_an_unusable_model_that_cannot_be_activated()
    {
        for (var i = 0; i < 40; i++)
        {
            _crm.Gift(_crm.Contact("One-off " + i), 20 + i, new DateTime(2023, 1, 1).AddDays(11 * i));
        }

        var response = Fit("bgnbd");
        var id = (Guid)response["ModelId"]!;
        var error = Assert.Catch(() => _crm.Service.Update(new Entity(ClvSchema.Model, id) { [M.Status] = new OptionSetValue(ClvSchema.ModelStatusActive) }))!;
        var row = _crm.Service.Retrieve(ClvSchema.Model, id, new ColumnSet(true));

        Assert.Multiple(() =>
        {
            Assert.That(response["Verdict"], Is.EqualTo("Unusable"));
            Assert.That((string)response["VerdictReasons"]!, Does.Contain("No customer made a repeat purchase: the model cannot tell how often customers buy again or when they stop."));
            Assert.That(row.GetAttributeValue<OptionSetValue>(M.Verdict)!.Value, Is.EqualTo(ClvSchema.VerdictUnusable));
            Assert.That(error.Message, Does.Contain("cannot be activated: its fit was judged unusable").And.Contain("No customer made a repeat purchase"));
            Assert.That(row.GetAttributeValue<OptionSetValue>(M.Status)!.Value, Is.EqualTo(ClvSchema.ModelStatusDraft));
        });
    }

    [Test]
    public void Three_customers_give_an_unusable_model_and_a_holdout_said_to_be_too_small_instead_of_minus_one()
    {
        for (var i = 0; i < 3; i++)
        {
            var donor = _crm.Contact("Donor " + i);
            _crm.Gift(donor, 50, new DateTime(2022, 3, 1).AddDays(40 * i));
            _crm.Gift(donor, 60, new DateTime(2024, 5, 1).AddDays(30 * i));
        }

        var response = Fit("bgnbd");
        var row = _crm.Service.Retrieve(ClvSchema.Model, (Guid)response["ModelId"]!, new ColumnSet(true));

        Assert.Multiple(() =>
        {
            Assert.That(response["Verdict"], Is.EqualTo("Unusable"));
            Assert.That((string)response["VerdictReasons"]!, Does.Contain("Only 3 customers: at least 30 are needed"));
            Assert.That(response.Contains("HoldoutMae"), Is.False, "no number when nothing was measured");
            Assert.That(response["HoldoutMeasured"], Is.False);
            Assert.That((string)response["HoldoutSummary"]!, Does.StartWith("Too small for a holdout: only 3 customers had transactions before 2024-06-15 (30 needed"));
            Assert.That(row.GetAttributeValue<double?>(M.HoldoutMae), Is.Null);
            Assert.That(row.GetAttributeValue<string>(M.HoldoutSummary), Is.EqualTo(response["HoldoutSummary"]));
        });
    }

    [Test]
    public void Spend_with_no_variance_gives_an_unusable_gamma_gamma_model_that_says_why()
    {
        for (var i = 0; i < 40; i++)
        {
            var donor = _crm.Contact("Steady " + i);
            for (var k = 0; k < 2 + (i % 4); k++)
            {
                _crm.Gift(donor, 25, new DateTime(2022, 1, 3).AddDays((97 * k) + (5 * i)));
            }
        }

        var response = Fit("gammagamma");

        Assert.Multiple(() =>
        {
            Assert.That(response["Verdict"], Is.EqualTo("Unusable"));
            Assert.That((string)response["VerdictReasons"]!, Does.Contain("Every repeat customer's average spend is the same (25)"));
            Assert.That((string)response["HoldoutSummary"]!, Does.StartWith("Not run: Gamma-Gamma models spend"));
        });
    }

    [Test]
    public void A_well_fed_fit_stores_its_diagnostics_and_the_holdout_table_by_frequency()
    {
        var random = new Random(11);
        for (var i = 0; i < 60; i++)
        {
            var donor = _crm.Contact("Donor " + i);
            var day = new DateTime(2021, 1, 1).AddDays(random.Next(300));
            while (day < CrmEnvironment.Today.Date)
            {
                _crm.Gift(donor, 10 + random.Next(200), day);
                day = day.AddDays(20 + random.Next(250));
            }
        }

        var response = Fit("bgnbd");
        var row = _crm.Service.Retrieve(ClvSchema.Model, (Guid)response["ModelId"]!, new ColumnSet(true));
        var holdout = row.GetAttributeValue<string>(M.Holdout)!;

        Assert.Multiple(() =>
        {
            // Simulated without dropout and with one buying rate: BG/NBD collapses to a plain Poisson (r, α → ∞,
            // a → 0), which still predicts but no longer tells customers apart; with 60 customers that is a warning.
            Assert.That(response["Verdict"], Is.EqualTo("Usable with warnings"));
            Assert.That((string)response["VerdictReasons"]!, Does.Contain("Only 60 customers").And.Contain("collapsed to a simpler one"));
            Assert.That(row.GetAttributeValue<bool>(M.Converged), Is.True);
            Assert.That(row.GetAttributeValue<int>(M.Iterations), Is.GreaterThan(0));
            Assert.That(row.GetAttributeValue<string>(M.Diagnostics), Does.Contain("\"standardError\":").And.Contain("\"customers\":60"));
            Assert.That(response["HoldoutMeasured"], Is.True);
            Assert.That((double)response["HoldoutMae"]!, Is.GreaterThan(0));
            Assert.That((string)response["HoldoutSummary"]!, Does.StartWith("60 customers, calibration to 2024-06-15, holdout to 2025-06-15: predicted "));
            // Every simulated donor bought at least 5 times in calibration: the table starts at 5 and ends at "7+".
            Assert.That(holdout, Does.Contain("\"byFrequency\":[{\"frequency\":5,\"label\":\"5\"").And.Contain("\"label\":\"7+\"").And.Contain("\"measured\":true"));
            Assert.That(response["HoldoutReport"], Is.EqualTo(holdout));
        });
    }

    private ParameterCollection Fit(string kind) =>
        _crm.Service.Execute(new OrganizationRequest("rapport_FitClvModel") { ["Kind"] = kind }).Results;
}
