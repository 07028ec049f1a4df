using System;
using System.Collections.Generic;
using System.Linq;

namespace Rapport.Domain.Feed;

/// <summary>Who writes a feed row, as far as the column rules care.</summary>
public enum FeedWriter
{
    /// <summary>Anyone else, System Administrators included: only the columns a person types.</summary>
    Person,

    /// <summary>Holds the Rapport Administrator role: may repair any column.</summary>
    RapportAdministrator,

    /// <summary>SYSTEM, i.e. Rapport's own steps writing bookkeeping (counts, mentions, revisions).</summary>
    System,
}

/// <summary>
/// The columns a person may set on feed content: an allow-list per table and message, so a column added later is
/// protected until someone decides otherwise. Everything else (regarding after Create, author, counts, flags,
/// timestamps, revision history, mention and like rows) is Rapport's to write.
/// </summary>
public static class FeedColumnPolicy
{
    public const string Post = "rapport_post";
    public const string Comment = "rapport_comment";
    public const string Reaction = "rapport_reaction";
    public const string Mention = "rapport_mention";
    public const string Topic = "rapport_topic";
    public const string Revision = "rapport_postrevision";

    /// <summary>The feed content tables the rules cover.</summary>
    public static IReadOnlyList<string> Tables { get; } = new[] { Post, Comment, Reaction, Mention, Topic, Revision };

    private static readonly Dictionary<string, string[]> OnCreate = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Post] = new[] { "rapport_text", "rapport_regardingtable", "rapport_regardingid", "rapport_kind" },
        [Comment] = new[] { "rapport_text", "rapport_postid" },
        [Reaction] = new[] { "rapport_postid", "rapport_userid" },
    };

    private static readonly Dictionary<string, string[]> OnUpdate = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Post] = new[] { "rapport_text" },
        [Comment] = new[] { "rapport_text" },
    };

    /// <summary>The columns in <paramref name="columns"/> that <paramref name="writer"/> may not set (empty when all are allowed).</summary>
    public static IReadOnlyList<string> Refused(string table, bool create, IEnumerable<string> columns, FeedWriter writer)
    {
        if (writer != FeedWriter.Person || !Tables.Contains(table, StringComparer.Ordinal))
        {
            return Array.Empty<string>();
        }

        var allowed = (create ? OnCreate : OnUpdate).TryGetValue(table, out var list) ? list : Array.Empty<string>();
        var primaryId = table + "id";
        return columns
            .Where(c => !allowed.Contains(c, StringComparer.Ordinal) && !(create && c == primaryId))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(c => c, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Refuses the write with a message that names the columns and what a person may set instead.</summary>
    public static void EnsureAllowed(string table, bool create, IEnumerable<string> columns, FeedWriter writer)
    {
        var refused = Refused(table, create, columns, writer);
        if (refused.Count == 0)
        {
            return;
        }

        var allowed = (create ? OnCreate : OnUpdate).TryGetValue(table, out var list) ? list : Array.Empty<string>();
        var verb = create ? "create" : "update";
        var instead = allowed.Length == 0
            ? $"Rows of {table} are written by Rapport only (use the feed, rapport_SetLike or the Rapport Administrator role)."
            : $"On {verb} a person may set only {string.Join(", ", allowed)}.";
        throw new FeedException(FeedError.NotAllowed,
            $"You can't set {string.Join(", ", refused)} on {table}: Rapport keeps these columns. {instead}");
    }
}
