using System;
using System.Text.Json;
using Microsoft.Xrm.Sdk;
using Rapport.Domain.Clv.Crm;
using Rapport.Plugins.Services.Clv;
using M = Rapport.Plugins.Services.Clv.ClvSchema.ModelColumns;

namespace Rapport.Clv.Crm.Tests;

/// <summary>
/// The retention formulas reach the CRM: the fit measures the yearly retention rate on the stored ledgers (overall and
/// per segment) and the customer insights show Gupta–Lehmann CLV and donor lifetime value with formula and inputs.
/// Expected values are worked by hand from the gifts below with the closed forms of Gupta &amp; Lehmann (2003),
/// CLV = m·r/(1+i−r), and donor lifetime value = g·f/(1−r).
/// </summary>
public sealed class RetentionFormulaApiTests
{
    [Test]
    public void Fit_measures_retention_and_insights_show_both_formulas_with_their_inputs()
    {
        var crm = new CrmEnvironment();
        // 40 donors gave in the year before last (2023-09-01); 25 of them gave again in the last year (2024-09-01):
        // retention 25 / 40 = 0.625. No segment reaches 30 customers, so the overall rate applies to everyone.
        EntityReference ann = null!;
        for (var k = 0; k < 40; k++)
        {
            var donor = crm.Contact("Donor " + k);
            crm.Gift(donor, 40 + k, new DateTime(2022, 3, 1).AddDays(k));
            crm.Gift(donor, 100, new DateTime(2023, 9, 1));
            if (k < 25)
            {
                crm.Gift(donor, 60, new DateTime(2024, 9, 1));
            }
            else if (k == 39)
            {
                ann = donor; // gifts 79 on 2022-04-09 and 100 on 2023-09-01
            }
        }

        // Donors who lapsed before the year before last: not in the retention base, but they give the BG/BB fit the
        // spread of patterns (no repeat, one early repeat) a real file has.
        for (var k = 0; k < 30; k++)
        {
            var lapsed = crm.Contact("Lapsed " + k);
            crm.Gift(lapsed, 30, new DateTime(2021, 2, 1).AddDays(k));
            if (k % 2 == 0)
            {
                crm.Gift(lapsed, 30, new DateTime(2022, 2, 1).AddDays(k));
            }
        }

        var fit = crm.Service.Execute(new OrganizationRequest("rapport_FitClvModel") { ["Kind"] = "bgbb" }).Results;
        var retention = JsonDocument.Parse((string)fit["Retention"]!).RootElement;
        // Score with the published BG/BB parameters (Fader, Hardie & Shang 2010) carrying the retention the fit measured,
        // so the formulas do not depend on how well BG/BB fits this small file.
        var fitted = crm.Service.Retrieve(ClvSchema.Model, (Guid)fit["ModelId"]!, new Microsoft.Xrm.Sdk.Query.ColumnSet(M.Parameters));
        var spec = ClvModelSpec.Parse("bgbb", fitted.GetAttributeValue<string>(M.Parameters), "fitted") with { Parameters = CrmEnvironment.BgBbParameters };
        crm.Service.Create(new Entity(ClvSchema.Model)
        {
            [M.Name] = "published", [M.Kind] = new OptionSetValue(ClvSchema.KindOption("bgbb")), [M.Parameters] = spec.ToJson(),
            [M.FittedOn] = CrmEnvironment.Today, [M.Status] = new OptionSetValue(ClvSchema.ModelStatusActive),
            [M.Verdict] = new OptionSetValue(ClvSchema.OptionPrefix + 1), [M.VerdictReasons] = "Usable with warnings: Only 70 customers: estimates are rough below 200.",
        });
        crm.Service.Execute(new OrganizationRequest("rapport_RescoreCustomers") { ["Table"] = "contact", ["PageSize"] = 1000 });
        var insights = JsonDocument.Parse((string)crm.Service.Execute(new OrganizationRequest("rapport_GetCustomerInsights") { ["RecordTable"] = "contact", ["RecordId"] = ann.Id.ToString() }).Results["Insights"]!).RootElement;
        var block = insights.GetProperty("retention");

        const double r = 0.625, discount = 0.10, g = (79 + 100) / 2.0;
        var f = 2 / ((CrmEnvironment.Today.Date - new DateTime(2022, 4, 9)).TotalDays / 365.25);
        Assert.Multiple(() =>
        {
            Assert.That(retention.GetProperty("overall").GetDouble(), Is.EqualTo(r));
            Assert.That(retention.GetProperty("base").GetInt32(), Is.EqualTo(40));
            Assert.That(insights.GetProperty("model").GetProperty("verdict").GetString(), Is.EqualTo("Usable with warnings"));
            Assert.That(insights.GetProperty("model").GetProperty("reasons").GetString(), Does.Contain("Only 70 customers"));
            Assert.That(block.GetProperty("rate").GetDouble(), Is.EqualTo(r));
            Assert.That(block.GetProperty("rateSource").GetString(), Does.Contain("all customers' (40 customers)"));
            Assert.That(block.GetProperty("inputs").GetProperty("g").GetDouble(), Is.EqualTo(g).Within(1e-4));
            Assert.That(block.GetProperty("inputs").GetProperty("f").GetDouble(), Is.EqualTo(f).Within(1e-4));
            Assert.That(block.GetProperty("inputs").GetProperty("i").GetDouble(), Is.EqualTo(discount));
            var gl = block.GetProperty("formulas")[0];
            Assert.That(gl.GetProperty("name").GetString(), Is.EqualTo("Gupta–Lehmann CLV"));
            Assert.That(gl.GetProperty("formula").GetString(), Is.EqualTo("m · r / (1 + i − r), m = g · f · margin"));
            Assert.That(gl.GetProperty("value").GetDouble(), Is.EqualTo(g * f * r / (1 + discount - r)).Within(0.01));
            var dlv = block.GetProperty("formulas")[1];
            Assert.That(dlv.GetProperty("formula").GetString(), Is.EqualTo("g · f / (1 − r)"));
            Assert.That(dlv.GetProperty("value").GetDouble(), Is.EqualTo(g * f / (1 - r)).Within(0.01));
        });
    }
}
