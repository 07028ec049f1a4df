using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Services.Engagement;
using W = Rapport.Engagement.Crm.Tests.EngagementWorld;

namespace Rapport.Engagement.Crm.Tests;

/// <summary>
/// Per-interaction rescoring: the stored score follows the documented formula (decay, daily caps, normalisation,
/// components) and costs 3 requests per change (5 when an interaction moves to another customer).
/// </summary>
public sealed class ScoringTests
{
    private static readonly string[] ThreeRequests = ["RetrieveMultiple", "RetrieveMultiple", "Update"];
    private static readonly string[] FiveRequests = ["RetrieveMultiple", "RetrieveMultiple", "Update", "RetrieveMultiple", "Update"];

    private W _world = null!;
    private EntityReference _ann = null!;

    [SetUp]
    public void SetUp()
    {
        _world = new W();
        _ann = _world.Contact("Ann");
    }

    [Test]
    public void A_like_one_half_life_old_counts_half_a_point_normalised_against_the_fallback_reference()
    {
        _world.Interaction(_ann, W.Like, W.Now.AddDays(-90));

        var ann = _world.Read(_ann);
        var expected = Math.Round(100 * Math.Log(1 + 0.5) / Math.Log(1 + 50), 2);
        Assert.Multiple(() =>
        {
            Assert.That(ann.GetAttributeValue<double>("rapport_engagementrawpoints"), Is.EqualTo(0.5).Within(1e-4), "1 point × 0.5^(90/90)");
            Assert.That(ann.GetAttributeValue<double>("rapport_engagementscore"), Is.EqualTo(expected).Within(0.005));
            Assert.That(ann.GetAttributeValue<DateTime>("rapport_engagementscoredon"), Is.EqualTo(W.Now));
        });
    }

    [Test]
    public void Only_the_daily_cap_of_likes_counts_and_the_components_say_how_many_were_capped()
    {
        for (var i = 0; i < 25; i++)
        {
            _world.Interaction(_ann, W.Like, W.Now.Date.AddHours(1).AddMinutes(i));
        }

        _world.Interaction(_ann, W.Share, W.Now.Date.AddHours(2), with: r => r["rapport_sentiment"] = 1.0);

        var ann = _world.Read(_ann);
        var components = ann.GetAttributeValue<string>("rapport_engagementcomponents");
        // The 20 latest likes (minutes 5..24) count, each worth 0.5^(age/90); the share counts 3 × 1.5 (positive).
        var likes = Enumerable.Range(5, 20).Sum(i => Math.Pow(0.5, (W.Now - W.Now.Date.AddHours(1).AddMinutes(i)).TotalDays / 90));
        var share = 3 * 1.5 * Math.Pow(0.5, (W.Now - W.Now.Date.AddHours(2)).TotalDays / 90);
        Assert.Multiple(() =>
        {
            Assert.That(ann.GetAttributeValue<double>("rapport_engagementrawpoints"), Is.EqualTo(likes + share).Within(2e-4));
            Assert.That(components, Does.Contain("\"kind\":\"like\",\"interactions\":25,\"counted\":20,\"capped\":5"));
            Assert.That(components, Does.Contain("\"kind\":\"share\",\"interactions\":1,\"counted\":1,\"capped\":0"));
            Assert.That(components, Does.StartWith("{\"score\":" + ann.GetAttributeValue<double>("rapport_engagementscore").ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public void The_stored_base_reference_and_configured_half_life_drive_the_score()
    {
        _world.Service.Create(new Entity(EngagementSchema.Settings)
        {
            ["rapport_name"] = "Settings",
            ["rapport_configuration"] = "{\"halfLifeDays\":30,\"kinds\":{\"review\":{\"weight\":8,\"dailyCap\":3}}}",
            ["rapport_referencepoints"] = 10.0,
        });

        _world.Interaction(_ann, W.Review, W.Now.AddDays(-30), with: r => r["rapport_rating"] = 5);

        var ann = _world.Read(_ann);
        Assert.Multiple(() =>
        {
            Assert.That(ann.GetAttributeValue<double>("rapport_engagementrawpoints"), Is.EqualTo(4.0).Within(1e-4), "8 × 0.5^(30/30)");
            Assert.That(ann.GetAttributeValue<double>("rapport_engagementscore"), Is.EqualTo(Math.Round(100 * Math.Log(5) / Math.Log(11), 2)).Within(0.005));
        });
    }

    [Test]
    public void Create_update_and_delete_of_an_interaction_each_cost_3_requests_and_a_move_costs_5()
    {
        var ben = _world.Contact("Ben");
        Guid id = Guid.Empty;
        var created = _world.PluginRequests(() => id = _world.Interaction(_ann, W.Comment, W.Now.AddDays(-1)));
        var updated = _world.PluginRequests(() => _world.Service.Update(new Entity(EngagementSchema.Interaction, id) { ["rapport_kind"] = new OptionSetValue(W.Mention) }));
        var scoreAfterUpdate = _world.Read(_ann).GetAttributeValue<double>("rapport_engagementrawpoints");
        var moved = _world.PluginRequests(() => _world.Service.Update(new Entity(EngagementSchema.Interaction, id) { ["rapport_customerid"] = ben }));
        var annAfterMove = _world.Read(_ann).GetAttributeValue<double>("rapport_engagementrawpoints");
        var deleted = _world.PluginRequests(() => _world.Service.Delete(EngagementSchema.Interaction, id));

        Assert.Multiple(() =>
        {
            Assert.That(created, Is.EqualTo(ThreeRequests), "create");
            Assert.That(updated, Is.EqualTo(ThreeRequests), "update");
            Assert.That(scoreAfterUpdate, Is.EqualTo(4 * Math.Pow(0.5, 1.0 / 90)).Within(1e-4), "a mention weighs 4");
            Assert.That(moved, Is.EqualTo(FiveRequests), "move: settings once, 2 per customer");
            Assert.That(annAfterMove, Is.EqualTo(0));
            Assert.That(deleted, Is.EqualTo(ThreeRequests), "delete");
            Assert.That(_world.Read(ben).GetAttributeValue<double>("rapport_engagementrawpoints"), Is.EqualTo(0), "Ben lost it again on delete");
        });
    }

    [Test]
    public void The_paged_rescoring_api_rescores_every_contact_and_refreshes_the_base_reference()
    {
        var ben = _world.Contact("Ben");
        _world.Interaction(_ann, W.Share, W.Now.AddDays(-10));
        _world.Interaction(ben, W.Like, W.Now.AddDays(-10));

        var first = _world.Call("rapport_RescoreEngagement", ("Table", "contact"), ("PageSize", 1));
        var second = _world.Call("rapport_RescoreEngagement", ("Table", "contact"), ("PageSize", 1), ("PageNumber", 2));

        var annRaw = 3 * Math.Pow(0.5, 10.0 / 90);
        var benRaw = Math.Pow(0.5, 10.0 / 90);
        var p99 = benRaw + (0.99 * (annRaw - benRaw));
        Assert.Multiple(() =>
        {
            Assert.That(first["Processed"], Is.EqualTo(1));
            Assert.That(first["NextPage"], Is.EqualTo(2));
            Assert.That(second["NextPage"], Is.EqualTo(0));
            Assert.That((double)second["ReferencePoints"]!, Is.EqualTo(p99).Within(1e-3), "p99 of the stored raw points, PERCENTILE.INC");
            Assert.That(_world.Count(EngagementSchema.Settings), Is.EqualTo(1), "the reference is stored in the settings row");
        });

        // The next interaction is normalised against the refreshed reference.
        _world.Interaction(ben, W.Like, W.Now.AddDays(-10));
        Assert.That(_world.Read(ben).GetAttributeValue<double>("rapport_engagementscore"), Is.EqualTo(Math.Round(100 * Math.Min(1, Math.Log(1 + (2 * benRaw)) / Math.Log(1 + p99)), 2)).Within(0.01));
    }
}
