using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Domain.Feed;

namespace Rapport.Feed.Tests;

public sealed class FeedPageAssemblerTests
{
    /// <summary>A fake feed of <paramref name="count"/> posts, newest first, one minute apart; every third regards a contact.</summary>
    private static List<FeedCandidate> Feed(int count) =>
        Enumerable.Range(0, count)
            .Select(i => new FeedCandidate(
                new Guid(i + 1, 0, 0, new byte[8]),
                Ids.Noon.AddMinutes(-i),
                i % 3 == 2 ? new RecordRef("contact", new Guid(1000 + i, 0, 0, new byte[8])) : Ids.BigDealRef,
                PostKind.UserPost,
                ChangeEvents.None,
                Ids.Ben))
            .ToList();

    /// <summary>Drives the assembler the way the adapter does, counting the fetches.</summary>
    private static FeedPage Run(IReadOnlyList<FeedCandidate> feed, FeedQuery query, string? token, Func<FeedCandidate, bool> readable, List<FeedFetch>? fetches = null)
    {
        var assembler = new FeedPageAssembler(query, token, Ids.KeyFor(Ids.Ana));
        while (!assembler.IsComplete)
        {
            var fetch = assembler.NextFetch();
            fetches?.Add(fetch);
            var batch = feed.Where(c => fetch.After is null || c.Position.ComesAfter(fetch.After)).Take(fetch.Count).ToList();
            assembler.Accept(batch, readable);
        }

        return assembler.Result();
    }

    [Test]
    public void Unreadable_posts_are_skipped_and_the_page_is_still_full()
    {
        var feed = Feed(30);
        var query = FeedQuery.Create(FeedScope.Following, pageSize: 5);

        var page = Run(feed, query, null, c => c.Regarding.Table != "contact");

        Assert.That(page.Items, Has.Count.EqualTo(5));
        Assert.That(page.Items.Any(i => i.Regarding.Table == "contact"), Is.False);
        Assert.That(page.Tables, Is.EqualTo(new[] { "opportunity" }));
        Assert.That(page.ContinuationToken, Is.Not.Null);
    }

    [Test]
    public void Following_pages_continue_where_the_last_ended_without_gaps_or_repeats()
    {
        var feed = Feed(23);
        var query = FeedQuery.Create(FeedScope.Following, pageSize: 5);
        var seen = new List<Guid>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = Run(feed, query, token, _ => true);
            seen.AddRange(page.Items.Select(i => i.PostId));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.That(seen, Is.EqualTo(feed.Select(c => c.PostId)));
        Assert.That(pages, Is.EqualTo(5));
    }

    [Test]
    public void Posts_at_the_same_time_are_ordered_by_id_across_pages()
    {
        var sameTime = Enumerable.Range(1, 6)
            .Select(i => new FeedCandidate(new Guid("00000000-0000-0000-0000-0000000000" + (10 - i).ToString("00", System.Globalization.CultureInfo.InvariantCulture)), Ids.Noon, Ids.BigDealRef, PostKind.UserPost, ChangeEvents.None, Ids.Ben))
            .ToList();
        var query = FeedQuery.Create(FeedScope.Following, pageSize: 4);

        var first = Run(sameTime, query, null, _ => true);
        var second = Run(sameTime, query, first.ContinuationToken, _ => true);

        Assert.That(first.Items.Concat(second.Items).Select(i => i.PostId), Is.EqualTo(sameTime.Select(c => c.PostId)));
        Assert.That(second.ContinuationToken, Is.Null);
    }

    [Test]
    public void Short_batch_means_the_end_of_the_feed()
    {
        var page = Run(Feed(3), FeedQuery.Create(FeedScope.Following, pageSize: 5), null, _ => true);

        Assert.That(page.Items, Has.Count.EqualTo(3));
        Assert.That(page.ContinuationToken, Is.Null);
        Assert.That(page.Batches, Is.EqualTo(1));
    }

    [Test]
    public void Batches_ask_for_twice_the_missing_items()
    {
        var fetches = new List<FeedFetch>();
        var feed = Feed(200);

        Run(feed, FeedQuery.Create(FeedScope.Following, pageSize: 20), null, c => c.Regarding.Table == "contact", fetches);

        Assert.That(fetches.Select(f => f.Count), Is.EqualTo(new[] { 40, 14, 10 }));
        Assert.That(fetches[1].After, Is.EqualTo(feed[39].Position));
    }

    [Test]
    public void A_user_who_can_read_nothing_costs_a_bounded_number_of_batches_and_can_continue()
    {
        var page = Run(Feed(10_000), FeedQuery.Create(FeedScope.Following, pageSize: 10), null, _ => false);

        Assert.That(page.Items, Is.Empty);
        Assert.That(page.Batches, Is.EqualTo(FeedPageAssembler.MaxBatches));
        Assert.That(page.Scanned, Is.EqualTo(100));
        Assert.That(page.ContinuationToken, Is.Not.Null);
    }

    [Test]
    public void Overlapping_batches_do_not_repeat_posts()
    {
        var feed = Feed(10);
        var assembler = new FeedPageAssembler(FeedQuery.Create(FeedScope.Following, pageSize: 10), null, Ids.KeyFor(Ids.Ana));

        assembler.NextFetch();
        assembler.Accept(feed.Take(6).Concat(feed.Skip(4).Take(4)).Concat(feed.Skip(8).Take(2)).ToList(), _ => true);

        Assert.That(assembler.Result().Items.Select(i => i.PostId), Is.EqualTo(feed.Select(c => c.PostId)));
    }

    [Test]
    public void Distinct_regarding_ids_are_grouped_per_table_for_access_checks()
    {
        var byTable = FeedPageAssembler.RegardingByTable(Feed(9));

        Assert.That(byTable.Keys, Is.EqualTo(new[] { "contact", "opportunity" }));
        Assert.That(byTable["opportunity"], Is.EqualTo(new[] { Ids.BigDeal }));
        Assert.That(byTable["contact"], Has.Count.EqualTo(3));
    }

    [Test]
    public void Tampered_token_stops_the_page_before_any_fetch()
    {
        Assert.That(
            () => new FeedPageAssembler(FeedQuery.Create(FeedScope.Following), "bm90LWEtdG9rZW4", Ids.KeyFor(Ids.Ana)),
            Throws.TypeOf<FeedException>().With.Message.EqualTo(ContinuationToken.InvalidMessage));
    }

    [Test]
    public void Sql_order_of_ids_puts_the_last_bytes_first()
    {
        var lowTail = new Guid("ffffffff-ffff-ffff-ffff-000000000000");
        var highTail = new Guid("00000000-0000-0000-0000-000000000001");

        Assert.That(FeedPosition.CompareSql(lowTail, highTail), Is.LessThan(0));
        Assert.That(lowTail.CompareTo(highTail), Is.GreaterThan(0));
    }
}
