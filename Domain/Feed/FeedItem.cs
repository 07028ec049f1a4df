using System;
using System.Collections.Generic;

namespace Rapport.Domain.Feed;

/// <summary>A comment as the feed shows it; <see cref="Text"/> is plain text with mentions rendered as "@Name".</summary>
public sealed record FeedComment(Guid Id, RecordRef Author, string Text, DateTime CreatedOn, IReadOnlyList<Mention> Mentions)
{
    /// <summary>From the stored comment text (tokens are rendered; nothing is refused).</summary>
    public static FeedComment FromStored(Guid id, RecordRef author, string? storedText, DateTime createdOn)
    {
        var content = PostContent.Read(storedText);
        return new FeedComment(id, author, content.PlainText, createdOn, content.Occurrences);
    }
}

/// <summary>
/// One post as the feed API returns it. <see cref="Text"/> is plain text; <see cref="Mentions"/> give the table, id,
/// name and place of each "@Name" in it so the UI can link them. Auto-posts carry <see cref="Event"/> and
/// <see cref="Changes"/>.
/// </summary>
public sealed record FeedItem
{
    public const int MaxLatestComments = 3;

    public Guid Id { get; init; }

    public PostKind Kind { get; init; }

    public ChangeEvents Event { get; init; }

    public string Text { get; init; } = string.Empty;

    public IReadOnlyList<Mention> Mentions { get; init; } = Array.Empty<Mention>();

    public IReadOnlyList<Topic> Topics { get; init; } = Array.Empty<Topic>();

    public RecordRef? Regarding { get; init; }

    public RecordRef? Author { get; init; }

    public DateTime CreatedOn { get; init; }

    public DateTime? ModifiedOn { get; init; }

    public bool Edited { get; init; }

    public IReadOnlyList<ColumnChange> Changes { get; init; } = Array.Empty<ColumnChange>();

    public int CommentCount { get; init; }

    public int LikeCount { get; init; }

    public bool LikedByMe { get; init; }

    public IReadOnlyList<FeedComment> LatestComments { get; init; } = Array.Empty<FeedComment>();

    /// <summary>
    /// Builds an item from a stored post row: the text is rendered and its mentions and topics read; an auto-post's
    /// change JSON is parsed (its event wins over <paramref name="kind"/>'s default of none).
    /// </summary>
    public static FeedItem FromStored(Guid id, PostKind kind, string? storedText, RecordRef regarding, RecordRef author, DateTime createdOn, string? changesJson = null)
    {
        var content = PostContent.Read(storedText);
        var changes = new AutoPostChangeSet(ChangeEvents.None, Array.Empty<ColumnChange>());
        if (kind == PostKind.AutoPost)
        {
            try
            {
                changes = AutoPostChanges.Parse(changesJson);
            }
            catch (FeedException)
            {
                // A damaged change list must not break the feed: the post's text still says what changed.
            }
        }

        return new FeedItem
        {
            Id = id,
            Kind = kind,
            Event = changes.Event,
            Text = content.PlainText,
            Mentions = content.Occurrences,
            Topics = content.Topics,
            Regarding = regarding,
            Author = author,
            CreatedOn = createdOn,
            Changes = changes.Changes,
        };
    }
}
