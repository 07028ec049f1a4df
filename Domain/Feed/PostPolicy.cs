using System;
using System.Collections.Generic;

namespace Rapport.Domain.Feed;

/// <summary>One earlier version of an edited post or comment, kept as its revision history.</summary>
public sealed record PostRevision(int Number, string Text, DateTime EditedOn, Guid EditedBy);

/// <summary>The outcome of an edit: the new content, and the revision that keeps the text it replaced.</summary>
public sealed record PostEdit(PostContent Content, PostRevision Revision, DateTime ModifiedOn);

/// <summary>
/// Who may edit, delete and like posts and comments (Chatter's rules: authors edit and delete their own; moderators,
/// i.e. people with "Moderate Chatter"-like rights, edit or delete anyone's, and the adapter logs what they did).
/// </summary>
public static class PostPolicy
{
    /// <summary>
    /// Edits a user post or comment: only its author or a moderator may, only user posts are editable, and the text
    /// follows the same rules as a new post. The replaced text becomes revision <c>existingRevisions + 1</c>. An edit
    /// to the same text is refused so history holds only real changes.
    /// </summary>
    public static PostEdit Edit(PostKind kind, Guid authorId, Guid actorId, string currentText, string? newText, int existingRevisions, DateTime now, string what = "post", bool actorIsModerator = false)
    {
        if (kind != PostKind.UserPost)
        {
            throw new FeedException(FeedError.NotAllowed, $"Automatic and system posts cannot be edited; only a person's own {what}s can.");
        }

        if (authorId != actorId && !actorIsModerator)
        {
            throw new FeedException(FeedError.NotAllowed, $"Only the author or a moderator can edit this {what}.");
        }

        var content = what == "comment" ? PostContent.ForComment(newText) : PostContent.ForPost(newText);
        if (string.Equals(content.StoredText, (currentText ?? string.Empty).Trim(), StringComparison.Ordinal))
        {
            throw new FeedException(FeedError.InvalidText, $"The {what} text is unchanged; there is nothing to save.");
        }

        return new PostEdit(content, new PostRevision(existingRevisions + 1, currentText ?? string.Empty, now, actorId), now);
    }

    /// <summary>Authors delete their own posts and comments; moderators (the adapter decides who is one) delete any.</summary>
    public static bool CanDelete(Guid authorId, Guid actorId, bool actorIsAdmin) => actorIsAdmin || authorId == actorId;

    public static void EnsureCanDelete(Guid authorId, Guid actorId, bool actorIsAdmin, string what = "post")
    {
        if (!CanDelete(authorId, actorId, actorIsAdmin))
        {
            throw new FeedException(FeedError.NotAllowed, $"Only the author or a moderator can delete this {what}.");
        }
    }

    /// <summary>One like per person per post: true when the like should be created (false when it already exists).</summary>
    public static bool ShouldCreateLike(IEnumerable<Guid> existingLikers, Guid userId)
    {
        foreach (var liker in existingLikers ?? Array.Empty<Guid>())
        {
            if (liker == userId)
            {
                return false;
            }
        }

        return true;
    }
}
