using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Rapport.LocalEnvironment.WebApi;

/// <summary>One Web API call, read before the emulator lock is taken: method, path after /api/data/v9.2/, query, Prefer, body.</summary>
internal sealed class ApiRequest
{
    public ApiRequest(HttpContext context, string path, JsonElement? body)
        : this(
            context.Request.Method,
            path,
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            body,
            $"{context.Request.Scheme}://{context.Request.Host}/api/data/v9.2/",
            key => context.Request.Headers[key].ToString())
    {
    }

    /// <summary>A request read from elsewhere (a $batch part): <paramref name="header"/> answers a header's value ("" when absent).</summary>
    public ApiRequest(string method, string path, IReadOnlyDictionary<string, string> query, JsonElement? body, string baseUrl, Func<string, string> header)
    {
        Method = method;
        Path = Uri.UnescapeDataString(path);
        Query = query;
        Body = body;
        BaseUrl = baseUrl;
        Preferences = header("Prefer").Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        IfMatch = header("If-Match");
        CallerId = header(Impersonation.CallerIdHeader);
        CallerObjectId = header(Impersonation.CallerObjectIdHeader);
    }

    public string Method { get; }

    public string Path { get; }

    public IReadOnlyDictionary<string, string> Query { get; }

    public JsonElement? Body { get; }

    public string BaseUrl { get; }

    public IReadOnlyList<string> Preferences { get; }

    public string IfMatch { get; }

    /// <summary>The MSCRMCallerID header (empty when absent).</summary>
    public string CallerId { get; }

    /// <summary>The CallerObjectId header (empty when absent).</summary>
    public string CallerObjectId { get; }

    public bool ReturnRepresentation => Preferences.Contains("return=representation", StringComparer.OrdinalIgnoreCase);

    /// <summary>odata.include-annotations="*" or one naming the FormattedValue / lookuplogicalname annotations.</summary>
    public bool Annotations => Preferences.Any(p => p.StartsWith("odata.include-annotations", StringComparison.OrdinalIgnoreCase)
        && (p.Contains('*', StringComparison.Ordinal) || p.Contains("FormattedValue", StringComparison.OrdinalIgnoreCase) || p.Contains("lookuplogicalname", StringComparison.OrdinalIgnoreCase)));

    public int? MaxPageSize => Preferences
        .Where(p => p.StartsWith("odata.maxpagesize=", StringComparison.OrdinalIgnoreCase))
        .Select(p => int.TryParse(p["odata.maxpagesize=".Length..], out var size) && size > 0 ? size : (int?)null)
        .FirstOrDefault();

    public string? Option(string name) => Query.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public JsonElement RequireBody() => Body ?? throw new WebApiException("The request has no JSON body.");
}

/// <summary>What the handler answers: status, headers and an optional JSON body.</summary>
internal sealed record ApiResponse(int Status, object? Body = null)
{
    /// <summary>The body's media type when it is text rather than JSON ($metadata, $batch).</summary>
    public string? ContentType { get; init; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.Ordinal);

    public static ApiResponse NoContent() => new(204);

    public ApiResponse With(string header, string value)
    {
        Headers[header] = value;
        return this;
    }
}
