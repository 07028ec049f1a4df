using System;
using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Services.Engagement;
using W = Rapport.Engagement.Crm.Tests.EngagementWorld;

namespace Rapport.Engagement.Crm.Tests;

/// <summary>
/// Social ROI of a programme on a hand-computed example (period May 2026):
/// offer profit 3 redemptions × 20 = 60 (one redemption before the period is left out);
/// referral value: Eve 500 + Fay 300 (Eve referred twice counts once) = 800;
/// CLV lift, segment "High value": engaged Ann 1,000 and Ben 800 (avg 900) vs Cat 600 and Dan 400 (avg 500):
/// (900 − 500) × 2 = 800 (Eve and Fay, "Growing", have no engaged peer and are left out);
/// service savings: 4 service contacts on social networks × (12 − 2) = 40 (the email one does not count);
/// cost 500 + 700 = 1,200; gains 1,700; ROI = (1,700 − 1,200) / 1,200 = 0.41666….
/// </summary>
public sealed class RoiTests
{
    private static readonly DateTime From = new(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    [Test]
    public void Each_roi_part_matches_the_hand_computed_example()
    {
        var world = new W();
        var programme = new EntityReference(EngagementSchema.Programme, world.Service.Create(new Entity(EngagementSchema.Programme)
        {
            ["rapport_name"] = "Spring",
            ["rapport_marginperredemption"] = new Money(20m),
            ["rapport_traditionalcostpercontact"] = new Money(12m),
            ["rapport_socialcostpercontact"] = new Money(2m),
        }));
        foreach (var amount in new[] { 500m, 700m })
        {
            world.Service.Create(new Entity(EngagementSchema.CostItem) { ["rapport_name"] = "Cost", ["rapport_programmeid"] = programme, ["rapport_amount"] = new Money(amount) });
        }

        const int HighValue = 107850000, Growing = 107850001;
        var ann = world.Contact("Ann", 1000m, HighValue);
        var ben = world.Contact("Ben", 800m, HighValue);
        world.Contact("Cat", 600m, HighValue);
        world.Contact("Dan", 400m, HighValue);
        var eve = world.Contact("Eve", 500m, Growing);
        var fay = world.Contact("Fay", 300m, Growing);
        void Log(EntityReference who, int kind, int day, int channel = W.Facebook, Action<Entity>? with = null) =>
            world.Interaction(who, kind, From.AddDays(day), channel, r =>
            {
                r["rapport_programmeid"] = programme;
                with?.Invoke(r);
            });

        Log(ann, W.CouponRedemption, 1);
        Log(ann, W.CouponRedemption, 2);
        Log(ben, W.CouponRedemption, 3);
        world.Interaction(ben, W.CouponRedemption, From.AddDays(-1), with: r => r["rapport_programmeid"] = programme);
        Log(ann, W.Referral, 4, with: r => r["rapport_referredcustomerid"] = eve);
        Log(ben, W.Referral, 5, with: r => r["rapport_referredcustomerid"] = eve);
        Log(ben, W.Referral, 6, with: r => r["rapport_referredcustomerid"] = fay);
        for (var i = 0; i < 4; i++)
        {
            Log(ann, W.ServiceContact, 7 + i, i % 2 == 0 ? W.Facebook : W.Instagram);
        }

        Log(ben, W.ServiceContact, 12, W.Email);

        var response = world.Call("rapport_CalculateSocialRoi", ("ProgrammeId", programme.Id.ToString()), ("From", From), ("To", To));

        Assert.Multiple(() =>
        {
            Assert.That(response["OfferProfit"], Is.EqualTo(60m));
            Assert.That(response["ReferralValue"], Is.EqualTo(800m));
            Assert.That(response["ClvLift"], Is.EqualTo(800m));
            Assert.That(response["ServiceSavings"], Is.EqualTo(40m));
            Assert.That(response["TotalGains"], Is.EqualTo(1700m));
            Assert.That(response["Cost"], Is.EqualTo(1200m));
            Assert.That((decimal)response["Roi"]!, Is.EqualTo(500m / 1200m).Within(1e-9m));
            Assert.That(response["RoiDefined"], Is.True);
            Assert.That((string)response["Details"]!, Does.Contain("\"referredCustomers\":2").And.Contain("\"engagedCompared\":2").And.Contain("\"socialServiceContacts\":4"));
        });
    }

    [Test]
    public void Without_cost_items_roi_is_undefined_and_says_why()
    {
        var world = new W();
        var programme = world.Service.Create(new Entity(EngagementSchema.Programme) { ["rapport_name"] = "Free" });

        var response = world.Call("rapport_CalculateSocialRoi", ("ProgrammeId", programme.ToString()), ("From", From), ("To", To));

        Assert.Multiple(() =>
        {
            Assert.That(response["RoiDefined"], Is.False);
            Assert.That((string)response["Details"]!, Does.Contain("ROI is undefined because the programme cost is 0"));
        });
    }
}
