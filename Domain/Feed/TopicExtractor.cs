using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

/// <summary>
/// Finds #topics: <c>#word</c> (letters of any script, digits, '_' and '-') and <c>#[multi word topic]</c>, each 2 to
/// 100 characters. A '#' counts only at the start or after a character that cannot be part of a word, so "C#",
/// "page#section" and URLs are not topics. Anything that does not fit is left as plain text, never refused.
/// Topics are de-duplicated by key (case-insensitive), in order of first appearance.
/// </summary>
public static class TopicExtractor
{
    public const int MinLength = 2;

    public const int MaxLength = 100;

    public static IReadOnlyList<Topic> Extract(string text)
    {
        Guard.NotNull(text, nameof(text));
        var topics = new List<Topic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            var hash = text.IndexOf('#', i);
            if (hash < 0)
            {
                break;
            }

            i = hash + 1;
            if (hash > 0 && (IsWordChar(text, hash - 1) || text[hash - 1] == '#' || text[hash - 1] == '&' || text[hash - 1] == '/'))
            {
                continue;
            }

            string? display = null;
            if (i < text.Length && text[i] == '[')
            {
                var close = text.IndexOf(']', i + 1);
                var open = text.IndexOf('[', i + 1);
                var newline = text.IndexOfAny(new[] { '\n', '\r' }, i + 1);
                if (close > 0 && (open < 0 || open > close) && (newline < 0 || newline > close))
                {
                    display = CollapseSpaces(text.Substring(i + 1, close - i - 1));
                    i = close + 1;
                }
            }
            else
            {
                var end = i;
                while (end < text.Length && IsWordChar(text, end))
                {
                    end += char.IsSurrogatePair(text, end) ? 2 : 1;
                }

                display = text.Substring(i, end - i).TrimEnd('-', '_');
                i = end;
            }

            if (display is null || display.Length < MinLength || display.Length > MaxLength || !HasLetterOrDigit(display))
            {
                continue;
            }

            var key = Key(display);
            if (seen.Add(key))
            {
                topics.Add(new Topic(key, display));
            }
        }

        return topics;
    }

    /// <summary>The identity of a topic as typed in a filter ("#Fundraising", "fundraising", "#[Year End]").</summary>
    public static string Key(string topic)
    {
        Guard.NotNull(topic, nameof(topic));
        var t = topic.Trim();
        if (t.StartsWith("#", StringComparison.Ordinal))
        {
            t = t.Substring(1);
        }

        if (t.StartsWith("[", StringComparison.Ordinal) && t.EndsWith("]", StringComparison.Ordinal) && t.Length >= 2)
        {
            t = t.Substring(1, t.Length - 2);
        }

        return CollapseSpaces(t).ToLowerInvariant();
    }

    private static bool IsWordChar(string text, int index)
    {
        var c = text[index];
        if (c == '_' || c == '-')
        {
            return true;
        }

        if (char.IsLetterOrDigit(text, index))
        {
            return true;
        }

        var category = char.GetUnicodeCategory(text, index);
        return category == UnicodeCategory.NonSpacingMark || category == UnicodeCategory.SpacingCombiningMark;
    }

    private static bool HasLetterOrDigit(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsLetterOrDigit(s, i))
            {
                return true;
            }
        }

        return false;
    }

    private static string CollapseSpaces(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
