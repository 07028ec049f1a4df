using System;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Rapport.LocalEnvironment.WebApi;

/// <summary>Request bodies the Web API reads: JSON, sent as application/json
/// (learn.microsoft.com/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors#http-headers).</summary>
internal static class JsonBodies
{
    /// <summary>A body sent with another media type (text/plain, a form, none) is refused with 415, before anything is written.</summary>
    public static void RequireJson(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !string.Equals(media.MediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new WebApiException(415, WebApiException.UnsupportedMediaType,
                $"The request's Content-Type '{contentType}' is not supported: send the body as 'application/json'.");
        }
    }

    public static JsonElement Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new WebApiException($"The request body is not valid JSON: {e.Message}");
        }
    }
}
