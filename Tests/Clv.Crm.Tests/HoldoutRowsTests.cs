using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Plugins.Services.Clv;

namespace Rapport.Clv.Crm.Tests;

/// <summary>
/// Issue 22: a fit writes its holdout figures as rapport_clvholdoutrow rows for the model form's chart subgrids, in one
/// CreateMultiple. The actual curve is checked against the gifts as the test made them (a second count, by hand).
/// </summary>
public sealed class HoldoutRowsTests
{
    [Test]
    public void Fit_writes_the_calibration_table_and_the_weekly_tracking_curve_in_one_create_multiple()
    {
        var crm = new CrmEnvironment();
        var random = new Random(11);
        var giftDays = new List<SortedSet<DateTime>>();
        for (var i = 0; i < 60; i++)
        {
            var donor = crm.Contact("Donor " + i);
            var days = new SortedSet<DateTime>();
            var day = new DateTime(2021, 1, 1).AddDays(random.Next(300));
            // Donors as BG/NBD has them: a rate of their own, and a third who lapse soon after a gift beside the loyal
            // rest. (Everyone giving at one rate forever, or lapsing at one rate, sends the fit to a boundary where the
            // optimum reached is arbitrary and the curve was not worth checking.)
            var meanGap = 30 + (60 * (i % 5));
            var lapse = i % 3 == 0 ? 0.6 : 0.02;
            while (day < CrmEnvironment.Today.Date)
            {
                crm.Gift(donor, 10 + random.Next(200), day);
                days.Add(day);
                if (random.NextDouble() < lapse)
                {
                    break;
                }

                day = day.AddDays(1 + random.Next(2 * meanGap));
            }

            giftDays.Add(days);
        }

        ParameterCollection response = null!;
        var requests = crm.PluginRequests(() => response = crm.Service.Execute(new OrganizationRequest("rapport_FitClvModel") { ["Kind"] = "bgnbd" }).Results);
        var modelId = (Guid)response["ModelId"]!;
        var query = new QueryExpression(ClvHoldoutRows.Table) { ColumnSet = new ColumnSet(true) };
        query.Criteria.AddCondition("rapport_clvmodelid", ConditionOperator.Equal, modelId);
        var rows = crm.Service.RetrieveMultiple(query).Entities;
        var byFrequency = rows.Where(r => r.GetAttributeValue<OptionSetValue>("rapport_rowkind")!.Value == 107850000).OrderBy(r => r.GetAttributeValue<int>("rapport_x")).ToList();
        var tracking = rows.Where(r => r.GetAttributeValue<OptionSetValue>("rapport_rowkind")!.Value == 107850001).OrderBy(r => r.GetAttributeValue<int>("rapport_x")).ToList();
        var report = JsonDocument.Parse((string)response["HoldoutReport"]!).RootElement;

        // By hand: week 1 starts so that the last week ends on the fit day; every gift day after a donor's first is a repeat.
        var first = giftDays.Min(d => d.Min);
        var weeks = ((CrmEnvironment.Today.Date - first).Days / 7) + 1;
        var repeats = giftDays.Sum(d => d.Count - 1);
        var origin = CrmEnvironment.Today.Date.AddDays(1 - (7 * weeks));
        int RepeatsUpTo(int week) => giftDays.Sum(d => d.Skip(1).Count(g => g <= origin.AddDays((7 * week) - 1)));

        Assert.Multiple(() =>
        {
            Assert.That(requests, Is.EqualTo(new[] { "RetrieveMultiple", "RetrieveMultiple", "Create", "CreateMultiple" }), "one page of contacts, one of accounts, the model, its holdout rows");
            Assert.That(response["HoldoutMeasured"], Is.True, (string)response["HoldoutSummary"]!);
            Assert.That((string)response["VerdictReasons"]!, Does.Not.Contain("boundary"), "the data identify every parameter");
            Assert.That(byFrequency.Select(r => r.GetAttributeValue<int>("rapport_x")), Is.EqualTo(report.GetProperty("byFrequency").EnumerateArray().Select(b => b.GetProperty("frequency").GetInt32())));
            Assert.That(byFrequency.Select(r => r.GetAttributeValue<double>("rapport_actual")),
                Is.EqualTo(report.GetProperty("byFrequency").EnumerateArray().Select(b => b.GetProperty("actual").GetDouble())).Within(1e-4));
            Assert.That(byFrequency.Sum(r => r.GetAttributeValue<int>("rapport_customers")), Is.EqualTo(60));
            Assert.That(weeks, Is.GreaterThan(160), "a span this long is drawn every other week");
            Assert.That(tracking, Has.Count.EqualTo((weeks + 1) / 2));
            Assert.That(tracking[^1].GetAttributeValue<int>("rapport_x"), Is.EqualTo(weeks), "the curve ends on the fit day");
            Assert.That(tracking[^1].GetAttributeValue<double>("rapport_actual"), Is.EqualTo(repeats));
            foreach (var point in tracking.Where((_, k) => k % 17 == 0))
            {
                Assert.That(point.GetAttributeValue<double>("rapport_actual"), Is.EqualTo(RepeatsUpTo(point.GetAttributeValue<int>("rapport_x"))), point.GetAttributeValue<string>("rapport_name"));
            }

            Assert.That(tracking.Select(r => r.GetAttributeValue<double>("rapport_predicted")), Is.Ordered, "cumulative");
            Assert.That(tracking[^1].GetAttributeValue<double>("rapport_predicted"), Is.EqualTo(repeats).Within(15).Percent, "the fitted model tracks its own data");
        });

        crm.Service.Delete(ClvSchema.Model, modelId);
        Assert.That(crm.Service.RetrieveMultiple(query).Entities, Is.Empty, "rows are deleted with their model");
    }

    [Test]
    public void No_rows_and_no_request_when_the_holdout_could_not_be_run()
    {
        var crm = new CrmEnvironment();
        for (var i = 0; i < 3; i++)
        {
            var donor = crm.Contact("Donor " + i);
            crm.Gift(donor, 50, new DateTime(2022, 3, 1).AddDays(40 * i));
            crm.Gift(donor, 60, new DateTime(2024, 5, 1).AddDays(30 * i));
        }

        var requests = crm.PluginRequests(() => crm.Service.Execute(new OrganizationRequest("rapport_FitClvModel") { ["Kind"] = "bgnbd" }));
        Assert.That(requests, Is.EqualTo(new[] { "RetrieveMultiple", "RetrieveMultiple", "Create" }));
        Assert.That(crm.Service.RetrieveMultiple(new QueryExpression(ClvHoldoutRows.Table)).Entities, Is.Empty);
    }
}
