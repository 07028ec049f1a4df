using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Rapport.Domain.Clv.Crm;
using Rapport.Domain.Clv.Models;
using Rapport.Plugins.Services.Clv;
using Rapport.WorkflowActivities.Clv;

namespace Rapport.WorkflowActivities.Tests;

/// <summary>
/// Calculate Segment Value: the retention formulas for a CLV segment, checked by hand against the published forms —
/// Gupta &amp; Lehmann (2003), Journal of Interactive Marketing 17(1): CLV = m·r/(1+i−r); donor lifetime value =
/// g·f/(1−r) — with the segment's own measured retention rate (it rests on 35 customers, above the minimum of 30).
/// </summary>
public sealed class SegmentValueActivityTests
{
    private ActivityWorld _w = null!;

    [SetUp]
    public void SetUp() => _w = new ActivityWorld();

    [Test]
    public void Segment_value_is_computed_from_the_segment_s_gifts_with_its_own_retention_rate_in_three_queries()
    {
        var a = _w.Contact("Ann");
        var b = _w.Contact("Bo");
        var other = _w.Contact("Cy");
        Gift(a, 100m, new DateTime(2022, 6, 15));
        Gift(a, 50m, new DateTime(2024, 6, 15));
        Gift(b, 30m, new DateTime(2025, 1, 10));
        Gift(other, 999m, new DateTime(2024, 1, 1));
        foreach (var (member, segment) in new[] { (a, ClvSegment.Growing), (b, ClvSegment.Growing), (other, ClvSegment.Steady) })
        {
            _w.Env.SystemService.Update(new Entity("contact", member) { [ClvSchema.Customer.Segment] = new OptionSetValue(ClvSchema.SegmentOption(segment)) });
        }

        var retention = new RetentionRates(0.5, 120, new Dictionary<ClvSegment, RetentionRates.Rate> { [ClvSegment.Growing] = new(0.8, 35) });
        _w.Env.SystemService.Create(new Entity(ClvSchema.Model)
        {
            [ClvSchema.ModelColumns.Name] = "bgnbd",
            [ClvSchema.ModelColumns.Kind] = new OptionSetValue(ClvSchema.KindOption(BgNbdModel.ModelName)),
            [ClvSchema.ModelColumns.Parameters] = new ClvModelSpec(BgNbdModel.ModelName, new Dictionary<string, double> { ["r"] = 0.243, ["alpha"] = 4.414, ["a"] = 0.793, ["b"] = 2.426 }) { Retention = retention }.ToJson(),
            [ClvSchema.ModelColumns.FittedOn] = ActivityWorld.Today.AddDays(-1),
            [ClvSchema.ModelColumns.Status] = new OptionSetValue(ClvSchema.ModelStatusActive),
        });

        IDictionary<string, object?> outputs = null!;
        using (var scope = _w.Env.Metrics.BeginScope())
        {
            outputs = _w.Run(new CalculateSegmentValueActivity(), _w.Ana, new Dictionary<string, object?> { ["Segment"] = new OptionSetValue(ClvSchema.SegmentOption(ClvSegment.Growing)) });
            Assert.That(System.Linq.Enumerable.ToList(System.Linq.Enumerable.Select(System.Linq.Enumerable.Where(scope.Requests, r => r.Depth == 2), r => $"{r.Message} {r.Table}")),
                Is.EqualTo(new[] { "RetrieveMultiple " + ClvSchema.Model, "RetrieveMultiple contact", "RetrieveMultiple account" }));
        }

        // By hand: 3 gift days, 180 given; Ann observed 3 years (2022-06-15 to 2025-06-15), Bo under one (counted as 1).
        var today = ActivityWorld.Today.Date;
        double g = 180.0 / 3, f = 3 / (((today - new DateTime(2022, 6, 15)).TotalDays / 365.25) + 1);
        const double r = 0.8, i = 0.10;
        var gl = decimal.Round((decimal)(g * f * r / (1 + i - r)), 2);
        var dlv = decimal.Round((decimal)(g * f / (1 - r)), 2);
        Assert.Multiple(() =>
        {
            Assert.That(outputs["Customers"], Is.EqualTo(2));
            Assert.That(outputs["RetentionRate"], Is.EqualTo(r));
            Assert.That(((Money)outputs["GuptaLehmannClv"]!).Value, Is.EqualTo(gl));
            Assert.That(((Money)outputs["DonorLifetimeValue"]!).Value, Is.EqualTo(dlv));
            Assert.That(((Money)outputs["SegmentDonorLifetimeValue"]!).Value, Is.EqualTo(decimal.Round((decimal)(2 * g * f / (1 - r)), 2)));
            Assert.That((string)outputs["Explanation"]!, Does.Contain("r = 0.8").And.Contain("the Growing segment's (35 customers)"));
        });
    }

    [Test]
    public void Segment_value_without_a_model_carrying_retention_is_refused_in_words()
    {
        _w.Refused(new CalculateSegmentValueActivity(), _w.Ana, new Dictionary<string, object?> { ["Segment"] = new OptionSetValue(ClvSchema.SegmentOption(ClvSegment.Lapsed)) },
            "No active CLV model carries a measured retention rate");
        _w.Refused(new CalculateSegmentValueActivity(), _w.Ana, new Dictionary<string, object?> { ["Segment"] = new OptionSetValue(5) }, "is 5, which is not a CLV segment");
    }

    private void Gift(Guid donor, decimal amount, DateTime day) =>
        _w.Env.SystemService.Create(new Entity(ClvSchema.Gift)
        {
            ["rapport_name"] = "Gift",
            [ClvSchema.GiftColumns.Donor] = new EntityReference("contact", donor),
            [ClvSchema.GiftColumns.Amount] = new Money(amount),
            [ClvSchema.GiftColumns.Date] = DateTime.SpecifyKind(day, DateTimeKind.Utc),
        });
}
