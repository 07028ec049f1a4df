using System;
using Microsoft.Xrm.Sdk;
using W = Rapport.Engagement.Crm.Tests.EngagementWorld;

namespace Rapport.Engagement.Crm.Tests;

/// <summary>The influencer score written to the social profile follows the documented formula.</summary>
public sealed class InfluencerTests
{
    [Test]
    public void A_profile_gets_reach_amplification_and_referral_sub_scores_and_their_weighted_score()
    {
        var world = new W();
        var ann = world.Contact("Ann");
        var referred = world.Contact("Ref", clv: 9_999m);
        world.Interaction(ann, W.Share, W.Now.AddDays(-3));
        world.Interaction(ann, W.Share, W.Now.AddDays(-2));
        world.Interaction(ann, W.Mention, W.Now.AddDays(-1));
        world.Interaction(ann, W.Referral, W.Now.AddDays(-1), with: r => r["rapport_referredcustomerid"] = referred);

        var profile = world.Read(world.Profile(ann, W.Facebook, "ann", followers: 9_999));

        // reach = log10(10,000) / log10(1,000,001); amplification = log10(1 + 3) / log10(1,001); referral = log10(10,000) / log10(100,001).
        var reach = 4 / Math.Log10(1_000_001);
        var amplification = Math.Log10(4) / Math.Log10(1_001);
        var referral = 4 / Math.Log10(100_001);
        var score = Math.Round(100 * ((0.4 * reach) + (0.35 * amplification) + (0.25 * referral)), 2);
        Assert.Multiple(() =>
        {
            Assert.That(profile.GetAttributeValue<double>("rapport_influencereach"), Is.EqualTo(reach).Within(1e-4));
            Assert.That(profile.GetAttributeValue<double>("rapport_influenceamplification"), Is.EqualTo(amplification).Within(1e-4));
            Assert.That(profile.GetAttributeValue<double>("rapport_influencereferral"), Is.EqualTo(referral).Within(1e-4));
            Assert.That(profile.GetAttributeValue<double>("rapport_influencescore"), Is.EqualTo(score).Within(0.005));
        });

        world.Service.Update(new Entity(profile.LogicalName, profile.Id) { ["rapport_followers"] = 999_999 });
        Assert.That(world.Read(profile.ToEntityReference()).GetAttributeValue<double>("rapport_influencescore"),
            Is.EqualTo(Math.Round(100 * (0.4 + (0.35 * amplification) + (0.25 * referral)), 2)).Within(0.005), "a follower change rescores the profile");
    }
}
