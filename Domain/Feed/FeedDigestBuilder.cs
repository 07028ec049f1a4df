using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

/// <summary>An e-mail digest: subject, HTML body, plain-text body, and what it counts.</summary>
public sealed record FeedDigest(string Subject, string Html, string PlainText, int ItemCount, int RecordCount);

/// <summary>
/// How a digest shows times and links: the culture for dates (invariant by default), the recipient's time zone
/// (UTC by default), and an optional link for a record (only http and https links are used).
/// </summary>
public sealed record DigestOptions(CultureInfo? Culture = null, TimeZoneInfo? TimeZone = null, Func<RecordRef, string?>? RecordUrl = null)
{
    /// <summary>A link that stops these digests, shown at the foot of both bodies (http and https only).</summary>
    public string? UnsubscribeUrl { get; init; }
}

/// <summary>
/// Builds a user's digest for a period: items in [start, end), grouped by regarding record, the most recently active
/// record first and each record's items newest first, with counts. Every piece of text is HTML-encoded in the HTML
/// body: a post's "&lt;img onerror=…&gt;" arrives as text, never as markup.
/// </summary>
public static class FeedDigestBuilder
{
    public static FeedDigest Build(string? recipientName, DateTime periodStart, DateTime periodEnd, IEnumerable<FeedItem> items, DigestOptions? options = null)
    {
        Guard.NotNull(items, nameof(items));
        var o = options ?? new DigestOptions();
        var inPeriod = items.Where(i => i.Regarding is not null && i.CreatedOn >= periodStart && i.CreatedOn < periodEnd).ToList();
        var groups = inPeriod
            .GroupBy(i => i.Regarding!.Key, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(i => i.CreatedOn).ThenByDescending(i => i.Id, GuidSqlOrder.Instance).ToList())
            .OrderByDescending(g => g[0].CreatedOn)
            .ThenBy(g => g[0].Regarding!.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var period = Time(periodStart, o) + " – " + Time(periodEnd, o);
        var greeting = "Hello" + (Guard.IsBlank(recipientName) ? string.Empty : " " + recipientName.Trim()) + ",";
        var html = new StringBuilder();
        var text = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Rapport digest</title></head><body style=\"font-family:Segoe UI,Arial,sans-serif\">");
        html.Append("<p>").Append(HtmlText.Encode(greeting)).Append("</p>");
        text.Append(greeting).Append('\n').Append('\n');

        string subject;
        if (groups.Count == 0)
        {
            subject = "Rapport digest: nothing new";
            var nothing = "Nothing new in your feed for " + period + ".";
            html.Append("<p>").Append(HtmlText.Encode(nothing)).Append("</p>");
            text.Append(nothing).Append('\n');
        }
        else
        {
            var summary = Count(inPeriod.Count, "update") + " on " + Count(groups.Count, "record") + " you follow, " + period + ".";
            subject = "Rapport digest: " + Count(inPeriod.Count, "update") + " on " + Count(groups.Count, "record");
            html.Append("<p>").Append(HtmlText.Encode(summary)).Append("</p>");
            text.Append(summary).Append('\n');
            foreach (var group in groups)
            {
                AppendGroup(html, text, group, o);
            }
        }

        if (SafeUrl(o.UnsubscribeUrl) is { } unsubscribe)
        {
            html.Append("<p style=\"color:#555;font-size:12px\"><a href=\"").Append(HtmlText.Encode(unsubscribe)).Append("\">Unsubscribe from these digests</a></p>");
            text.Append('\n').Append("Unsubscribe from these digests: ").Append(unsubscribe).Append('\n');
        }

        html.Append("</body></html>");
        return new FeedDigest(subject, html.ToString(), text.ToString(), inPeriod.Count, groups.Count);
    }

    private static void AppendGroup(StringBuilder html, StringBuilder text, IReadOnlyList<FeedItem> group, DigestOptions o)
    {
        var record = group[0].Regarding!;
        var name = record.Name.Length == 0 ? record.Table : record.Name;
        var heading = name + " (" + Count(group.Count, "update") + ")";
        var url = o.RecordUrl?.Invoke(record);
        var safeUrl = SafeUrl(url);

        html.Append("<h2 style=\"font-size:16px\">");
        if (safeUrl is null)
        {
            html.Append(HtmlText.Encode(heading));
        }
        else
        {
            html.Append("<a href=\"").Append(HtmlText.Encode(safeUrl)).Append("\">").Append(HtmlText.Encode(name)).Append("</a>")
                .Append(HtmlText.Encode(" (" + Count(group.Count, "update") + ")"));
        }

        html.Append("</h2><ul>");
        text.Append('\n').Append(heading).Append('\n');
        if (safeUrl is not null)
        {
            text.Append(safeUrl).Append('\n');
        }

        foreach (var item in group)
        {
            var who = item.Author is null || item.Author.Name.Length == 0 ? "Rapport" : item.Author.Name;
            var meta = who + ", " + Time(item.CreatedOn, o);
            var extras = new List<string>();
            if (item.CommentCount > 0)
            {
                extras.Add(Count(item.CommentCount, "comment"));
            }

            if (item.LikeCount > 0)
            {
                extras.Add(Count(item.LikeCount, "like"));
            }

            var tail = extras.Count == 0 ? string.Empty : " (" + string.Join(", ", extras) + ")";
            html.Append("<li><div style=\"color:#555\">").Append(HtmlText.Encode(meta + tail)).Append("</div><div>")
                .Append(HtmlText.Encode(item.Text).Replace("\r\n", "\n").Replace("\n", "<br>"))
                .Append("</div></li>");
            text.Append("- ").Append(meta).Append(tail).Append(": ").Append(item.Text.Replace("\r\n", "\n").Replace("\n", "\n  ")).Append('\n');
        }

        html.Append("</ul>");
    }

    private static string? SafeUrl(string? url) =>
        url is not null && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ? url : null;

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");

    private static string Time(DateTime utc, DigestOptions o)
    {
        var value = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        if (o.TimeZone is null)
        {
            return o.Culture is null
                ? value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
                : value.ToString("g", o.Culture) + " UTC";
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(value, o.TimeZone);
        return o.Culture is null ? local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : local.ToString("g", o.Culture);
    }

    private sealed class GuidSqlOrder : IComparer<Guid>
    {
        public static readonly GuidSqlOrder Instance = new GuidSqlOrder();

        public int Compare(Guid x, Guid y) => FeedPosition.CompareSql(x, y);
    }
}
