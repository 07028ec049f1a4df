using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Services.Engagement;
using W = Rapport.Engagement.Crm.Tests.EngagementWorld;

namespace Rapport.Engagement.Crm.Tests;

/// <summary>Each kind of bad input is refused with a message naming the field, and nothing is written.</summary>
public sealed class BadInputTests
{
    private W _world = null!;
    private EntityReference _ann = null!;

    [SetUp]
    public void SetUp()
    {
        _world = new W();
        _ann = _world.Contact("Ann");
    }

    [TestCase("channel", "Channel 999 is not a known channel; use one of: facebook (107850000)")]
    [TestCase("kind", "Kind 999 is not a known interaction kind; use one of: like (107850000)")]
    [TestCase("rating", "Rating 6 is out of range; use a whole number from 1 to 5.")]
    [TestCase("future", "OccurredOn 2026-06-16T12:00:00 is in the future")]
    [TestCase("self-referral", "ReferredCustomerId points to the referring customer itself")]
    [TestCase("negative value", "MonetaryValue -5 is negative")]
    public void A_bad_interaction_is_refused_with_a_clear_message_and_nothing_is_written(string fault, string message)
    {
        var row = _world.NewInteraction(_ann, fault == "self-referral" ? W.Referral : fault == "rating" ? W.Review : W.Like, W.Now.AddDays(-1));
        switch (fault)
        {
            case "channel": row["rapport_channel"] = new OptionSetValue(999); break;
            case "kind": row["rapport_kind"] = new OptionSetValue(999); break;
            case "rating": row["rapport_rating"] = 6; break;
            case "future": row["rapport_occurredon"] = W.Now.AddDays(1); break;
            case "self-referral": row["rapport_referredcustomerid"] = _ann; break;
            default: row["rapport_monetaryvalue"] = new Money(-5m); break;
        }

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _world.Service.Create(row));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain(message));
            Assert.That(_world.Count(EngagementSchema.Interaction), Is.Zero);
            Assert.That(_world.Read(_ann).Contains("rapport_engagementscore"), Is.False, "no score was written");
        });
    }

    [Test]
    public void An_update_that_makes_an_interaction_invalid_is_refused_and_the_row_keeps_its_values()
    {
        var id = _world.Interaction(_ann, W.Review, W.Now.AddDays(-1), with: r => r["rapport_rating"] = 4);

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _world.Service.Update(new Entity(EngagementSchema.Interaction, id) { ["rapport_rating"] = 0 }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("Rating 0 is out of range"));
            Assert.That(_world.Read(new EntityReference(EngagementSchema.Interaction, id)).GetAttributeValue<int>("rapport_rating"), Is.EqualTo(4));
        });
    }

    [Test]
    public void A_negative_programme_cost_is_refused_and_nothing_is_written()
    {
        var programme = _world.Service.Create(new Entity(EngagementSchema.Programme) { ["rapport_name"] = "Spring" });

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _world.Service.Create(new Entity(EngagementSchema.CostItem)
        {
            ["rapport_name"] = "Ads",
            ["rapport_programmeid"] = new EntityReference(EngagementSchema.Programme, programme),
            ["rapport_amount"] = new Money(-100m),
        }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("Amount -100 of programme cost 'Ads' is negative; a cost must be zero or more"));
            Assert.That(_world.Count(EngagementSchema.CostItem), Is.Zero);
        });
    }

    [Test]
    public void An_interaction_given_only_a_social_profile_belongs_to_the_profiles_customer()
    {
        var profile = _world.Profile(_ann, W.Instagram, "@ann");
        var row = _world.NewInteraction(_ann, W.Like, W.Now.AddDays(-1));
        row.Attributes.Remove("rapport_customerid");
        row["rapport_socialprofileid"] = profile;

        var id = _world.Service.Create(row);

        Assert.That(_world.Read(new EntityReference(EngagementSchema.Interaction, id)).GetAttributeValue<EntityReference>("rapport_customerid")!.Id, Is.EqualTo(_ann.Id));
    }
}
