using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Domain.Engagement;

namespace Rapport.Engagement.Tests;

public sealed class EngagementScorerTests
{
    /// <summary>A reference of 99 points: ln(1 + 99) = 2 ln 10, so 9 raw points (ln 10) score exactly 50.</summary>
    private static readonly EngagementBaseReference P99Of99 = new EngagementBaseReference(99, 1000, 240);

    private static IEnumerable<Interaction> Likes(int count, DateTime on) => Enumerable.Range(0, count).Select(i => Ids.Like(Ids.Ana, on.AddSeconds(i)) with { ExternalId = "like-" + i });

    [Test]
    public void A_like_90_days_old_is_worth_half_with_a_90_day_half_life()
    {
        var old = EngagementScorer.ScoreCustomer(new[] { Ids.Like(Ids.Ana, Ids.Now.AddDays(-90)) }, Ids.Now, null, P99Of99);
        var fresh = EngagementScorer.ScoreCustomer(new[] { Ids.Like(Ids.Ana, Ids.Now) }, Ids.Now, null, P99Of99);

        Assert.That(fresh.RawPoints, Is.EqualTo(1.0).Within(1e-12));
        Assert.That(old.RawPoints, Is.EqualTo(0.5).Within(1e-12));
        Assert.That(old.Components.Single().RawPoints, Is.EqualTo(1.0), "undecayed points stay visible");
        Assert.That(EngagementScorer.Decay(180, 90), Is.EqualTo(0.25).Within(1e-12));
    }

    [Test]
    public void Half_life_is_configurable()
    {
        var config = EngagementScoringConfig.Default with { HalfLifeDays = 30 };

        var score = EngagementScorer.ScoreCustomer(new[] { Ids.Like(Ids.Ana, Ids.Now.AddDays(-60)) }, Ids.Now, config, P99Of99);

        Assert.That(score.RawPoints, Is.EqualTo(0.25).Within(1e-12));
    }

    [Test]
    public void Fifty_likes_in_one_day_count_as_the_daily_cap()
    {
        var burst = Likes(50, Ids.Now.Date.AddHours(1));

        var score = EngagementScorer.ScoreCustomer(burst, Ids.Now, null, P99Of99);

        var likes = score.Components.Single();
        Assert.That(likes.Interactions, Is.EqualTo(50));
        Assert.That(likes.Counted, Is.EqualTo(20), "default like cap is 20 a day");
        Assert.That(likes.Capped, Is.EqualTo(30));
        Assert.That(likes.RawPoints, Is.EqualTo(20));
    }

    [Test]
    public void The_cap_applies_per_day_and_per_kind()
    {
        var yesterday = Ids.Now.Date.AddDays(-1).AddHours(9);
        var interactions = Likes(25, yesterday).Concat(Likes(25, Ids.Now.Date.AddHours(8)))
            .Concat(Enumerable.Range(0, 4).Select(i => Ids.Of(Ids.Ana, InteractionKind.Share, Ids.Now.AddHours(-1))));
        var config = EngagementScoringConfig.Default with { Weights = EngagementWeights.Default.With(InteractionKind.Share, 3, 2) };

        var score = EngagementScorer.ScoreCustomer(interactions, Ids.Now, config, P99Of99);

        Assert.That(score.Components.Single(c => c.Kind == InteractionKind.Like).Counted, Is.EqualTo(40));
        Assert.That(score.Components.Single(c => c.Kind == InteractionKind.Share).Counted, Is.EqualTo(2));
        Assert.That(score.Components.Single(c => c.Kind == InteractionKind.Share).RawPoints, Is.EqualTo(6));
    }

    [Test]
    public void Sentiment_raises_or_lowers_points_and_can_be_turned_off()
    {
        var comments = new[]
        {
            Ids.Of(Ids.Ana, InteractionKind.Comment, Ids.Now) with { Sentiment = 1 },
            Ids.Of(Ids.Ana, InteractionKind.Comment, Ids.Now) with { Sentiment = -1 },
            Ids.Of(Ids.Ana, InteractionKind.Comment, Ids.Now),
        };

        var positiveOnly = EngagementScorer.ScoreCustomer(new[] { comments[0] }, Ids.Now, null, P99Of99);
        var negativeOnly = EngagementScorer.ScoreCustomer(new[] { comments[1] }, Ids.Now, null, P99Of99);
        var noSentiment = EngagementScorer.ScoreCustomer(new[] { comments[2] }, Ids.Now, null, P99Of99);
        var turnedOff = EngagementScorer.ScoreCustomer(new[] { comments[0] }, Ids.Now, EngagementScoringConfig.Default with { SentimentStrength = 0 }, P99Of99);

        // comment weight 3 × (1 + 0.5 × sentiment): positive 4.5, negative 1.5, none 3; strength 0 → 3
        Assert.That(positiveOnly.RawPoints, Is.EqualTo(4.5).Within(1e-12));
        Assert.That(negativeOnly.RawPoints, Is.EqualTo(1.5).Within(1e-12));
        Assert.That(noSentiment.RawPoints, Is.EqualTo(3).Within(1e-12));
        Assert.That(turnedOff.RawPoints, Is.EqualTo(3).Within(1e-12));
    }

    [Test]
    public void Score_is_log_scaled_against_the_stored_99th_percentile()
    {
        var nineLikes = Likes(9, Ids.Now.AddHours(-1)).Select(l => l with { OccurredOn = Ids.Now });

        var half = EngagementScorer.ScoreCustomer(nineLikes, Ids.Now, null, P99Of99);

        // 100 × ln(1 + 9) / ln(1 + 99) = 100 × ln 10 / (2 ln 10) = 50
        Assert.That(half.Score, Is.EqualTo(50));
        Assert.That(half.ReferencePoints, Is.EqualTo(99));
        Assert.That(EngagementScorer.Normalise(99, 99), Is.EqualTo(100));
        Assert.That(EngagementScorer.Normalise(500, 99), Is.EqualTo(100), "above the 99th percentile is capped");
        Assert.That(EngagementScorer.Normalise(0, 99), Is.EqualTo(0));
        Assert.That(EngagementScorer.Normalise(3, 99), Is.EqualTo(30.10), "100 × ln 4 / ln 100 = 30.103");
    }

    [Test]
    public void Rescoring_one_customer_uses_only_the_stored_reference()
    {
        var likes = Likes(9, Ids.Now).Select(l => l with { OccurredOn = Ids.Now }).ToList();

        var againstBigBase = EngagementScorer.ScoreCustomer(likes, Ids.Now, null, P99Of99);
        var againstSmallBase = EngagementScorer.ScoreCustomer(likes, Ids.Now, null, new EngagementBaseReference(9, 10, 9));

        Assert.That(againstBigBase.Score, Is.EqualTo(50));
        Assert.That(againstSmallBase.Score, Is.EqualTo(100));
    }

    [Test]
    public void Base_reference_is_the_interpolated_99th_percentile_of_raw_points()
    {
        var raw = Enumerable.Range(1, 100).Select(i => (double)i).Reverse();

        var reference = EngagementScorer.BaseReference(raw);

        // position 0.99 × (100 − 1) = 98.01 → 99 + 0.01 × (100 − 99) = 99.01
        Assert.That(reference.Percentile99RawPoints, Is.EqualTo(99.01).Within(1e-9));
        Assert.That(reference.Customers, Is.EqualTo(100));
        Assert.That(reference.MaxRawPoints, Is.EqualTo(100));
    }

    [Test]
    public void Without_a_measured_base_the_fallback_reference_applies()
    {
        var empty = EngagementScorer.BaseReference(Array.Empty<double>());
        var fiftyPoints = Enumerable.Range(0, 10).Select(i => Ids.Of(Ids.Ana, InteractionKind.Referral, Ids.Now) with { ReferredCustomerId = Ids.Ben, ExternalId = "r" + i }).Take(5);

        var score = EngagementScorer.ScoreCustomer(fiftyPoints, Ids.Now, null, empty);

        Assert.That(empty.Percentile99RawPoints, Is.EqualTo(0));
        Assert.That(score.ReferencePoints, Is.EqualTo(50));
        Assert.That(score.RawPoints, Is.EqualTo(50), "5 referrals × 10 points");
        Assert.That(score.Score, Is.EqualTo(100));
    }

    [Test]
    public void Components_explain_the_score_and_add_up_to_it()
    {
        var interactions = Likes(10, Ids.Now.AddDays(-2))
            .Concat(new[]
            {
                Ids.Of(Ids.Ana, InteractionKind.Share, Ids.Now.AddDays(-1)),
                Ids.Of(Ids.Ana, InteractionKind.Review, Ids.Now.AddDays(-30)) with { Rating = 5 },
                Ids.Of(Ids.Ana, InteractionKind.Click, Ids.Now.AddDays(-400)),
            });

        var score = EngagementScorer.ScoreCustomer(interactions, Ids.Now, null, P99Of99);

        Assert.That(score.Components.Sum(c => c.Points), Is.EqualTo(score.Score).Within(1e-9));
        Assert.That(score.Components.Sum(c => c.Share), Is.EqualTo(1).Within(1e-12));
        Assert.That(score.Components.Sum(c => c.DecayedPoints), Is.EqualTo(score.RawPoints).Within(1e-12));
        Assert.That(score.Components.Select(c => c.Kind), Is.EqualTo(new[] { InteractionKind.Like, InteractionKind.Review, InteractionKind.Share, InteractionKind.Click }), "largest decayed points first");
        Assert.That(score.TopComponents(2).Select(c => c.Kind), Is.EqualTo(new[] { InteractionKind.Like, InteractionKind.Review }));
        Assert.That(score.Score, Is.GreaterThan(0).And.LessThan(100));
    }

    [Test]
    public void Interactions_beyond_the_horizon_are_ignored()
    {
        var score = EngagementScorer.ScoreCustomer(new[] { Ids.Like(Ids.Ana, Ids.Now.AddDays(-731)) }, Ids.Now, null, P99Of99);

        Assert.That(score.Components, Is.Empty);
        Assert.That(score.Score, Is.EqualTo(0));
        Assert.That(score.TopComponents(3), Is.Empty);
    }

    [Test]
    public void Interactions_of_several_customers_are_refused()
    {
        var ex = Assert.Throws<EngagementException>(() => EngagementScorer.ScoreCustomer(new[] { Ids.Like(Ids.Ana, Ids.Now), Ids.Like(Ids.Ben, Ids.Now) }, Ids.Now));

        Assert.That(ex!.Message, Is.EqualTo("CustomerId differs between the interactions; a score is computed for one customer at a time."));
    }

    [Test]
    public void Bad_configuration_is_refused_with_the_setting_named()
    {
        var zeroHalfLife = Assert.Throws<EngagementException>(() => EngagementScorer.ScoreCustomer(Array.Empty<Interaction>(), Ids.Now, EngagementScoringConfig.Default with { HalfLifeDays = 0 }));
        var negativeWeight = Assert.Throws<EngagementException>(() => EngagementWeights.Default.With(InteractionKind.Like, -1, 20));
        var zeroCap = Assert.Throws<EngagementException>(() => EngagementWeights.Default.With(InteractionKind.Like, 1, 0));

        Assert.That(zeroHalfLife!.Message, Is.EqualTo("HalfLifeDays is 0; the half-life must be a positive number of days."));
        Assert.That(negativeWeight!.Message, Is.EqualTo("Weight for like is -1; a weight must be a finite number of zero or more."));
        Assert.That(zeroCap!.Message, Is.EqualTo("DailyCap for like is 0; at least one interaction per day must count."));
        Assert.That(() => EngagementScorer.BaseReference(new[] { 1.0, -2.0 }), Throws.TypeOf<EngagementException>().With.Message.EqualTo("rawScores must all be finite numbers of zero or more."));
    }
}
