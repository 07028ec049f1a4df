using System;
using System.Linq;
using System.Text.Json;
using Microsoft.Xrm.Sdk;
using W = Rapport.Engagement.Crm.Tests.EngagementWorld;

namespace Rapport.Engagement.Crm.Tests;

/// <summary>
/// Followers vs the others over 2026: spend from the gifts in the CLV ledger within the period, CLV and P(alive) from
/// the contact, repeat and retention rates from the ledger's gift days, group sizes, the minimum group size, bootstrap
/// intervals and the self-selection caveat.
/// </summary>
public sealed class FollowerComparisonTests
{
    private static readonly DateTime From = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = new(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Ann (profile): 100 + 50 in 2026 and 999 in 2025, CLV 1,000, P(alive) 0.9; Ben (interaction): 30, CLV 400;
    /// Cat: 20 in 2026 and 10 in 2025, CLV 200; Dan: nothing, CLV 0. Followers: average spend (150 + 30) / 2 = 90,
    /// CLV 700; others: (20 + 0) / 2 = 10, CLV 100. Repeat rate: followers 1 of 2 buyers (Ann has 3 gift days);
    /// others 1 of 1 (Cat). Retention: of those who gave in 2025, the share who gave again in 2026 — Ann 1/1, Cat 1/1.
    /// </summary>
    [Test]
    public void Followers_and_non_followers_average_spend_clv_and_loyalty_over_the_period()
    {
        var world = new W();
        var (ann, ben, cat, _) = FourContacts(world);

        var json = Compare(world, ("MinGroupSize", 2));
        var followers = json.GetProperty("followers");
        var others = json.GetProperty("nonFollowers");

        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("definition").GetString(), Is.EqualTo("social"));
            Assert.That(followers.GetProperty("customers").GetInt32(), Is.EqualTo(2));
            Assert.That(followers.GetProperty("averageSpend").GetDecimal(), Is.EqualTo(90m));
            Assert.That(followers.GetProperty("averageClv").GetDecimal(), Is.EqualTo(700m));
            Assert.That(others.GetProperty("averageSpend").GetDecimal(), Is.EqualTo(10m));
            Assert.That(json.GetProperty("spendRatio").GetDecimal(), Is.EqualTo(9m));
            Assert.That(json.GetProperty("clvRatio").GetDecimal(), Is.EqualTo(7m));
            Assert.That(followers.GetProperty("repeatRate").GetDouble(), Is.EqualTo(0.5));
            Assert.That(others.GetProperty("repeatRate").GetDouble(), Is.EqualTo(1.0));
            Assert.That(followers.GetProperty("retentionRate").GetDouble(), Is.EqualTo(1.0));
            Assert.That(followers.GetProperty("retentionBase").GetInt32(), Is.EqualTo(1));
            Assert.That(followers.GetProperty("meanPAlive").GetDouble(), Is.EqualTo(0.9));
            Assert.That(followers.GetProperty("scored").GetInt32(), Is.EqualTo(1));
            var interval = json.GetProperty("intervals").GetProperty("spendDifference");
            Assert.That(interval[0].GetDouble(), Is.LessThanOrEqualTo(80).And.GreaterThanOrEqualTo(0));
            Assert.That(interval[1].GetDouble(), Is.GreaterThanOrEqualTo(80));
            Assert.That(json.GetProperty("caveat").GetString(), Does.Contain("self-selection"));
        });
    }

    [Test]
    public void One_follower_against_many_shows_no_ratio_and_says_why()
    {
        var world = new W();
        var ann = world.Contact("Ann");
        world.Profile(ann, W.Facebook, "ann");
        for (var i = 0; i < 40; i++)
        {
            world.Contact("Other " + i);
        }

        var json = Compare(world);

        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("comparable").GetBoolean(), Is.False);
            Assert.That(json.GetProperty("minimumGroupSize").GetInt32(), Is.EqualTo(30));
            Assert.That(json.GetProperty("followers").GetProperty("customers").GetInt32(), Is.EqualTo(1));
            Assert.That(json.GetProperty("nonFollowers").GetProperty("customers").GetInt32(), Is.EqualTo(40));
            Assert.That(json.GetProperty("spendRatio").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(json.GetProperty("clvDifference").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(json.GetProperty("intervals").GetProperty("spendRatio").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(json.GetProperty("warnings")[0].GetString(), Is.EqualTo("Followers: only 1 customer; a comparison needs at least 30 in each group, so no difference, ratio or interval is shown."));
            Assert.That(json.GetProperty("caveat").GetString(), Does.StartWith("Customers choose to follow"));
        });
    }

    [Test]
    public void The_three_definitions_put_different_customers_in_the_group()
    {
        var world = new W();
        var (ann, ben, cat, dan) = FourContacts(world);
        world.Service.Create(new Entity("rapport_follow")
        {
            ["rapport_name"] = "Dan",
            ["rapport_followertable"] = "systemuser",
            ["rapport_followerid"] = ((Guid)world.Service.Execute(new OrganizationRequest("WhoAmI")).Results["UserId"]!).ToString(),
            ["rapport_regardingtable"] = "contact",
            ["rapport_regardingid"] = dan.Id.ToString(),
        });

        int Size(string definition) => Compare(world, ("Definition", definition), ("MinGroupSize", 1)).GetProperty("followers").GetProperty("customers").GetInt32();

        Assert.Multiple(() =>
        {
            Assert.That(Size("social"), Is.EqualTo(2), "Ann's profile, Ben's interaction");
            Assert.That(Size("engaged"), Is.EqualTo(1), "Ben's interaction in 2026 only");
            Assert.That(Size("follow"), Is.EqualTo(1), "Dan is followed in Rapport");
            Assert.That(Compare(world, ("Definition", "follow")).GetProperty("caveat").GetString(), Does.StartWith("Staff choose which customers to follow"));
        });
        Assert.That(() => Compare(world, ("Definition", "fans")), Throws.Exception.With.Message.Contains("Definition 'fans' is not known"));
    }

    private static (EntityReference Ann, EntityReference Ben, EntityReference Cat, EntityReference Dan) FourContacts(W world)
    {
        var ann = world.Contact("Ann");
        var ben = world.Contact("Ben");
        var cat = world.Contact("Cat");
        var dan = world.Contact("Dan");
        void Gift(EntityReference donor, decimal amount, DateTime day) =>
            world.Service.Create(new Entity("rapport_gift") { ["rapport_name"] = "Gift", ["rapport_donorid"] = donor, ["rapport_amount"] = new Money(amount), ["rapport_giftdate"] = day });
        Gift(ann, 100m, new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        Gift(ann, 50m, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        Gift(ann, 999m, new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        Gift(ben, 30m, new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc));
        Gift(cat, 20m, new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        Gift(cat, 10m, new DateTime(2025, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        foreach (var (who, clv) in new[] { (ann, 1000m), (ben, 400m), (cat, 200m) })
        {
            world.Service.Update(new Entity("contact", who.Id) { ["rapport_clv"] = new Money(clv) });
        }

        world.Service.Update(new Entity("contact", ann.Id) { ["rapport_palive"] = 0.9 });
        world.Profile(ann, W.Facebook, "ann");
        world.Interaction(ben, W.Like, new DateTime(2026, 5, 5, 0, 0, 0, DateTimeKind.Utc));
        world.Interaction(cat, W.Like, new DateTime(2025, 5, 5, 0, 0, 0, DateTimeKind.Utc));
        return (ann, ben, cat, dan);
    }

    private static JsonElement Compare(W world, params (string Name, object Value)[] extra)
    {
        var parameters = new[] { ("From", (object)From), ("To", (object)To) }.Concat(extra).ToArray();
        return JsonDocument.Parse((string)world.Call("rapport_CompareFollowers", parameters)["Result"]!).RootElement.Clone();
    }
}
