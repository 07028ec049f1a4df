using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Plugins.Services.Engagement;
using W = Rapport.Engagement.Crm.Tests.EngagementWorld;

namespace Rapport.Engagement.Crm.Tests;

/// <summary>The KPI catalogue loads idempotently, plan actuals come from the data, and bulk ingestion is idempotent per row.</summary>
public sealed class KpiAndIngestionTests
{
    [Test]
    public void Loading_the_kpi_catalogue_twice_creates_it_once_and_keeps_an_admins_edit()
    {
        var world = new W();
        var first = world.Call("rapport_LoadKpiCatalogue");
        var kpi = world.Service.RetrieveMultiple(new QueryExpression(EngagementSchema.Kpi) { ColumnSet = new ColumnSet("rapport_name") }).Entities[0];
        world.Service.Update(new Entity(EngagementSchema.Kpi, kpi.Id) { ["rapport_name"] = "Edited" });

        var second = world.Call("rapport_LoadKpiCatalogue");

        Assert.Multiple(() =>
        {
            Assert.That((int)first["Created"]!, Is.GreaterThanOrEqualTo(30));
            Assert.That(second["Created"], Is.EqualTo(0));
            Assert.That(second["Existing"], Is.EqualTo(first["Created"]));
            Assert.That(world.Count(EngagementSchema.Kpi), Is.EqualTo(first["Created"]));
            Assert.That(world.Read(kpi.ToEntityReference()).GetAttributeValue<string>("rapport_name"), Is.EqualTo("Edited"));
        });
    }

    [Test]
    public void Plan_actuals_are_computed_for_automatic_kpis_and_kept_for_manual_ones()
    {
        var world = new W();
        var shares = world.Service.Create(new Entity(EngagementSchema.Kpi) { ["rapport_name"] = "Shares", ["rapport_code"] = "shares", ["rapport_computation"] = "Auto(count:share)" });
        var survey = world.Service.Create(new Entity(EngagementSchema.Kpi) { ["rapport_name"] = "Brand recall", ["rapport_code"] = "recall", ["rapport_computation"] = "Manual" });
        var ann = world.Contact("Ann");
        world.Interaction(ann, W.Share, new DateTime(2026, 5, 3, 0, 0, 0, DateTimeKind.Utc));
        world.Interaction(ann, W.Share, new DateTime(2026, 5, 31, 23, 0, 0, DateTimeKind.Utc));
        world.Interaction(ann, W.Share, new DateTime(2026, 6, 1, 1, 0, 0, DateTimeKind.Utc));
        Guid Row(Guid kpi, decimal target, decimal? actual) => world.Service.Create(new Entity(EngagementSchema.KpiPlan)
        {
            ["rapport_name"] = "May",
            ["rapport_kpiid"] = new EntityReference(EngagementSchema.Kpi, kpi),
            ["rapport_target"] = target,
            ["rapport_actual"] = actual,
            ["rapport_periodstart"] = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc),
            ["rapport_periodend"] = new DateTime(2026, 5, 31, 0, 0, 0, DateTimeKind.Utc),
        });
        var automatic = Row(shares, 4m, null);
        var manual = Row(survey, 50m, 40m);

        var response = world.Call("rapport_RefreshKpiPlan");

        var auto = world.Read(new EntityReference(EngagementSchema.KpiPlan, automatic));
        var typed = world.Read(new EntityReference(EngagementSchema.KpiPlan, manual));
        Assert.Multiple(() =>
        {
            Assert.That(response["Computed"], Is.EqualTo(1));
            Assert.That(response["Manual"], Is.EqualTo(1));
            Assert.That(auto.GetAttributeValue<decimal>("rapport_actual"), Is.EqualTo(2m), "shares on 3 and 31 May; 1 June is outside");
            Assert.That(auto.GetAttributeValue<bool>("rapport_actualcomputed"), Is.True);
            Assert.That(auto.GetAttributeValue<decimal>("rapport_progress"), Is.EqualTo(50m));
            Assert.That(typed.GetAttributeValue<decimal>("rapport_actual"), Is.EqualTo(40m));
            Assert.That(typed.GetAttributeValue<decimal>("rapport_progress"), Is.EqualTo(80m));
        });
    }

    [Test]
    public void A_json_batch_creates_good_rows_reports_bad_ones_and_skips_everything_on_a_rerun()
    {
        var world = new W();
        var ann = world.Contact("Ann");
        var ben = world.Contact("Ben");
        world.Profile(ann, W.Facebook, "Ann_B");
        world.Profile(ben, W.Facebook, "ben");
        const string Batch = """
            [{"external_id":"fb-1","network":"facebook","handle":"@ann_b","kind":"share","occurred_on":"2026-06-01T10:00:00Z"},
             {"externalId":"fb-2","network":"facebook","handle":"ann_b","kind":"referral","occurredOn":"2026-06-02T10:00:00Z","referredHandle":"ben"},
             {"external_id":"fb-3","network":"myspace","handle":"ann_b","kind":"like","occurred_on":"2026-06-01T10:00:00Z"},
             {"external_id":"fb-4","network":"facebook","handle":"ann_b","kind":"review","occurred_on":"2026-06-01T10:00:00Z","rating":9},
             {"external_id":"fb-5","network":"facebook","handle":"ann_b","kind":"like","occurred_on":"2026-07-01T10:00:00Z"},
             {"external_id":"fb-6","network":"facebook","handle":"ann_b","kind":"poke","occurred_on":"2026-06-01T10:00:00Z"},
             {"external_id":"fb-7","network":"facebook","handle":"ann_b","kind":"referral","occurred_on":"2026-06-01T10:00:00Z","referred_handle":"@ANN_B"}]
            """;

        var first = world.Call("rapport_IngestInteractions", ("Format", "json"), ("Interactions", Batch));
        var rerun = world.Call("rapport_IngestInteractions", ("Format", "json"), ("Interactions", Batch));
        var results = (string)first["Results"]!;

        Assert.Multiple(() =>
        {
            Assert.That(first["Created"], Is.EqualTo(2));
            Assert.That(first["Errors"], Is.EqualTo(5));
            Assert.That(results, Does.Contain("Network \\u0027myspace\\u0027 is not a known channel"), "the JSON writer escapes quotes");
            Assert.That(results, Does.Contain("Rating 9 is out of range"));
            Assert.That(results, Does.Contain("is in the future"));
            Assert.That(results, Does.Contain("Kind \\u0027poke\\u0027 is not a known interaction kind"));
            Assert.That(results, Does.Contain("ReferredHandle points to the referring customer itself"));
            Assert.That(rerun["Created"], Is.EqualTo(0));
            Assert.That(rerun["Skipped"], Is.EqualTo(2));
            Assert.That(world.Count(EngagementSchema.Interaction), Is.EqualTo(2));
            Assert.That(world.Read(ann).GetAttributeValue<double>("rapport_engagementrawpoints"), Is.GreaterThan(0), "ingested rows are scored");
        });
        var referral = world.Service.RetrieveMultiple(new QueryExpression(EngagementSchema.Interaction) { ColumnSet = new ColumnSet(true), Criteria = { Conditions = { new ConditionExpression("rapport_externalid", ConditionOperator.Equal, "fb-2") } } }).Entities.Single();
        Assert.That(referral.GetAttributeValue<EntityReference>("rapport_referredcustomerid")!.Id, Is.EqualTo(ben.Id));
    }

    [Test]
    public void A_csv_batch_is_read_in_the_export_format()
    {
        var world = new W();
        var ann = world.Contact("Ann");
        world.Profile(ann, W.Instagram, "ann");

        var response = world.Call("rapport_IngestInteractions", ("Format", "csv"), ("Interactions", "external_id,network,handle,kind,occurred_on,value\nig-1,instagram,ann,coupon_redemption,2026-06-10,49.90\n"));

        Assert.Multiple(() =>
        {
            Assert.That(response["Created"], Is.EqualTo(1));
            Assert.That(world.Service.RetrieveMultiple(new QueryExpression(EngagementSchema.Interaction) { ColumnSet = new ColumnSet("rapport_monetaryvalue") }).Entities.Single()
                .GetAttributeValue<Money>("rapport_monetaryvalue")!.Value, Is.EqualTo(49.90m));
        });
    }
}
