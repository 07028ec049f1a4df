using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.Xrm.Sdk;
using Rapport.Domain.Clv.Crm;
using Rapport.Plugins.Services.Clv;
using M = Rapport.Plugins.Services.Clv.ClvSchema.ModelColumns;

namespace Rapport.Clv.Crm.Tests;

/// <summary>
/// Issue 22: the retention formulas per CLV segment through rapport_GetSegmentValue. Expected values are worked by hand
/// from the gifts below with the published closed forms: Gupta &amp; Lehmann (2003), "Customers as Assets", Journal of
/// Interactive Marketing 17(1), CLV = m·r/(1+i−r) for margin m per period, retention r and discount i; donor lifetime
/// value = average gift × gifts per year × expected lifespan 1/(1−r) (Sargeant 2001, "Using donor lifetime value to
/// inform fundraising strategy", Nonprofit Management &amp; Leadership 12(1)).
/// </summary>
public sealed class SegmentValueApiTests
{
    [Test]
    public void Segment_value_uses_the_segment_s_gifts_and_the_measured_retention_with_formula_and_inputs()
    {
        var crm = new CrmEnvironment();
        var donors = Setup(crm);
        // Without an active model no customer is scored High value (the gift steps assign the other segments), so the
        // segment holds exactly the four donors put in it: donor 0 gave 40 (2022-03-01), 100 (2023-09-01), 60 (2024-09-01);
        // donors 30, 31, 39 gave 40 + k on 2022-03-01 + k days and 100 on 2023-09-01.
        int[] members = [0, 30, 31, 39];
        var before = new Microsoft.Xrm.Sdk.Query.QueryExpression("contact");
        before.Criteria.AddCondition(ClvSchema.Customer.Segment, Microsoft.Xrm.Sdk.Query.ConditionOperator.Equal, ClvSchema.SegmentOption(ClvSegment.HighValue));
        Assert.That(crm.Service.RetrieveMultiple(before).Entities, Is.Empty);
        foreach (var k in members)
        {
            crm.Service.Update(new Entity("contact", donors[k].Id) { [ClvSchema.Customer.Segment] = new OptionSetValue(ClvSchema.SegmentOption(ClvSegment.HighValue)) });
        }

        ParameterCollection result = null!;
        var requests = crm.PluginRequests(() => result = crm.Service.Execute(new OrganizationRequest("rapport_GetSegmentValue") { ["Segment"] = "high value" }).Results);
        var report = JsonDocument.Parse((string)result["Report"]!).RootElement;

        // By hand.
        var today = CrmEnvironment.Today.Date;
        double spend = 40 + 100 + 60, days = 3, years = Math.Max(1, (today - new DateTime(2022, 3, 1)).TotalDays / 365.25);
        foreach (var k in members.Skip(1))
        {
            spend += 40 + k + 100;
            days += 2;
            years += Math.Max(1, (today - new DateTime(2022, 3, 1).AddDays(k)).TotalDays / 365.25);
        }

        double g = spend / days, f = days / years;
        const double r = 0.625, i = 0.10;
        var gl = g * f * 1 * r / (1 + i - r);
        var dlv = g * f * (1 / (1 - r));

        Assert.Multiple(() =>
        {
            Assert.That(requests, Is.EqualTo(new[] { "RetrieveMultiple", "RetrieveMultiple", "RetrieveMultiple" }), "active models, the segment's contacts, its accounts");
            Assert.That(result["Customers"], Is.EqualTo(4));
            Assert.That((double)result["RetentionRate"]!, Is.EqualTo(r));
            Assert.That((double)result["GuptaLehmannClv"]!, Is.EqualTo(gl).Within(1e-6));
            Assert.That((double)result["DonorLifetimeValue"]!, Is.EqualTo(dlv).Within(1e-6));
            Assert.That((double)result["SegmentGuptaLehmannClv"]!, Is.EqualTo(4 * gl).Within(1e-5));
            Assert.That((double)result["SegmentDonorLifetimeValue"]!, Is.EqualTo(4 * dlv).Within(1e-5));
            Assert.That(report.GetProperty("label").GetString(), Is.EqualTo("High value"));
            Assert.That(report.GetProperty("purchaseDays").GetInt32(), Is.EqualTo(9));
            var inputs = report.GetProperty("perCustomer").GetProperty("inputs");
            Assert.That(inputs.GetProperty("g").GetDouble(), Is.EqualTo(g).Within(1e-4));
            Assert.That(inputs.GetProperty("f").GetDouble(), Is.EqualTo(f).Within(1e-5));
            Assert.That(report.GetProperty("perCustomer").GetProperty("formulas")[0].GetProperty("formula").GetString(), Is.EqualTo("m · r / (1 + i − r), m = g · f · margin"));
            Assert.That(report.GetProperty("perCustomer").GetProperty("rateSource").GetString(), Does.Contain("all customers' (40 customers)"), "4 customers are too few for the segment's own rate");
            Assert.That((string)result["Explanation"]!, Does.StartWith("Gupta-Lehmann CLV = m·r/(1+i−r) with m = g·f·margin = ")
                .And.Contain(FormattableString.Invariant($": {gl:0.00}. Donor lifetime value = g·f/(1−r)")).And.Contain(FormattableString.Invariant($"(1−0.625): {dlv:0.00}.")));
            Assert.That(report.GetProperty("segmentTotal").GetProperty("donorLifetimeValue").GetDouble(), Is.EqualTo(Math.Round(4 * dlv, 2)).Within(0.01));
        });
    }

    [Test]
    public void Unknown_segment_and_no_measured_retention_are_refused_in_words()
    {
        var crm = new CrmEnvironment();
        var unknown = Assert.Catch(() => crm.Service.Execute(new OrganizationRequest("rapport_GetSegmentValue") { ["Segment"] = "Gold" }))!;
        var noModel = Assert.Catch(() => crm.Service.Execute(new OrganizationRequest("rapport_GetSegmentValue") { ["Segment"] = "HighValue" }))!;
        Assert.Multiple(() =>
        {
            Assert.That(unknown.Message, Does.Contain("Segment must be one of High value, Growing, Steady, At risk or Lapsed, got 'Gold'."));
            Assert.That(noModel.Message, Does.Contain("No active CLV model carries a measured retention rate"));
        });
    }

    /// <summary>The donors of <see cref="RetentionFormulaApiTests"/> (retention 25 / 40 = 0.625), fitted, with an active model carrying that rate.</summary>
    private static List<EntityReference> Setup(CrmEnvironment crm)
    {
        var donors = new List<EntityReference>();
        for (var k = 0; k < 40; k++)
        {
            var donor = crm.Contact("Donor " + k);
            donors.Add(donor);
            crm.Gift(donor, 40 + k, new DateTime(2022, 3, 1).AddDays(k));
            crm.Gift(donor, 100, new DateTime(2023, 9, 1));
            if (k < 25)
            {
                crm.Gift(donor, 60, new DateTime(2024, 9, 1));
            }
        }

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
        var fitted = crm.Service.Retrieve(ClvSchema.Model, (Guid)fit["ModelId"]!, new Microsoft.Xrm.Sdk.Query.ColumnSet(M.Parameters));
        var spec = ClvModelSpec.Parse("bgbb", fitted.GetAttributeValue<string>(M.Parameters), "fitted") with { Parameters = CrmEnvironment.BgBbParameters };
        crm.Service.Create(new Entity(ClvSchema.Model)
        {
            [M.Name] = "published", [M.Kind] = new OptionSetValue(ClvSchema.KindOption("bgbb")), [M.Parameters] = spec.ToJson(),
            [M.FittedOn] = CrmEnvironment.Today, [M.Status] = new OptionSetValue(ClvSchema.ModelStatusActive),
        });
        return donors;
    }
}
