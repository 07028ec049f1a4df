using System;
using System.Collections.Generic;
using System.Text;

namespace Rapport.Domain.Feed;

/// <summary>
/// A validated post or comment body: <see cref="StoredText"/> (trimmed, with mention tokens) is what the text column
/// keeps; <see cref="PlainText"/> is what people read; mentions and topics are extracted once, on write.
/// </summary>
public sealed record PostContent(string StoredText, string PlainText, IReadOnlyList<Mention> Occurrences, IReadOnlyList<RecordRef> Mentions, IReadOnlyList<Topic> Topics)
{
    /// <summary>Validates and parses a user's post text; throws <see cref="FeedException"/> with a message for the author.</summary>
    public static PostContent ForPost(string? text) => Parse(text, "post");

    /// <summary>Same rules as posts (Chatter: 10,000 characters, 25 mentions).</summary>
    public static PostContent ForComment(string? text) => Parse(text, "comment");

    /// <summary>
    /// Reads stored text for display, without refusing anything: rows written before a rule changed (or by other
    /// tools) still render. A malformed token is shown as written, with no mentions.
    /// </summary>
    public static PostContent Read(string? stored)
    {
        var text = (stored ?? string.Empty).Trim();
        MentionedText mentioned;
        try
        {
            mentioned = MentionParser.Parse(text);
        }
        catch (FeedException)
        {
            mentioned = new MentionedText(text, Array.Empty<Mention>(), Array.Empty<RecordRef>());
        }

        return new PostContent(text, mentioned.PlainText, mentioned.Occurrences, mentioned.Mentioned, TopicsOutsideMentions(mentioned));
    }

    private static PostContent Parse(string? text, string what)
    {
        var stored = PostText.TrimStored(text, what);
        var mentioned = MentionParser.Parse(stored);
        PostText.CheckVisibleLength(mentioned.PlainText, what);

        return new PostContent(stored, mentioned.PlainText, mentioned.Occurrences, mentioned.Mentioned, TopicsOutsideMentions(mentioned));
    }

    // Topics come from the text around mentions: a '#' inside a display name ("Team #1") is not a topic.
    private static IReadOnlyList<Topic> TopicsOutsideMentions(MentionedText mentioned)
    {
        var withoutMentions = new StringBuilder(mentioned.PlainText);
        foreach (var m in mentioned.Occurrences)
        {
            for (var i = m.Start; i < m.Start + m.Length; i++)
            {
                withoutMentions[i] = ' ';
            }
        }

        return TopicExtractor.Extract(withoutMentions.ToString());
    }
}
