using System;
using System.Collections.Generic;
using Rapport.Domain.Engagement;

namespace Rapport.Engagement.Tests;

public sealed class SocialRoiCalculatorTests
{
    private static readonly DateTime From = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime InPeriod = new DateTime(2026, 3, 15, 10, 0, 0, DateTimeKind.Utc);

    private static readonly Guid R1 = new Guid("10000000-0000-0000-0000-0000000000a1");
    private static readonly Guid R2 = new Guid("10000000-0000-0000-0000-0000000000a2");
    private static readonly Guid R3 = new Guid("10000000-0000-0000-0000-0000000000a3");

    private static Interaction Redemption(decimal? value, DateTime on) => Ids.Of(Ids.Ana, InteractionKind.CouponRedemption, on) with { MonetaryValue = value };

    private static Interaction Referral(Guid by, Guid referred) => Ids.Of(by, InteractionKind.Referral, InPeriod) with { ReferredCustomerId = referred };

    private static Interaction Service(Channel channel) => Ids.Of(Ids.Cara, InteractionKind.ServiceContact, InPeriod, channel);

    private static RoiCustomer Customer(decimal clv, bool engaged, string bucket) => new RoiCustomer(Guid.NewGuid(), clv, engaged, bucket);

    private static RoiInput Example() => new RoiInput(From, To)
    {
        Interactions = new[]
        {
            Redemption(100m, InPeriod),
            Redemption(60m, InPeriod.AddDays(1)),
            Redemption(null, InPeriod.AddDays(2)),
            Redemption(1000m, From.AddDays(-1)), // before the period: ignored
            Referral(Ids.Ana, R1),
            Referral(Ids.Ben, R2),
            Referral(Ids.Cara, R1), // R1 referred twice: counted once
            Referral(Ids.Dan, R3), // no CLV known for R3
            Service(Channel.Facebook),
            Service(Channel.Facebook),
            Service(Channel.X),
            Service(Channel.Instagram),
            Service(Channel.Email), // not social
        },
        MarginRate = 0.25m,
        ReferredCustomerClv = new Dictionary<Guid, decimal> { [R1] = 500m, [R2] = 300m },
        Customers = new[]
        {
            Customer(1000m, true, "gold"), Customer(800m, true, "gold"),
            Customer(600m, false, "gold"), Customer(400m, false, "Gold "), Customer(500m, false, "gold"),
            Customer(300m, true, "silver"), Customer(200m, false, "silver"), Customer(100m, false, "silver"),
            Customer(50m, true, "bronze"), // no non-engaged bronze customer to compare with
        },
        TraditionalCostPerContact = 8m,
        SocialCostPerContact = 3m,
        CostItems = new[] { new CostItem("Content", 500m), new CostItem("Ads", 700m), new CostItem("Listening tool", 200m) },
    };

    [Test]
    public void Offer_profit_is_redemption_values_times_the_margin_rate()
    {
        var result = SocialRoiCalculator.Calculate(Example());

        // (100 + 60 + nothing for the redemption without a value) × 0.25 = 40
        Assert.That(result.OfferProfit, Is.EqualTo(40m));
        Assert.That(result.Counts.Redemptions, Is.EqualTo(3));
        Assert.That(result.Counts.RedemptionsWithoutValue, Is.EqualTo(1));
    }

    [Test]
    public void Offer_profit_is_redemptions_times_the_margin_when_a_margin_per_redemption_is_given()
    {
        var result = SocialRoiCalculator.Calculate(Example() with { MarginPerRedemption = 12m });

        // 3 redemptions in the period × 12 = 36
        Assert.That(result.OfferProfit, Is.EqualTo(36m));
    }

    [Test]
    public void Referral_value_is_the_clv_of_each_referred_customer_once()
    {
        var result = SocialRoiCalculator.Calculate(Example());

        // R1 500 + R2 300 = 800 (R1's second referral not counted again; R3 has no CLV)
        Assert.That(result.ReferralValue, Is.EqualTo(800m));
        Assert.That(result.Counts.Referrals, Is.EqualTo(4));
        Assert.That(result.Counts.ReferredCustomers, Is.EqualTo(3));
        Assert.That(result.Counts.ReferredCustomersWithoutClv, Is.EqualTo(1));
    }

    [Test]
    public void Clv_lift_compares_engaged_and_non_engaged_customers_within_each_bucket()
    {
        var result = SocialRoiCalculator.Calculate(Example());

        // gold: engaged avg (1000 + 800) / 2 = 900, others (600 + 400 + 500) / 3 = 500 → (900 − 500) × 2 = 800
        // silver: engaged avg 300, others (200 + 100) / 2 = 150 → 150 × 1 = 150; bronze has no comparison → left out
        Assert.That(result.ClvLift, Is.EqualTo(950m));
        Assert.That(result.Counts.BucketsCompared, Is.EqualTo(2));
        Assert.That(result.Counts.EngagedCompared, Is.EqualTo(3));
        Assert.That(result.Counts.NonEngagedCompared, Is.EqualTo(5));
        Assert.That(result.Counts.CustomersInBucketsWithoutComparison, Is.EqualTo(1));
    }

    [Test]
    public void Clv_lift_can_be_negative()
    {
        var input = Example() with { Customers = new[] { Customer(100m, true, "a"), Customer(400m, false, "a") } };

        // (100 − 400) × 1 = −300
        Assert.That(SocialRoiCalculator.Calculate(input).ClvLift, Is.EqualTo(-300m));
    }

    [Test]
    public void Service_savings_count_social_contacts_only()
    {
        var result = SocialRoiCalculator.Calculate(Example());

        // 4 contacts on facebook, x, instagram × (8 − 3) = 20; the email contact is not social
        Assert.That(result.ServiceSavings, Is.EqualTo(20m));
        Assert.That(result.Counts.SocialServiceContacts, Is.EqualTo(4));
    }

    [Test]
    public void Roi_is_gains_minus_cost_over_cost()
    {
        var result = SocialRoiCalculator.Calculate(Example());

        // gains = 40 + 800 + 950 + 20 = 1810; cost = 500 + 700 + 200 = 1400; ROI = (1810 − 1400) / 1400 = 0.292857…
        Assert.That(result.TotalGains, Is.EqualTo(1810m));
        Assert.That(result.Cost, Is.EqualTo(1400m));
        Assert.That(result.Roi, Is.EqualTo(410m / 1400m));
        Assert.That(result.Roi!.Value, Is.EqualTo(0.2929m).Within(0.0001m));
        Assert.That(result.RoiUndefinedReason, Is.Null);
        Assert.That(result.Counts.CostItems, Is.EqualTo(3));
    }

    [Test]
    public void Zero_cost_leaves_roi_undefined_with_a_reason()
    {
        var result = SocialRoiCalculator.Calculate(Example() with { CostItems = Array.Empty<CostItem>() });

        Assert.That(result.Roi, Is.Null);
        Assert.That(result.RoiUndefinedReason, Is.EqualTo("ROI is undefined because the programme cost is 0: add the programme's cost items."));
        Assert.That(result.TotalGains, Is.EqualTo(1810m), "the gains are still reported");
    }

    [Test]
    public void Negative_cost_is_refused_with_the_item_named()
    {
        var input = Example() with { CostItems = new[] { new CostItem("Ads", 700m), new CostItem("Refund", -50m) } };

        var ex = Assert.Throws<EngagementException>(() => SocialRoiCalculator.Calculate(input));

        Assert.That(ex!.Field, Is.EqualTo("CostItems[1].Amount"));
        Assert.That(ex.Message, Is.EqualTo("CostItems[1].Amount -50 ('Refund') is negative; a cost must be zero or more (record income as a gain, not as a negative cost)."));
    }

    [Test]
    public void Other_bad_inputs_are_refused_with_the_field_named()
    {
        Assert.That(() => SocialRoiCalculator.Calculate(Example() with { MarginRate = 25m }), Throws.TypeOf<EngagementException>().With.Message.EqualTo("MarginRate 25 is out of range; use a fraction from 0 to 1 (0.25 for 25 %)."));
        Assert.That(() => SocialRoiCalculator.Calculate(new RoiInput(To, From)), Throws.TypeOf<EngagementException>().With.Message.EqualTo("To 2026-01-01T00:00:00 is not after From 2026-07-01T00:00:00; the period must not be empty."));
        Assert.That(() => SocialRoiCalculator.Calculate(Example() with { SocialCostPerContact = -1m }), Throws.TypeOf<EngagementException>().With.Message.StartsWith("SocialCostPerContact -1 is negative"));
        Assert.That(() => SocialRoiCalculator.Calculate(Example() with { ReferredCustomerClv = new Dictionary<Guid, decimal> { [R1] = -10m } }), Throws.TypeOf<EngagementException>().With.Message.Contains("a CLV must be zero or more"));
        Assert.That(() => SocialRoiCalculator.Calculate(Example() with { Interactions = new[] { Redemption(-5m, InPeriod) } }), Throws.TypeOf<EngagementException>().With.Message.StartsWith("MonetaryValue -5 of interaction"));
    }
}
