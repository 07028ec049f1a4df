using System;
using Microsoft.Xrm.Sdk;
using W = Rapport.Engagement.Crm.Tests.EngagementWorld;

namespace Rapport.Engagement.Crm.Tests;

/// <summary>
/// Followers (a social profile, or an interaction in the period) vs the others, over 2026: spend from the gifts in the
/// CLV ledger within the period, CLV from the contact. Ann (profile): 100 + 50 in 2026 (her 999 of 2025 is outside),
/// CLV 1,000; Ben (interaction): 30, CLV 400; Cat: 20, CLV 200; Dan: nothing, CLV 0.
/// Followers: average spend (150 + 30) / 2 = 90, CLV 700; others: (20 + 0) / 2 = 10, CLV 100.
/// </summary>
public sealed class FollowerComparisonTests
{
    [Test]
    public void Followers_and_non_followers_average_spend_and_clv_over_the_period()
    {
        var world = new W();
        var ann = world.Contact("Ann");
        var ben = world.Contact("Ben");
        var cat = world.Contact("Cat");
        world.Contact("Dan");
        void Gift(EntityReference donor, decimal amount, DateTime day) =>
            world.Service.Create(new Entity("rapport_gift") { ["rapport_name"] = "Gift", ["rapport_donorid"] = donor, ["rapport_amount"] = new Money(amount), ["rapport_giftdate"] = day });
        Gift(ann, 100m, new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        Gift(ann, 50m, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        Gift(ann, 999m, new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        Gift(ben, 30m, new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc));
        Gift(cat, 20m, new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        foreach (var (who, clv) in new[] { (ann, 1000m), (ben, 400m), (cat, 200m) })
        {
            world.Service.Update(new Entity("contact", who.Id) { ["rapport_clv"] = new Money(clv) });
        }

        world.Profile(ann, W.Facebook, "ann");
        world.Interaction(ben, W.Like, new DateTime(2026, 5, 5, 0, 0, 0, DateTimeKind.Utc));
        world.Interaction(cat, W.Like, new DateTime(2025, 5, 5, 0, 0, 0, DateTimeKind.Utc));

        var result = (string)world.Call("rapport_CompareFollowers",
            ("From", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)), ("To", new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc)))["Result"]!;

        Assert.Multiple(() =>
        {
            Assert.That(result, Does.Contain("\"followers\":{\"customers\":2,\"totalSpend\":180,\"averageSpend\":90,\"averageClv\":700}"));
            Assert.That(result, Does.Contain("\"nonFollowers\":{\"customers\":2,\"totalSpend\":20,\"averageSpend\":10,\"averageClv\":100}"));
            Assert.That(result, Does.Contain("\"spendDifference\":80,\"spendRatio\":9,\"clvDifference\":600,\"clvRatio\":7"));
        });
    }
}
