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
    {
        Method = context.Request.Method;
        Path = Uri.UnescapeDataString(path);
        Query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        Body = body;
        BaseUrl = $"{context.Request.Scheme}://{context.Request.Host}/api/data/v9.2/";
        Preferences = context.Request.Headers["Prefer"].SelectMany(h => (h ?? "").Split(',')).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        IfMatch = context.Request.Headers.IfMatch.ToString();
        CallerId = context.Request.Headers[Impersonation.CallerIdHeader].ToString();
        CallerObjectId = context.Request.Headers[Impersonation.CallerObjectIdHeader].ToString();
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
    public Dictionary<string, string> Headers { get; } = new(StringComparer.Ordinal);

    public static ApiResponse NoContent() => new(204);

    public ApiResponse With(string header, string value)
    {
        Headers[header] = value;
        return this;
    }
}
