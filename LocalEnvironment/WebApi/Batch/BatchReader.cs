using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;

namespace Rapport.LocalEnvironment.WebApi.Batch;

/// <summary>One request inside a $batch: method, URL, headers, body; ContentId inside a change set.</summary>
internal sealed record BatchOperation(string Method, string Url, IReadOnlyDictionary<string, string> Headers, string? Body, string? ContentId);

/// <summary>A top-level part of a $batch: one operation, or a change set (several, run atomically).</summary>
internal sealed record BatchPart(BatchOperation? Operation, IReadOnlyList<BatchOperation>? ChangeSet);

/// <summary>
/// Reads a multipart/mixed $batch body as Dataverse documents it
/// (learn.microsoft.com/power-apps/developer/data-platform/webapi/execute-batch-operations-using-web-api): parts of
/// Content-Type application/http holding one request each, and change sets — nested multipart/mixed parts whose requests
/// carry a Content-ID.
/// </summary>
internal static class BatchReader
{
    /// <summary>At most 1000 requests per batch, as Dataverse allows.</summary>
    public const int MaxRequests = 1000;

    public static IReadOnlyList<BatchPart> Read(string? contentType, string body)
    {
        var boundary = Boundary(contentType) ?? throw new WebApiException("A $batch request needs Content-Type: multipart/mixed;boundary=batch_<id>.");
        var parts = new List<BatchPart>();
        foreach (var (headers, content) in Split(body, boundary))
        {
            var type = headers.GetValueOrDefault("Content-Type") ?? "";
            if (type.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
            {
                var inner = Boundary(type) ?? throw new WebApiException("A change set needs Content-Type: multipart/mixed;boundary=changeset_<id>.");
                var operations = Split(content, inner).Select(p => Operation(p.Headers, p.Content, inChangeSet: true)).ToList();
                if (operations.Any(o => o.Method == "GET"))
                {
                    throw new WebApiException("A change set holds only POST, PATCH, PUT and DELETE requests; send GET requests outside it.");
                }

                parts.Add(new BatchPart(null, operations));
            }
            else
            {
                parts.Add(new BatchPart(Operation(headers, content, inChangeSet: false), null));
            }
        }

        var count = parts.Sum(p => p.ChangeSet?.Count ?? 1);
        if (count > MaxRequests)
        {
            throw new WebApiException($"The batch holds {count} requests; the maximum is {MaxRequests}.");
        }

        return parts;
    }

    private static string? Boundary(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var media)
            && string.Equals(media.MediaType, "multipart/mixed", StringComparison.OrdinalIgnoreCase)
            ? media.Parameters.FirstOrDefault(p => string.Equals(p.Name, "boundary", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"')
            : null;

    /// <summary>The parts between --boundary lines (up to --boundary--), each as headers and content.</summary>
    private static List<(Dictionary<string, string> Headers, string Content)> Split(string body, string boundary)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var parts = new List<(Dictionary<string, string>, string)>();
        List<string>? current = null;
        var closed = false;
        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd();
            if (trimmed == "--" + boundary || trimmed == "--" + boundary + "--")
            {
                if (current is not null)
                {
                    parts.Add(Part(current));
                }

                closed = trimmed.EndsWith("--", StringComparison.Ordinal) && trimmed.Length == boundary.Length + 4;
                current = closed ? null : new List<string>();
                if (closed)
                {
                    break;
                }

                continue;
            }

            current?.Add(line);
        }

        if (!closed)
        {
            throw new WebApiException($"The multipart body does not end with --{boundary}--.");
        }

        return parts;
    }

    private static (Dictionary<string, string>, string) Part(List<string> lines)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        for (; i < lines.Count && lines[i].Trim().Length > 0; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }
        }

        return (headers, string.Join("\n", lines.Skip(i + 1)).TrimEnd('\n', '\r'));
    }

    private static BatchOperation Operation(Dictionary<string, string> partHeaders, string content, bool inChangeSet)
    {
        if (!(partHeaders.GetValueOrDefault("Content-Type") ?? "").StartsWith("application/http", StringComparison.OrdinalIgnoreCase))
        {
            throw new WebApiException("Each $batch part needs Content-Type: application/http and Content-Transfer-Encoding: binary.");
        }

        var requestLine = content.Split('\n')[0].Trim();
        // METHOD URL HTTP/1.1 (a URL with unencoded spaces is taken whole, as far as the protocol word).
        var first = requestLine.IndexOf(' ', StringComparison.Ordinal);
        var protocol = requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal);
        var words = first < 0 ? [requestLine] : new[] { requestLine[..first], requestLine[(first + 1)..(protocol > first ? protocol : requestLine.Length)].Trim() };
        if (words.Length < 2 || words[1].Length == 0 || words[0] is not ("GET" or "POST" or "PATCH" or "PUT" or "DELETE"))
        {
            throw new WebApiException($"The $batch part's request line '{requestLine}' is not 'METHOD URL HTTP/1.1'.");
        }

        // The request line is followed by its headers, a blank line and the body.
        var rest = content.Split('\n').Skip(1).ToList();
        var (headers, body) = Part(rest);
        var contentId = partHeaders.GetValueOrDefault("Content-ID") ?? headers.GetValueOrDefault("Content-ID");
        if (inChangeSet && contentId is null)
        {
            throw new WebApiException("Each request of a change set needs a Content-ID header.");
        }

        return new BatchOperation(words[0], words[1], headers, body.Trim().Length == 0 ? null : body, contentId);
    }
}
