using System;
using System.Globalization;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

/// <summary>Which feed: the posts of followed records (and mentions of me), one record's wall, or my mentions.</summary>
public enum FeedScope
{
    Following = 1,
    Record = 2,
    Mentions = 3,
}

/// <summary>
/// A feed request's filters and page size. Its <see cref="Fingerprint"/> goes into continuation tokens, so a token
/// works only with the query that produced it.
/// </summary>
public sealed record FeedQuery
{
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 100;

    private FeedQuery(FeedScope scope, RecordRef? record, PostKind? kind, string? table, string? topicKey, int pageSize)
    {
        Scope = scope;
        Record = record;
        Kind = kind;
        Table = table;
        TopicKey = topicKey;
        PageSize = pageSize;
    }

    public FeedScope Scope { get; }

    public RecordRef? Record { get; }

    public PostKind? Kind { get; }

    /// <summary>Only posts regarding rows of this table (logical name).</summary>
    public string? Table { get; }

    /// <summary>Only posts with this topic (normalised key, see <see cref="TopicExtractor.Key"/>).</summary>
    public string? TopicKey { get; }

    public int PageSize { get; }

    /// <summary>Validates and normalises the request's parameters (the Custom API's inputs).</summary>
    public static FeedQuery Create(FeedScope scope, RecordRef? record = null, PostKind? kind = null, string? table = null, string? topic = null, int? pageSize = null)
    {
        if (!Enum.IsDefined(typeof(FeedScope), scope))
        {
            throw new FeedException(FeedError.InvalidQuery, "Unknown feed scope: use following, record or mentions.");
        }

        if (scope == FeedScope.Record && record is null)
        {
            throw new FeedException(FeedError.InvalidQuery, "A record's feed needs the record (table and id).");
        }

        if (kind.HasValue && !Enum.IsDefined(typeof(PostKind), kind.Value))
        {
            throw new FeedException(FeedError.InvalidQuery, "Unknown post kind: use user posts, auto-posts or system posts.");
        }

        var size = pageSize ?? DefaultPageSize;
        if (size < 1 || size > MaxPageSize)
        {
            throw new FeedException(FeedError.InvalidQuery, $"The page size must be between 1 and {MaxPageSize}; it was {size.ToString(CultureInfo.InvariantCulture)}.");
        }

        var tableName = Guard.IsBlank(table) ? null : table.Trim().ToLowerInvariant();
        if (tableName is not null && !AutoFollowCondition.IsLogicalName(tableName))
        {
            throw new FeedException(FeedError.InvalidQuery, $"'{table}' is not a table logical name.");
        }

        var topicKey = Guard.IsBlank(topic) ? null : TopicExtractor.Key(topic);
        if (topicKey is not null && (topicKey.Length < TopicExtractor.MinLength || topicKey.Length > TopicExtractor.MaxLength))
        {
            throw new FeedException(FeedError.InvalidQuery, $"A topic has {TopicExtractor.MinLength} to {TopicExtractor.MaxLength} characters; '{topic}' does not.");
        }

        return new FeedQuery(scope, scope == FeedScope.Record ? record : null, kind, tableName, topicKey, size);
    }

    /// <summary>The canonical text of the filters, e.g. "1|record:account:…|autopost|-|fundraising|20".</summary>
    public string Fingerprint =>
        string.Join(
            "|",
            ((int)Scope).ToString(CultureInfo.InvariantCulture),
            Record is null ? "-" : Record.Key,
            Kind.HasValue ? ((int)Kind.Value).ToString(CultureInfo.InvariantCulture) : "-",
            Table ?? "-",
            TopicKey ?? "-",
            PageSize.ToString(CultureInfo.InvariantCulture));
}
