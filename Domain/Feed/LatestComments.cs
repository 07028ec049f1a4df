using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

/// <summary>A comment as kept on its post for the feed: the stored text (mention tokens intact) and the author's name then.</summary>
public sealed record StoredComment(Guid Id, Guid AuthorId, string AuthorName, string StoredText, DateTime CreatedOn)
{
    public FeedComment ToFeedComment() => FeedComment.FromStored(Id, new RecordRef("systemuser", AuthorId, AuthorName), StoredText, CreatedOn);
}

/// <summary>
/// The newest <see cref="FeedItem.MaxLatestComments"/> comments of a post, denormalised onto the post as JSON
/// (<c>[{"id":…,"authorId":…,"author":"Ana","text":"…","createdOn":"…"}]</c>, newest first) by the comment steps, so
/// a feed page shows them without one more query. A damaged value reads as empty: the feed must not break.
/// </summary>
public static class LatestComments
{
    public static IReadOnlyList<StoredComment> Read(string? json)
    {
        if (Guard.IsBlank(json))
        {
            return Array.Empty<StoredComment>();
        }

        try
        {
            var root = JsonReader.Parse(json);
            if (root.Kind != JsonKind.Array)
            {
                return Array.Empty<StoredComment>();
            }

            var result = new List<StoredComment>();
            foreach (var item in root.Items.Where(i => i.Kind == JsonKind.Object))
            {
                if (Guid.TryParse(item.GetString("id") ?? string.Empty, out var id)
                    && DateTime.TryParse(item.GetString("createdOn") ?? string.Empty, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var on))
                {
                    Guid.TryParse(item.GetString("authorId") ?? string.Empty, out var author);
                    result.Add(new StoredComment(id, author, item.GetString("author") ?? string.Empty, item.GetString("text") ?? string.Empty, DateTime.SpecifyKind(on, DateTimeKind.Utc)));
                }
            }

            return Newest(result);
        }
        catch (JsonFormatException)
        {
            return Array.Empty<StoredComment>();
        }
    }

    public static string Write(IEnumerable<StoredComment> comments)
    {
        Guard.NotNull(comments, nameof(comments));
        var w = new JsonWriter().StartArray();
        foreach (var c in Newest(comments))
        {
            w.StartObject().Property("id", c.Id).Property("authorId", c.AuthorId).Property("author", c.AuthorName)
                .Property("text", c.StoredText).Property("createdOn", c.CreatedOn).EndObject();
        }

        return w.EndArray().ToString();
    }

    /// <summary>The list with <paramref name="added"/> in it (replacing a same-id entry), cut to the newest three.</summary>
    public static string Add(string? json, StoredComment added)
    {
        Guard.NotNull(added, nameof(added));
        return Write(Read(json).Where(c => c.Id != added.Id).Concat(new[] { added }));
    }

    /// <summary>
    /// The list without <paramref name="commentId"/>. <paramref name="refill"/> is true when an entry was removed and
    /// older comments may exist that should now show (the caller then re-reads the newest three).
    /// </summary>
    public static string Remove(string? json, Guid commentId, int remainingCount, out bool refill)
    {
        var before = Read(json);
        var after = before.Where(c => c.Id != commentId).ToList();
        refill = after.Count < before.Count && remainingCount > after.Count;
        return Write(after);
    }

    private static IReadOnlyList<StoredComment> Newest(IEnumerable<StoredComment> comments) =>
        comments.OrderByDescending(c => c.CreatedOn).ThenByDescending(c => c.Id, Comparer<Guid>.Create(FeedPosition.CompareSql)).Take(FeedItem.MaxLatestComments).ToList();
}
