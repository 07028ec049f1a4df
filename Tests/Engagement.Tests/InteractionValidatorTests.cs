using System;
using System.Linq;
using Rapport.Domain.Engagement;

namespace Rapport.Engagement.Tests;

public sealed class InteractionValidatorTests
{
    private static string[] Messages(Interaction i) => InteractionValidator.Check(i, Ids.Now).Select(p => p.Message).ToArray();

    [Test]
    public void A_complete_review_has_no_problem()
    {
        var review = Ids.Of(Ids.Ana, InteractionKind.Review, Ids.Now.AddDays(-1)) with { Rating = 5, Sentiment = 0.8, MonetaryValue = 0 };

        Assert.That(InteractionValidator.Check(review, Ids.Now), Is.Empty);
    }

    [Test]
    public void Unknown_kind_text_names_the_field_and_lists_the_kinds()
    {
        var ex = Assert.Throws<EngagementException>(() => InteractionKinds.Parse("poke"));

        Assert.That(ex!.Field, Is.EqualTo("Kind"));
        Assert.That(ex.Message, Is.EqualTo("Kind 'poke' is not a known interaction kind; use one of: like, share, comment, mention, review, referral, click, coupon_redemption, service_contact."));
    }

    [Test]
    public void Unknown_channel_text_names_the_field_and_lists_the_channels()
    {
        var ex = Assert.Throws<EngagementException>(() => Channels.Parse("myspace"));

        Assert.That(ex!.Field, Is.EqualTo("Channel"));
        Assert.That(ex.Message, Is.EqualTo("Channel 'myspace' is not a known channel; use one of: facebook, instagram, x, linkedin, youtube, tiktok, email, web, other."));
    }

    [Test]
    public void Kind_and_channel_codes_read_loosely()
    {
        Assert.That(InteractionKinds.Parse("Coupon Redemption"), Is.EqualTo(InteractionKind.CouponRedemption));
        Assert.That(InteractionKinds.Parse("service-contact"), Is.EqualTo(InteractionKind.ServiceContact));
        Assert.That(Channels.Parse("Twitter"), Is.EqualTo(Channel.X));
        Assert.That(Channels.Parse(" LinkedIn "), Is.EqualTo(Channel.LinkedIn));
    }

    [Test]
    public void Undefined_kind_or_channel_values_are_refused()
    {
        var bad = new Interaction(Ids.Ana, (InteractionKind)99, (Channel)42, Ids.Now);

        var problems = InteractionValidator.Check(bad, Ids.Now);

        Assert.That(problems.Select(p => p.Field), Is.EquivalentTo(new[] { "Kind", "Channel" }));
        Assert.That(problems[0].Message, Does.StartWith("Kind 99 is not a known interaction kind"));
        Assert.That(problems[1].Message, Does.StartWith("Channel 42 is not a known channel"));
    }

    [Test]
    public void Interaction_in_the_future_is_refused_unless_within_the_allowed_skew()
    {
        var later = Ids.Like(Ids.Ana, Ids.Now.AddMinutes(2));

        Assert.That(Messages(later), Is.EqualTo(new[] { "OccurredOn 2026-11-25T12:02:00 is in the future (now is 2026-11-25T12:00:00); an interaction must already have happened." }));
        Assert.That(InteractionValidator.Check(later, Ids.Now, TimeSpan.FromMinutes(5)), Is.Empty);
    }

    [TestCase(0)]
    [TestCase(6)]
    public void Rating_out_of_range_is_refused(int rating)
    {
        var review = Ids.Of(Ids.Ana, InteractionKind.Review, Ids.Now) with { Rating = rating };

        Assert.That(Messages(review), Is.EqualTo(new[] { $"Rating {rating} is out of range; use a whole number from 1 to 5." }));
    }

    [Test]
    public void A_review_needs_a_rating()
    {
        Assert.That(Messages(Ids.Of(Ids.Ana, InteractionKind.Review, Ids.Now)), Is.EqualTo(new[] { "Rating is required for a review: a whole number from 1 to 5." }));
    }

    [Test]
    public void A_referral_to_its_own_customer_is_refused()
    {
        var selfReferral = Ids.Of(Ids.Ana, InteractionKind.Referral, Ids.Now) with { ReferredCustomerId = Ids.Ana };

        var ex = Assert.Throws<EngagementException>(() => InteractionValidator.EnsureValid(selfReferral, Ids.Now));

        Assert.That(ex!.Field, Is.EqualTo("ReferredCustomerId"));
        Assert.That(ex.Message, Is.EqualTo("ReferredCustomerId points to the referring customer itself; a customer cannot refer themselves."));
    }

    [Test]
    public void A_referral_needs_the_referred_customer_and_only_referrals_carry_one()
    {
        Assert.That(Messages(Ids.Of(Ids.Ana, InteractionKind.Referral, Ids.Now)), Is.EqualTo(new[] { "ReferredCustomerId is required for a referral: the customer who was referred." }));
        Assert.That(Messages(Ids.Like(Ids.Ana, Ids.Now) with { ReferredCustomerId = Ids.Ben }), Is.EqualTo(new[] { "ReferredCustomerId is only for referrals, not for a like." }));
    }

    [Test]
    public void Negative_monetary_value_is_refused()
    {
        var redemption = Ids.Of(Ids.Ana, InteractionKind.CouponRedemption, Ids.Now) with { MonetaryValue = -12.5m };

        Assert.That(Messages(redemption), Is.EqualTo(new[] { "MonetaryValue -12.5 is negative; a monetary value must be zero or more." }));
    }

    [Test]
    public void Sentiment_outside_minus_one_to_one_is_refused_and_labels_read_as_numbers()
    {
        Assert.That(Messages(Ids.Like(Ids.Ana, Ids.Now) with { Sentiment = 1.5 }), Is.EqualTo(new[] { "Sentiment 1.5 is out of range; use a number from -1 to 1 or negative / neutral / positive." }));
        Assert.That(Sentiment.TryParse("Negative", out var negative) && negative == -1, Is.True);
        Assert.That(Sentiment.TryParse("0.25", out var quarter) && quarter == 0.25, Is.True);
        Assert.That(Sentiment.TryParse("meh", out _), Is.False);
    }

    [Test]
    public void Missing_customer_is_refused_and_all_problems_are_reported_together()
    {
        var bad = new Interaction(Guid.Empty, InteractionKind.Review, Channel.Web, Ids.Now.AddDays(1)) { Rating = 9, MonetaryValue = -1 };

        var ex = Assert.Throws<EngagementException>(() => InteractionValidator.EnsureValid(bad, Ids.Now));

        Assert.That(ex!.Error, Is.EqualTo(EngagementError.InvalidInteraction));
        Assert.That(ex.Field, Is.EqualTo("CustomerId"));
        Assert.That(ex.Message, Does.StartWith("CustomerId is required").And.Contains("OccurredOn").And.Contains("Rating 9").And.Contains("MonetaryValue -1"));
    }
}
