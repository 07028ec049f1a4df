using System;
using System.Linq;
using Rapport.Domain.Clv;
using Rapport.Domain.Engagement;

namespace Rapport.Engagement.Tests;

public sealed class LevelEvaluatorTests
{
    private static readonly LevelLadder Giving = new LevelLadder("Giving", LevelField.GivingTotal, new[]
    {
        new LevelDefinition("bronze", "Bronze", 0m, 100m)
        {
            FollowUpTasks = new[] { new EngagementPlanTaskTemplate("Send a re-engagement email", 7, TaskPriority.Low) },
        },
        new LevelDefinition("silver", "Silver", 100m, 1000m),
        new LevelDefinition("gold", "Gold", 1000m, null)
        {
            FollowUpTasks = new[]
            {
                new EngagementPlanTaskTemplate("Thank-you call", 3, TaskPriority.High),
                new EngagementPlanTaskTemplate("Invite to the donor evening", 14),
            },
        },
    });

    private static readonly LevelLadder ClvTiers = new LevelLadder("CLV tiers", LevelField.Clv, new[]
    {
        new LevelDefinition("standard", "Standard", 0m, null),
        new LevelDefinition("local-vip", "Local VIP", 5000m, null)
        {
            Conditions = new[] { LevelCondition.In(LevelField.Country, "FR", "BE"), LevelCondition.AtMost(LevelField.DaysSinceLastGift, 365m) },
        },
    });

    [Test]
    public void Moving_up_returns_the_previous_level_a_history_entry_and_tasks_with_due_dates()
    {
        var result = LevelEvaluator.Evaluate(Giving, new LevelCustomer { GivingTotal = 1500m, GivingCount = 4 }, "silver", Ids.Now);

        Assert.That(result.NewLevel!.Id, Is.EqualTo("gold"));
        Assert.That(result.PreviousLevelId, Is.EqualTo("silver"));
        Assert.That(result.Move, Is.EqualTo(LevelMove.Up));
        Assert.That(result.History, Is.EqualTo(new LevelHistoryEntry("Giving", "silver", "gold", LevelMove.Up, Ids.Now)));
        Assert.That(result.Tasks, Is.EqualTo(new[]
        {
            new EngagementPlanTask("Thank-you call", new DateTime(2026, 11, 28), TaskPriority.High, "gold"),
            new EngagementPlanTask("Invite to the donor evening", new DateTime(2026, 12, 9), TaskPriority.Normal, "gold"),
        }));
    }

    [Test]
    public void Staying_on_the_same_level_is_no_move_and_creates_nothing()
    {
        var result = LevelEvaluator.Evaluate(Giving, new LevelCustomer { GivingTotal = 2000m }, "gold", Ids.Now);

        Assert.That(result.Move, Is.EqualTo(LevelMove.None));
        Assert.That(result.Moved, Is.False);
        Assert.That(result.History, Is.Null);
        Assert.That(result.Tasks, Is.Empty);
    }

    [Test]
    public void Moving_down_creates_the_lower_levels_tasks()
    {
        var result = LevelEvaluator.Evaluate(Giving, new LevelCustomer { GivingTotal = 99.99m }, "silver", Ids.Now);

        Assert.That(result.NewLevel!.Id, Is.EqualTo("bronze"), "Max is exclusive: 99.99 < 100");
        Assert.That(result.Move, Is.EqualTo(LevelMove.Down));
        Assert.That(result.Tasks.Single(), Is.EqualTo(new EngagementPlanTask("Send a re-engagement email", new DateTime(2026, 12, 2), TaskPriority.Low, "bronze")));
    }

    [Test]
    public void Min_is_inclusive()
    {
        Assert.That(LevelEvaluator.Evaluate(Giving, new LevelCustomer { GivingTotal = 100m }, null, Ids.Now).NewLevel!.Id, Is.EqualTo("silver"));
    }

    [Test]
    public void Extra_conditions_pick_the_higher_level_only_when_they_all_hold()
    {
        var recentGift = Ids.Now.AddDays(-30);
        var french = new LevelCustomer { Clv = 6000m, Country = " fr ", LastGiftDate = recentGift };

        Assert.That(LevelEvaluator.Evaluate(ClvTiers, french, "standard", Ids.Now).NewLevel!.Id, Is.EqualTo("local-vip"));
        Assert.That(LevelEvaluator.Evaluate(ClvTiers, french with { Country = "DE" }, "standard", Ids.Now).NewLevel!.Id, Is.EqualTo("standard"));
        Assert.That(LevelEvaluator.Evaluate(ClvTiers, french with { LastGiftDate = Ids.Now.AddDays(-400) }, "standard", Ids.Now).NewLevel!.Id, Is.EqualTo("standard"));
        Assert.That(LevelEvaluator.Evaluate(ClvTiers, french with { Clv = 4999m }, "local-vip", Ids.Now).Move, Is.EqualTo(LevelMove.Down));
    }

    [Test]
    public void Lybunt_and_sybunt_flags_can_gate_a_level()
    {
        var ladder = new LevelLadder("Win-back", LevelField.GivingTotal, new[]
        {
            new LevelDefinition("lapsing", "Lapsing major donor", 500m, null) { Conditions = new[] { LevelCondition.IsTrue(LevelField.Lybunt) } },
        });

        Assert.That(LevelEvaluator.Evaluate(ladder, new LevelCustomer { GivingTotal = 800m, Lybunt = true }, null, Ids.Now).Move, Is.EqualTo(LevelMove.Up));
        Assert.That(LevelEvaluator.Evaluate(ladder, new LevelCustomer { GivingTotal = 800m, Lybunt = false }, null, Ids.Now).NewLevel, Is.Null);
    }

    [Test]
    public void Unknown_source_value_removes_the_level_and_a_stale_previous_level_counts_as_none()
    {
        var lost = LevelEvaluator.Evaluate(ClvTiers, new LevelCustomer { Clv = null }, "standard", Ids.Now);
        Assert.That(lost.NewLevel, Is.Null);
        Assert.That(lost.Move, Is.EqualTo(LevelMove.Down));
        Assert.That(lost.History, Is.EqualTo(new LevelHistoryEntry("CLV tiers", "standard", null, LevelMove.Down, Ids.Now)));
        Assert.That(lost.Tasks, Is.Empty);

        var fromDeletedLevel = LevelEvaluator.Evaluate(Giving, new LevelCustomer { GivingTotal = 150m }, "platinum-retired", Ids.Now);
        Assert.That(fromDeletedLevel.Move, Is.EqualTo(LevelMove.Up));
        Assert.That(fromDeletedLevel.History!.FromLevelId, Is.Null);
    }

    [Test]
    public void A_donor_rollup_feeds_the_giving_ladder()
    {
        var rollup = new DonorRollup("d-1", 1200, 3, new DateTime(2024, 3, 1), new DateTime(2025, 6, 1), 600, 2025, 900, 2, Lybunt: true, Sybunt: false);

        var customer = LevelCustomer.FromDonorRollup(rollup) with { Country = "FR" };
        var result = LevelEvaluator.Evaluate(Giving, customer, "silver", Ids.Now);

        Assert.That(customer.GivingCount, Is.EqualTo(3));
        Assert.That(customer.Lybunt, Is.True);
        Assert.That(result.NewLevel!.Id, Is.EqualTo("gold"));
    }

    [Test]
    public void Engagement_score_ladders_read_the_score()
    {
        var ladder = new LevelLadder("Engagement", LevelField.EngagementScore, new[] { new LevelDefinition("warm", "Warm", 40m, 70m), new LevelDefinition("hot", "Hot", 70m, null) });

        Assert.That(LevelEvaluator.Evaluate(ladder, new LevelCustomer { EngagementScore = 72.5 }, "warm", Ids.Now).NewLevel!.Name, Is.EqualTo("Hot"));
    }

    [Test]
    public void Bad_ladders_are_refused_with_the_level_named()
    {
        Assert.That(
            () => new LevelLadder("L", LevelField.GivingTotal, new[] { new LevelDefinition("a", "A", 100m, 100m) }),
            Throws.TypeOf<EngagementException>().With.Message.EqualTo("Levels[0].Min 100 is not below Max 100 for level 'A'."));
        Assert.That(
            () => new LevelLadder("L", LevelField.GivingTotal, new[] { new LevelDefinition("a", "A", 0m, 1m), new LevelDefinition("A", "B", 1m, 2m) }),
            Throws.TypeOf<EngagementException>().With.Message.EqualTo("Levels[1].Id 'A' is used twice in ladder 'L'."));
        Assert.That(
            () => new LevelLadder("L", LevelField.Country, new[] { new LevelDefinition("a", "A", 0m, 1m) }),
            Throws.TypeOf<EngagementException>().With.Message.StartsWith("Source Country cannot carry a ladder"));
        Assert.That(
            () => new LevelLadder("L", LevelField.Clv, new[] { new LevelDefinition("a", "A", 0m, null) { Conditions = new[] { LevelCondition.AtLeast(LevelField.Country, 1m) } } }),
            Throws.TypeOf<EngagementException>().With.Message.StartsWith("Levels[0].Conditions[0]: AtLeast cannot be used on Country"));
        Assert.That(
            () => new LevelLadder("L", LevelField.Clv, new[] { new LevelDefinition("a", "A", 0m, null) { FollowUpTasks = new[] { new EngagementPlanTaskTemplate("Call", -2) } } }),
            Throws.TypeOf<EngagementException>().With.Message.EqualTo("Levels[0].FollowUpTasks[0].DaysUntilDue is -2; a task cannot be due before the level is reached."));
    }
}
