using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

/// <summary>What the adapter fetches next: up to <see cref="Count"/> candidates strictly after <see cref="After"/> (null: from the newest), newest first.</summary>
public sealed record FeedFetch(FeedPosition? After, int Count);

/// <summary>
/// A page: the accepted candidates in feed order, the token for the next page (null at the end of the feed), the
/// distinct regarding tables in the page, and what it cost (batches fetched, candidates looked at).
/// </summary>
public sealed record FeedPage(IReadOnlyList<FeedCandidate> Items, string? ContinuationToken, IReadOnlyList<string> Tables, int Batches, int Scanned);

/// <summary>
/// Fills one page of readable posts from candidate batches the adapter fetches:
/// <code>
/// var a = new FeedPageAssembler(query, token, key);
/// while (!a.IsComplete)
/// {
///     var fetch = a.NextFetch();                  // After + Count
///     var batch = QueryCandidates(fetch);          // createdon desc, id desc, strictly after fetch.After
///     var readable = CheckAccess(FeedPageAssembler.RegardingByTable(batch)); // one query per table
///     a.Accept(batch, c => readable.Contains(c.Regarding.Key) &amp;&amp; FeedRules.ShouldShow(c, pref, me));
/// }
/// var page = a.Result();
/// </code>
/// Each batch asks for twice the items still missing (at least 10). A batch shorter than asked for means the feed
/// is exhausted. After <see cref="MaxBatches"/> batches the page is returned as it is, possibly short, with a token to
/// continue, so a user who can read little of a long feed costs a bounded number of requests. A full page ends
/// with a token even when nothing follows; the next page is then empty with no token.
/// </summary>
public sealed class FeedPageAssembler
{
    public const int MaxBatches = 5;

    public const int MinFetch = 10;

    private readonly byte[] _key;
    private readonly List<FeedCandidate> _items = new List<FeedCandidate>();
    private FeedPosition? _scan;
    private FeedFetch? _pending;
    private bool _hasMore;
    private int _batches;
    private int _scanned;

    /// <summary>Starts a page; a continuation token is checked against the query and key first (see <see cref="ContinuationToken.Read"/>).</summary>
    public FeedPageAssembler(FeedQuery query, string? continuationToken, byte[] tokenKey)
    {
        Query = Guard.NotNull(query, nameof(query));
        _key = Guard.NotNull(tokenKey, nameof(tokenKey));
        Start = Guard.IsBlank(continuationToken) ? null : ContinuationToken.Read(continuationToken.Trim(), query, tokenKey);
        _scan = Start;
    }

    public FeedQuery Query { get; }

    /// <summary>Where this page starts (from the token), or null for the first page.</summary>
    public FeedPosition? Start { get; }

    public bool IsComplete { get; private set; }

    /// <summary>The next batch to fetch. Call <see cref="Accept"/> with it before asking again.</summary>
    public FeedFetch NextFetch()
    {
        if (IsComplete)
        {
            throw new InvalidOperationException("The page is complete; call Result().");
        }

        _pending ??= new FeedFetch(_scan, Math.Max(MinFetch, 2 * (Query.PageSize - _items.Count)));
        return _pending;
    }

    /// <summary>The first fetch of a page starting at <paramref name="start"/>: what <see cref="NextFetch"/> of a new assembler returns.</summary>
    public static FeedFetch FirstFetch(FeedQuery query, FeedPosition? start) =>
        new FeedFetch(start, Math.Max(MinFetch, 2 * Guard.NotNull(query, nameof(query)).PageSize));

    /// <summary>
    /// Takes a fetched batch in feed order. Candidates not strictly after the last one seen (overlap, duplicates) are
    /// ignored; <paramref name="include"/> says which of the rest the user may see.
    /// </summary>
    public void Accept(IReadOnlyList<FeedCandidate> batch, Func<FeedCandidate, bool> include)
    {
        Guard.NotNull(batch, nameof(batch));
        Guard.NotNull(include, nameof(include));
        var fetch = NextFetch();
        _pending = null;
        _batches++;
        foreach (var candidate in batch)
        {
            var position = candidate.Position;
            if (_scan is not null && !position.ComesAfter(_scan))
            {
                continue;
            }

            _scan = position;
            _scanned++;
            if (include(candidate))
            {
                _items.Add(candidate);
                if (_items.Count == Query.PageSize)
                {
                    Complete(hasMore: true);
                    return;
                }
            }
        }

        if (batch.Count < fetch.Count)
        {
            Complete(hasMore: false);
        }
        else if (_batches >= MaxBatches)
        {
            Complete(hasMore: _scan is not null);
        }
    }

    public FeedPage Result()
    {
        if (!IsComplete)
        {
            throw new InvalidOperationException("The page is not complete yet: keep fetching while IsComplete is false.");
        }

        var token = _hasMore && _scan is not null ? ContinuationToken.Create(_scan, Query, _key) : null;
        var tables = _items.Select(i => i.Regarding.Table).Distinct(StringComparer.Ordinal).OrderBy(t => t, StringComparer.Ordinal).ToList();
        return new FeedPage(_items.ToList(), token, tables, _batches, _scanned);
    }

    /// <summary>The distinct regarding ids of a batch per table (sorted): one access check query per entry.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Guid>> RegardingByTable(IEnumerable<FeedCandidate> batch)
    {
        Guard.NotNull(batch, nameof(batch));
        var result = new SortedDictionary<string, IReadOnlyList<Guid>>(StringComparer.Ordinal);
        foreach (var group in batch.GroupBy(c => c.Regarding.Table, StringComparer.Ordinal))
        {
            result[group.Key] = group.Select(c => c.Regarding.Id).Distinct().ToList();
        }

        return result;
    }

    private void Complete(bool hasMore)
    {
        IsComplete = true;
        _hasMore = hasMore;
    }
}
