using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Domain.Engagement;

namespace Rapport.Engagement.Tests;

public sealed class KpiTests
{
    private static readonly DateTime Q1 = new DateTime(2026, 1, 1);
    private static readonly DateTime Q1End = new DateTime(2026, 3, 31);

    private static KpiPlanRow Row(FunnelStage stage, Tactic tactic, string code, decimal target, decimal? actual = null) =>
        new KpiPlanRow(stage, "Grow the community", tactic, code, target, Q1, Q1End) { Actual = actual };

    private static readonly KpiData Data = new KpiData
    {
        CountsByKind = new Dictionary<InteractionKind, long> { [InteractionKind.Like] = 120, [InteractionKind.Share] = 30, [InteractionKind.Click] = 200 },
        Conversions = 10,
        CustomersAtStart = 60,
        CustomersRetained = 45,
        AverageRating = 4.256,
    };

    [Test]
    public void Starter_catalogue_has_at_least_30_kpis_over_every_funnel_stage_and_tactic()
    {
        var catalogue = KpiCatalogue.Starter;

        Assert.That(catalogue.Items, Has.Count.GreaterThanOrEqualTo(30));
        foreach (FunnelStage stage in Enum.GetValues(typeof(FunnelStage)))
        {
            Assert.That(catalogue.ForStage(stage), Has.Count.GreaterThanOrEqualTo(4), stage.ToString());
        }

        foreach (Tactic tactic in Enum.GetValues(typeof(Tactic)))
        {
            Assert.That(catalogue.Items.Any(k => k.Tactic == tactic), Is.True, tactic.ToString());
        }

        Assert.That(catalogue.Items.Count(k => k.Computation.IsManual), Is.GreaterThan(5));
        Assert.That(catalogue.Items.Count(k => !k.Computation.IsManual), Is.GreaterThan(10));
        Assert.That(catalogue.Items.All(k => k.Description.Length > 10), Is.True);
    }

    [Test]
    public void Every_automatic_starter_kpi_gets_an_actual_from_complete_data()
    {
        var full = new KpiData
        {
            CountsByKind = InteractionKinds.All.ToDictionary(k => k, _ => 5L),
            Conversions = 1,
            AverageClv = 250m,
            AverageEngagementScore = 41.5,
            AverageRating = 4,
            ReferralValue = 900m,
            EngagedCustomers = 12,
            NewFollowers = 33,
            CustomersAtStart = 10,
            CustomersRetained = 9,
            InteractionsWithSentiment = 20,
            PositiveInteractions = 15,
        };

        foreach (var kpi in KpiCatalogue.Starter.Items.Where(k => !k.Computation.IsManual))
        {
            Assert.That(KpiPlanner.ComputeActual(kpi.Computation, full), Is.Not.Null, kpi.Code);
        }
    }

    [Test]
    public void Computation_text_reads_and_writes_the_auto_and_manual_forms()
    {
        Assert.That(KpiComputation.Parse("Auto(count:share)"), Is.EqualTo(KpiComputation.CountOf(InteractionKind.Share)));
        Assert.That(KpiComputation.Parse(" auto(Conversion Rate) "), Is.EqualTo(KpiComputation.Auto(KpiAutoSource.ConversionRate)));
        Assert.That(KpiComputation.Parse("manual").IsManual, Is.True);
        Assert.That(KpiComputation.CountOf(InteractionKind.CouponRedemption).ToString(), Is.EqualTo("Auto(count:coupon_redemption)"));
        Assert.That(KpiComputation.Auto(KpiAutoSource.AverageClv).ToString(), Is.EqualTo("Auto(average_clv)"));
        Assert.That(
            () => KpiComputation.Parse("Auto(count:poke)"),
            Throws.TypeOf<EngagementException>().With.Message.StartsWith("Computation 'Auto(count:poke)' is not understood; use Manual, Auto(count:<kind>)"));
    }

    [Test]
    public void Admin_edits_survive_a_json_round_trip()
    {
        var edited = KpiCatalogue.Starter
            .With(new KpiDefinition("likes", "Likes and reactions", "All reactions.", FunnelStage.Awareness, Tactic.Video, KpiUnit.Count, KpiComputation.CountOf(InteractionKind.Like)))
            .With(new KpiDefinition("podcast_reviews", "Podcast reviews", "Reviews on podcast platforms.", FunnelStage.Advocacy, Tactic.Podcast, KpiUnit.Count, KpiComputation.Manual))
            .Without("impressions");

        var reloaded = KpiCatalogue.FromJson(edited.ToJson());

        Assert.That(reloaded.Items, Is.EqualTo(edited.Items));
        Assert.That(reloaded.Items, Has.Count.EqualTo(KpiCatalogue.Starter.Items.Count));
        Assert.That(reloaded.Find("LIKES")!.Tactic, Is.EqualTo(Tactic.Video));
        Assert.That(reloaded.Find("impressions"), Is.Null);
        Assert.That(reloaded.Find("cost_per_acquisition")!.HigherIsBetter, Is.False);
    }

    [Test]
    public void Bad_catalogue_json_names_the_kpi_and_field()
    {
        const string Json = "[{\"code\":\"x\",\"name\":\"X\",\"description\":\"\",\"stage\":\"loyalty\",\"tactic\":\"blog\",\"unit\":\"count\",\"computation\":\"Manual\"}]";

        Assert.That(
            () => KpiCatalogue.FromJson(Json),
            Throws.TypeOf<EngagementException>().With.Message.EqualTo("Kpis[0].stage 'loyalty' is not known; use one of: awareness, consideration, conversion, retention, advocacy."));
        Assert.That(() => KpiCatalogue.FromJson("{"), Throws.TypeOf<EngagementException>().With.Message.StartsWith("The KPI catalogue is not valid JSON"));
        Assert.That(
            () => KpiCatalogue.Starter.With(KpiCatalogue.Starter.Items[0] with { Code = "likes2", Computation = new KpiComputation(KpiAutoSource.Count, null) }),
            Throws.TypeOf<EngagementException>().With.Message.Contains("a count needs an interaction kind"));
    }

    [Test]
    public void Plan_rows_get_computed_actuals_and_progress_against_target()
    {
        var rows = new[]
        {
            Row(FunnelStage.Consideration, Tactic.SocialPost, "likes", 100m),
            Row(FunnelStage.Conversion, Tactic.PaidAd, "conversion_rate", 4m),
            Row(FunnelStage.Awareness, Tactic.Video, "video_views", 1000m, actual: 250m),
            Row(FunnelStage.Conversion, Tactic.PaidAd, "cost_per_acquisition", 50m, actual: 40m),
            Row(FunnelStage.Retention, Tactic.Email, "retention_rate", 80m),
            Row(FunnelStage.Retention, Tactic.Community, "average_clv", 300m),
            Row(FunnelStage.Advocacy, Tactic.ReviewSite, "average_rating", 4.5m),
        };

        var progress = KpiPlanner.Evaluate(rows, KpiCatalogue.Starter, Data);

        // likes: 120 / 100 = 120 %; conversion rate: 10 / 200 clicks = 5 %, 5 / 4 = 125 %
        // video views (manual): 250 / 1000 = 25 %; cost per acquisition, lower is better: 50 / 40 = 125 %
        // retention: 45 / 60 = 75 %, 75 / 80 = 93.75 → 93.8 %; average CLV: no data → no actual, no progress
        // average rating 4.256 → 4.26, 4.26 / 4.5 = 94.67 → 94.7 %
        Assert.That(progress.Select(p => p.Actual), Is.EqualTo(new decimal?[] { 120m, 5m, 250m, 40m, 75m, null, 4.26m }));
        Assert.That(progress.Select(p => p.ProgressPercent), Is.EqualTo(new decimal?[] { 120m, 125m, 25m, 125m, 93.8m, null, 94.7m }));
        Assert.That(progress.Select(p => p.Computed), Is.EqualTo(new[] { true, true, false, false, true, true, true }));
    }

    [Test]
    public void Zero_target_has_no_progress()
    {
        var progress = KpiPlanner.Evaluate(new[] { Row(FunnelStage.Awareness, Tactic.SocialPost, "shares", 0m) }, KpiCatalogue.Starter, Data);

        Assert.That(progress.Single().Actual, Is.EqualTo(30m));
        Assert.That(progress.Single().ProgressPercent, Is.Null);
    }

    [Test]
    public void Bad_plan_rows_are_refused_with_the_row_and_field_named()
    {
        Assert.That(
            () => KpiPlanner.Evaluate(new[] { Row(FunnelStage.Awareness, Tactic.Blog, "tiktok_dances", 10m) }, KpiCatalogue.Starter, Data),
            Throws.TypeOf<EngagementException>().With.Message.EqualTo("Rows[0].KpiCode 'tiktok_dances' is not in the KPI catalogue."));
        Assert.That(
            () => KpiPlanner.Evaluate(new[] { Row(FunnelStage.Awareness, Tactic.Blog, "likes", 10m), Row(FunnelStage.Awareness, Tactic.Blog, "likes", -1m) }, KpiCatalogue.Starter, Data),
            Throws.TypeOf<EngagementException>().With.Message.EqualTo("Rows[1].Target -1 is negative; a target must be zero or more."));
        Assert.That(
            () => KpiPlanner.Evaluate(new[] { Row(FunnelStage.Awareness, Tactic.Blog, "likes", 10m) with { PeriodEnd = Q1.AddDays(-1) } }, KpiCatalogue.Starter, Data),
            Throws.TypeOf<EngagementException>().With.Message.StartsWith("Rows[0].PeriodEnd 2025-12-31T00:00:00 is before PeriodStart"));
    }
}
