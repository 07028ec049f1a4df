using System;
using System.Linq;
using System.Text.Json;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Clv.Crm;
using Rapport.Domain.Clv.Simulation;
using Rapport.Plugins.Services.Clv;
using M = Rapport.Plugins.Services.Clv.ClvSchema.ModelColumns;

namespace Rapport.Clv.Crm.Tests;

/// <summary>
/// Issue 22: a customer's CLV carries a 90% interval for the fitted parameters' uncertainty (the coverage of that
/// interval is checked by simulation in Clv.Tests' ParameterUncertaintyTests). Here: the fit stores the covariance
/// with the model, and it agrees with the standard errors the diagnostics report (se = p · √Σ_ii, the delta method).
/// </summary>
public sealed class ClvIntervalTests
{
    [Test]
    public void Insights_show_the_clv_with_its_interval_from_the_stored_covariance()
    {
        var crm = new CrmEnvironment();
        // 300 customers drawn from the BG/NBD at the CDNOW estimates (Fader, Hardie & Lee 2005), weekly purchases
        // since 2022: data the model fits with finite standard errors.
        var random = new RandomVariates(2005);
        EntityReference first = null!;
        for (var i = 0; i < 300; i++)
        {
            var donor = crm.Contact("Customer " + i);
            first ??= donor;
            var lambda = random.Gamma(0.243) / 4.414;
            var p = random.Beta(0.793, 2.426);
            var week = random.Uniform() * 26;
            crm.Gift(donor, 20 + (i % 50), new DateTime(2022, 1, 3).AddDays(Math.Floor(week * 7)));
            while (true)
            {
                week += random.Exponential(lambda);
                if (week * 7 >= (CrmEnvironment.Today.Date - new DateTime(2022, 1, 3)).TotalDays)
                {
                    break;
                }

                var day = new DateTime(2022, 1, 3).AddDays(Math.Floor(week * 7));

                crm.Gift(donor, 20 + (i % 50), day);
                if (random.Uniform() < p)
                {
                    break;
                }
            }
        }

        var fit = crm.Service.Execute(new OrganizationRequest("rapport_FitClvModel") { ["Kind"] = "bgnbd" }).Results;
        var id = (Guid)fit["ModelId"]!;
        crm.Service.Update(new Entity(ClvSchema.Model, id) { [M.Status] = new OptionSetValue(ClvSchema.ModelStatusActive) });
        crm.Service.Execute(new OrganizationRequest("rapport_RescoreCustomers") { ["Table"] = "contact", ["PageSize"] = 1000 });
        var insights = JsonDocument.Parse((string)crm.Service.Execute(new OrganizationRequest("rapport_GetCustomerInsights") { ["RecordTable"] = "contact", ["RecordId"] = first.Id.ToString() }).Results["Insights"]!).RootElement;
        var row = crm.Service.Retrieve(ClvSchema.Model, id, new ColumnSet(M.Parameters, M.Diagnostics));
        var spec = ClvModelSpec.Parse("bgnbd", row.GetAttributeValue<string>(M.Parameters), "fitted");
        var diagnostics = JsonDocument.Parse(row.GetAttributeValue<string>(M.Diagnostics)!).RootElement.GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("standardError").ValueKind == JsonValueKind.Number ? p.GetProperty("standardError").GetDouble() : double.NaN);

        var clv = insights.GetProperty("clv").GetDouble();
        var interval = insights.GetProperty("clvInterval");
        Assert.Multiple(() =>
        {
            Assert.That(fit["StandardErrorsFinite"], Is.True);
            Assert.That(spec.Covariance, Is.Not.Null, "the covariance travels with the model");
            for (var i = 0; i < spec.Covariance!.Names.Count; i++)
            {
                var name = spec.Covariance.Names[i];
                Assert.That(spec.Parameters[name] * Math.Sqrt(spec.Covariance.LogScale[i, i]), Is.EqualTo(diagnostics[name]).Within(1e-3).Percent, name + " (the diagnostics round to 6 significant digits)");
            }

            Assert.That(clv, Is.GreaterThan(0));
            Assert.That(interval.GetProperty("level").GetDouble(), Is.EqualTo(0.9));
            Assert.That(interval.GetProperty("low").GetDouble(), Is.LessThan(clv));
            Assert.That(interval.GetProperty("high").GetDouble(), Is.GreaterThan(clv));
            Assert.That(interval.GetProperty("basis").GetString(), Does.Contain("parameter uncertainty"));
        });
    }

    [Test]
    public void A_model_entered_by_hand_has_no_covariance_and_no_interval()
    {
        var crm = new CrmEnvironment();
        var donor = crm.Contact("Dana");
        crm.Gift(donor, 50, new DateTime(2024, 1, 5));
        crm.Gift(donor, 70, new DateTime(2025, 1, 5));
        crm.Model("bgnbd", new System.Collections.Generic.Dictionary<string, double> { ["r"] = 0.243, ["alpha"] = 4.414, ["a"] = 0.793, ["b"] = 2.426 }, active: true);
        crm.Service.Execute(new OrganizationRequest("rapport_RescoreCustomers") { ["Table"] = "contact", ["PageSize"] = 10 });
        var insights = JsonDocument.Parse((string)crm.Service.Execute(new OrganizationRequest("rapport_GetCustomerInsights") { ["RecordTable"] = "contact", ["RecordId"] = donor.Id.ToString() }).Results["Insights"]!).RootElement;
        Assert.That(insights.GetProperty("clv").ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(insights.GetProperty("clvInterval").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }
}
