using System.Linq;
using Rapport.Domain.Engagement;

namespace Rapport.Engagement.Tests;

public sealed class EngagementScoringConfigJsonTests
{
    [Test]
    public void An_edited_configuration_survives_a_round_trip()
    {
        var edited = EngagementScoringConfig.Default with
        {
            HalfLifeDays = 45.5,
            SentimentStrength = 0,
            Weights = EngagementWeights.Default.With(InteractionKind.Share, 2.5, 4),
        };

        var reloaded = EngagementScoringConfigJson.FromJson(EngagementScoringConfigJson.ToJson(edited));

        Assert.That(reloaded.HalfLifeDays, Is.EqualTo(45.5));
        Assert.That(reloaded.SentimentStrength, Is.EqualTo(0));
        Assert.That(reloaded.HorizonDays, Is.EqualTo(730));
        Assert.That(InteractionKinds.All.Select(k => reloaded.Weights.Weight(k)), Is.EqualTo(InteractionKinds.All.Select(k => edited.Weights.Weight(k))));
        Assert.That(InteractionKinds.All.Select(k => reloaded.Weights.DailyCap(k)), Is.EqualTo(InteractionKinds.All.Select(k => edited.Weights.DailyCap(k))));
    }

    [Test]
    public void Left_out_settings_keep_their_defaults()
    {
        var config = EngagementScoringConfigJson.FromJson("{\"halfLifeDays\":60,\"kinds\":{\"Coupon Redemption\":{\"weight\":8}}}");

        Assert.That(config.HalfLifeDays, Is.EqualTo(60));
        Assert.That(config.Weights.Weight(InteractionKind.CouponRedemption), Is.EqualTo(8));
        Assert.That(config.Weights.DailyCap(InteractionKind.CouponRedemption), Is.EqualTo(5));
        Assert.That(config.Weights.Weight(InteractionKind.Like), Is.EqualTo(1));
    }

    [Test]
    public void Bad_settings_are_refused_with_the_property_named()
    {
        Assert.That(() => EngagementScoringConfigJson.FromJson("{\"kinds\":{\"poke\":{\"weight\":1}}}"), Throws.TypeOf<EngagementException>().With.Message.StartsWith("kinds 'poke' is not a known interaction kind; use one of: like,"));
        Assert.That(() => EngagementScoringConfigJson.FromJson("{\"kinds\":{\"like\":{\"weight\":\"high\"}}}"), Throws.TypeOf<EngagementException>().With.Message.EqualTo("kinds.like.weight must be a number."));
        Assert.That(() => EngagementScoringConfigJson.FromJson("{\"kinds\":{\"like\":{\"dailyCap\":2.5}}}"), Throws.TypeOf<EngagementException>().With.Message.EqualTo("kinds.like.dailyCap must be a whole number."));
        Assert.That(() => EngagementScoringConfigJson.FromJson("{\"halfLifeDays\":-3}"), Throws.TypeOf<EngagementException>().With.Message.EqualTo("HalfLifeDays is -3; the half-life must be a positive number of days."));
        Assert.That(() => EngagementScoringConfigJson.FromJson("[1]"), Throws.TypeOf<EngagementException>().With.Message.EqualTo("The engagement scoring configuration must be a JSON object."));
    }
}
