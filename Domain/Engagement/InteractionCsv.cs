using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Rapport.Domain.Engagement;

/// <summary>
/// The CSV export format for interactions (RFC 4180: comma-separated, fields with commas, quotes or line breaks in
/// double quotes, a quote inside doubled). The first line is the header; column names are matched case-insensitively
/// and '_', '-' and spaces are ignored ("External Id" = external_id), in any order, unknown columns ignored:
/// <code>
/// external_id, network, handle, kind, occurred_on     required
/// sentiment, rating, value, referred_handle           optional
/// </code>
/// Blank lines are skipped. <see cref="IncomingInteraction.RowNumber"/> is the line where the row starts (header = 1).
/// A row whose field count differs from the header's keeps a <see cref="IncomingInteraction.Problem"/>.
/// </summary>
public static class InteractionCsv
{
    public static readonly IReadOnlyList<string> RequiredColumns = new[] { "external_id", "network", "handle", "kind", "occurred_on" };

    public static readonly IReadOnlyList<string> OptionalColumns = new[] { "sentiment", "rating", "value", "referred_handle" };

    public static IReadOnlyList<IncomingInteraction> Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var records = Records(text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text);
        if (records.Count == 0)
        {
            throw new EngagementException(EngagementError.InvalidCsv, "header", $"The CSV is empty; the first line must be the header: {string.Join(",", RequiredColumns.Concat(OptionalColumns))}.");
        }

        var header = records[0].Fields;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var key = InteractionKinds.Squash(header[i]);
            if (key.Length == 0)
            {
                continue;
            }

            if (columns.ContainsKey(key))
            {
                throw new EngagementException(EngagementError.InvalidCsv, "header", $"The CSV header names column '{header[i].Trim()}' twice.");
            }

            columns[key] = i;
        }

        var missing = RequiredColumns.Where(c => !columns.ContainsKey(InteractionKinds.Squash(c))).ToList();
        if (missing.Count > 0)
        {
            throw new EngagementException(EngagementError.InvalidCsv, "header", $"The CSV header lacks the column(s) {string.Join(", ", missing)}; required: {string.Join(", ", RequiredColumns)}.");
        }

        var rows = new List<IncomingInteraction>();
        foreach (var record in records.Skip(1))
        {
            var f = record.Fields;
            if (f.Count == 1 && f[0].Trim().Length == 0)
            {
                continue;
            }

            string? Get(string column) => columns.TryGetValue(InteractionKinds.Squash(column), out var at) && at < f.Count ? f[at] : null;
            rows.Add(new IncomingInteraction(record.Line)
            {
                ExternalId = Get("external_id"),
                Network = Get("network"),
                Handle = Get("handle"),
                Kind = Get("kind"),
                OccurredOn = Get("occurred_on"),
                Sentiment = Get("sentiment"),
                Rating = Get("rating"),
                Value = Get("value"),
                ReferredHandle = Get("referred_handle"),
                Problem = f.Count == header.Count ? null : $"Line {record.Line.ToString(CultureInfo.InvariantCulture)} has {f.Count} fields but the header has {header.Count}; quote fields that contain commas.",
            });
        }

        return rows;
    }

    /// <summary>Writes rows in the export format (all columns, header first, fields quoted when needed, LF line ends).</summary>
    public static string Format(IEnumerable<IncomingInteraction> rows)
    {
        if (rows is null)
        {
            throw new ArgumentNullException(nameof(rows));
        }

        var sb = new StringBuilder();
        sb.Append(string.Join(",", RequiredColumns.Concat(OptionalColumns))).Append('\n');
        foreach (var r in rows)
        {
            var fields = new[] { r.ExternalId, r.Network, r.Handle, r.Kind, r.OccurredOn, r.Sentiment, r.Rating, r.Value, r.ReferredHandle };
            sb.Append(string.Join(",", fields.Select(Quote))).Append('\n');
        }

        return sb.ToString();
    }

    private static string Quote(string? field)
    {
        var f = field ?? string.Empty;
        return f.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 || f.Trim().Length != f.Length ? "\"" + f.Replace("\"", "\"\"") + "\"" : f;
    }

    private static List<CsvRecord> Records(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var quoteOpenedOn = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    quoteOpenedOn = line;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                case '\n':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(new CsvRecord(recordLine, fields));
                    fields = new List<string>();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }

        if (quoted)
        {
            throw new EngagementException(EngagementError.InvalidCsv, $"line {quoteOpenedOn}", $"Line {quoteOpenedOn.ToString(CultureInfo.InvariantCulture)} opens a quoted field that is never closed; close it with a double quote.");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new CsvRecord(recordLine, fields));
        }

        return records;
    }

    private sealed record CsvRecord(int Line, List<string> Fields);
}
