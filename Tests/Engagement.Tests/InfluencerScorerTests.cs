using Rapport.Domain.Engagement;

namespace Rapport.Engagement.Tests;

public sealed class InfluencerScorerTests
{
    /// <summary>Ceilings chosen so the logs are whole numbers: log10(10,000) = 4, log10(1,000) = 3, log10(100,000) = 5.</summary>
    private static readonly InfluencerConfig RoundCeilings = InfluencerConfig.Default with { FollowersCeiling = 9_999, AmplificationCeiling = 999, ReferredClvCeiling = 99_999 };

    [Test]
    public void Score_is_the_weighted_sum_of_log_scaled_reach_amplification_and_referral_value()
    {
        var score = InfluencerScorer.Score(new InfluencerInput(Followers: 99, SharesReceived: 6, MentionsReceived: 3, ReferredClv: 999m), RoundCeilings);

        // reach = log10(100) / 4 = 0.5; amplification = log10(1 + 6 + 3) / 3 = 1/3; referral = log10(1000) / 5 = 0.6
        // score = 100 × (0.4 × 0.5 + 0.35 × 1/3 + 0.25 × 0.6) = 100 × (0.2 + 0.116667 + 0.15) = 46.67
        Assert.That(score.Reach, Is.EqualTo(0.5).Within(1e-12));
        Assert.That(score.Amplification, Is.EqualTo(1.0 / 3).Within(1e-12));
        Assert.That(score.Referral, Is.EqualTo(0.6).Within(1e-12));
        Assert.That(score.Score, Is.EqualTo(46.67));
    }

    [Test]
    public void Nothing_scores_zero_and_everything_beyond_the_ceilings_scores_100()
    {
        Assert.That(InfluencerScorer.Score(new InfluencerInput(0, 0, 0, 0m)).Score, Is.EqualTo(0));
        Assert.That(InfluencerScorer.Score(new InfluencerInput(5_000_000, 4_000, 2_000, 1_000_000m)).Score, Is.EqualTo(100));
    }

    [Test]
    public void Followers_alone_cannot_reach_more_than_the_reach_weight()
    {
        var celebrity = InfluencerScorer.Score(new InfluencerInput(50_000_000, 0, 0, 0m));

        Assert.That(celebrity.Score, Is.EqualTo(40));
    }

    [Test]
    public void Negative_inputs_and_weights_that_do_not_add_up_are_refused()
    {
        var ex = Assert.Throws<EngagementException>(() => InfluencerScorer.Score(new InfluencerInput(-1, 0, 0, 0m)));
        Assert.That(ex!.Field, Is.EqualTo("Followers"));
        Assert.That(ex.Message, Is.EqualTo("Followers -1 is negative; it must be zero or more."));

        Assert.That(
            () => InfluencerScorer.Score(new InfluencerInput(1, 1, 1, -5m)),
            Throws.TypeOf<EngagementException>().With.Message.EqualTo("ReferredClv -5 is negative; the referred customers' CLV must be zero or more."));
        Assert.That(
            () => InfluencerScorer.Score(new InfluencerInput(1, 1, 1, 1m), InfluencerConfig.Default with { ReachWeight = 0.5 }),
            Throws.TypeOf<EngagementException>().With.Message.EqualTo("ReachWeight, AmplificationWeight and ReferralWeight must add up to 1."));
    }
}
