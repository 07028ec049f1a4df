using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

/// <summary>The result of <see cref="MentionParser.Parse"/>: the plain text people read and the mentions in it.</summary>
public sealed record MentionedText(string PlainText, IReadOnlyList<Mention> Occurrences, IReadOnlyList<RecordRef> Mentioned);

/// <summary>
/// Reads mention tokens written by the web resources: <c>@[table,guid,"Display Name"]</c>, the display name with
/// <c>\"</c> for a quote and <c>\\</c> for a backslash, e.g. <c>@[systemuser,7d0c…,"Ana López"]</c>. Any other
/// <c>@[</c> is a malformed token and is refused with its position. At most <see cref="MaxMentions"/> distinct rows.
/// </summary>
public static class MentionParser
{
    /// <summary>Chatter's limit of mentions per post or comment (distinct rows).</summary>
    public const int MaxMentions = 25;

    public const int MaxNameLength = 400;

    private const string Example = "@[systemuser,7d0c2b1e-0000-4000-8000-000000000001,\"Ana López\"]";

    /// <summary>The token for one row, escaping the name, so composed text parses back to the same mention.</summary>
    public static string Format(RecordRef record)
    {
        Guard.NotNull(record, nameof(record));
        var name = record.Name.Replace("\\", "\\\\").Replace("\"", "\\\"");
        return "@[" + record.Table + "," + record.Id.ToString("D") + ",\"" + name + "\"]";
    }

    /// <summary>The plain text with every mention rendered as "@Name".</summary>
    public static string Render(string text) => Parse(text).PlainText;

    /// <summary>Parses every token; throws <see cref="FeedException"/> for a malformed token or too many mentions.</summary>
    public static MentionedText Parse(string text)
    {
        Guard.NotNull(text, nameof(text));
        var plain = new StringBuilder(text.Length);
        var occurrences = new List<Mention>();
        var distinct = new List<RecordRef>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            var at = text.IndexOf("@[", i, StringComparison.Ordinal);
            if (at < 0)
            {
                plain.Append(text, i, text.Length - i);
                break;
            }

            plain.Append(text, i, at - i);
            var end = ReadToken(text, at, out var record);
            var rendered = "@" + record.Name;
            occurrences.Add(new Mention(record, plain.Length, rendered.Length));
            plain.Append(rendered);
            if (seen.Add(record.Key))
            {
                distinct.Add(record);
            }

            i = end;
        }

        if (distinct.Count > MaxMentions)
        {
            throw new FeedException(
                FeedError.TooManyMentions,
                $"The text mentions {distinct.Count} different people or records; the limit is {MaxMentions}. Remove {distinct.Count - MaxMentions} of them.");
        }

        return new MentionedText(plain.ToString(), occurrences, distinct);
    }

    /// <summary>Reads the token starting at <paramref name="start"/> ("@["); returns the index just after its "]".</summary>
    private static int ReadToken(string text, int start, out RecordRef record)
    {
        var p = start + 2;

        var tableStart = p;
        while (p < text.Length && (char.IsLetterOrDigit(text[p]) || text[p] == '_') && text[p] < 128)
        {
            p++;
        }

        var table = text.Substring(tableStart, p - tableStart);
        if (table.Length == 0 || table.Length > 64 || !char.IsLetter(table[0]))
        {
            throw Malformed(text, start, "it does not start with a table logical name");
        }

        p = ExpectComma(text, p, start, "the table name");

        var idStart = p;
        while (p < text.Length && text[p] != ',' && text[p] != ']' && p - idStart <= 38)
        {
            p++;
        }

        var idText = text.Substring(idStart, p - idStart).Trim();
        if (!Guid.TryParseExact(idText, "D", out var id) && !Guid.TryParseExact(idText, "B", out id))
        {
            throw Malformed(text, start, "the id is not a GUID");
        }

        p = ExpectComma(text, p, start, "the id");

        if (p >= text.Length || text[p] != '"')
        {
            throw Malformed(text, start, "the display name is not in double quotes");
        }

        p++;
        var name = new StringBuilder();
        while (true)
        {
            if (p >= text.Length || text[p] == '\n' || text[p] == '\r')
            {
                throw Malformed(text, start, "the display name has no closing quote");
            }

            var c = text[p];
            if (c == '\\' && p + 1 < text.Length && (text[p + 1] == '"' || text[p + 1] == '\\'))
            {
                name.Append(text[p + 1]);
                p += 2;
                continue;
            }

            p++;
            if (c == '"')
            {
                break;
            }

            name.Append(c);
        }

        if (p >= text.Length || text[p] != ']')
        {
            throw Malformed(text, start, "the closing ']' is missing after the display name");
        }

        var display = name.ToString().Trim();
        if (display.Length == 0 || display.Length > MaxNameLength)
        {
            throw Malformed(text, start, $"the display name must have 1 to {MaxNameLength} characters");
        }

        record = new RecordRef(table.ToLowerInvariant(), id, display);
        return p + 1;
    }

    private static int ExpectComma(string text, int p, int start, string after)
    {
        if (p >= text.Length || text[p] != ',')
        {
            throw Malformed(text, start, $"a comma is missing after {after}");
        }

        p++;
        while (p < text.Length && text[p] == ' ')
        {
            p++;
        }

        return p;
    }

    private static FeedException Malformed(string text, int start, string why)
    {
        const int Shown = 60;
        var snippet = text.Length - start > Shown ? text.Substring(start, Shown) + "…" : text.Substring(start);
        var position = (start + 1).ToString(CultureInfo.InvariantCulture);
        return new FeedException(
            FeedError.InvalidMention,
            $"The mention at character {position} is malformed ({why}): {snippet}. Write mentions as {Example}, or remove the '@['.");
    }
}
