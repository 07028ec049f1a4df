using System;
using Rapport.Domain.Common;
using Rapport.Domain.Feed;

namespace Rapport.Feed.Tests;

public sealed class ContinuationTokenTests
{
    private static readonly FeedPosition Position = new FeedPosition(Ids.Noon, new Guid("90570000-0000-4000-8000-0000000000aa"));
    private static readonly FeedQuery Query = FeedQuery.Create(FeedScope.Following, topic: "#Fundraising", pageSize: 20);

    [Test]
    public void Token_carries_the_position_back()
    {
        var token = ContinuationToken.Create(Position, Query, Ids.KeyFor(Ids.Ana));

        Assert.That(ContinuationToken.Read(token, Query, Ids.KeyFor(Ids.Ana)), Is.EqualTo(Position));
        Assert.That(token, Does.Match("^[A-Za-z0-9_-]+$"));
    }

    [Test]
    public void Tampered_token_is_refused()
    {
        var token = ContinuationToken.Create(Position, Query, Ids.KeyFor(Ids.Ana));
        Base64Url.TryDecode(token, out var bytes);
        bytes[3] ^= 0x01; // move the position by a few ticks
        var tampered = Base64Url.Encode(bytes);

        var ex = Assert.Throws<FeedException>(() => ContinuationToken.Read(tampered, Query, Ids.KeyFor(Ids.Ana)));

        Assert.That(ex!.Error, Is.EqualTo(FeedError.InvalidToken));
        Assert.That(ex.Message, Is.EqualTo("The feed's continuation token is invalid or was altered; reload the feed."));
    }

    [Test]
    public void Token_issued_to_another_user_is_refused()
    {
        var bens = ContinuationToken.Create(Position, Query, Ids.KeyFor(Ids.Ben));

        Assert.That(() => ContinuationToken.Read(bens, Query, Ids.KeyFor(Ids.Ana)), Throws.TypeOf<FeedException>().With.Message.EqualTo(ContinuationToken.InvalidMessage));
    }

    [TestCase("")]
    [TestCase("not a token!")]
    [TestCase("AAAA")]
    public void Garbage_token_is_refused(string token)
    {
        Assert.That(() => ContinuationToken.Read(token, Query, Ids.KeyFor(Ids.Ana)), Throws.TypeOf<FeedException>().With.Message.EqualTo(ContinuationToken.InvalidMessage));
    }

    [Test]
    public void Token_used_with_other_filters_is_refused()
    {
        var token = ContinuationToken.Create(Position, Query, Ids.KeyFor(Ids.Ana));
        var otherTopic = FeedQuery.Create(FeedScope.Following, topic: "gala", pageSize: 20);
        var otherSize = FeedQuery.Create(FeedScope.Following, topic: "fundraising", pageSize: 50);
        var sameTopicOtherSpelling = FeedQuery.Create(FeedScope.Following, topic: "FUNDRAISING", pageSize: 20);

        Assert.That(() => ContinuationToken.Read(token, otherTopic, Ids.KeyFor(Ids.Ana)), Throws.TypeOf<FeedException>().With.Message.EqualTo(ContinuationToken.OtherQueryMessage));
        Assert.That(() => ContinuationToken.Read(token, otherSize, Ids.KeyFor(Ids.Ana)), Throws.TypeOf<FeedException>().With.Message.EqualTo(ContinuationToken.OtherQueryMessage));
        Assert.That(ContinuationToken.Read(token, sameTopicOtherSpelling, Ids.KeyFor(Ids.Ana)), Is.EqualTo(Position));
    }

    [Test]
    public void Key_is_bound_to_organisation_and_user_and_needs_a_real_secret()
    {
        Assert.That(ContinuationToken.DeriveKey(Ids.Secret, Ids.Org, Ids.Ana), Is.Not.EqualTo(ContinuationToken.DeriveKey(Ids.Secret, Guid.Empty, Ids.Ana)));
        Assert.That(() => ContinuationToken.DeriveKey(new byte[4], Ids.Org, Ids.Ana), Throws.ArgumentException);
    }

    [Test]
    public void Record_query_needs_a_record_and_page_size_is_bounded()
    {
        Assert.That(() => FeedQuery.Create(FeedScope.Record), Throws.TypeOf<FeedException>().With.Message.Contains("needs the record"));
        Assert.That(() => FeedQuery.Create(FeedScope.Following, pageSize: 101), Throws.TypeOf<FeedException>().With.Message.Contains("between 1 and 100"));
    }
}
