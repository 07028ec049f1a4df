using System;
using System.IO;

namespace Rapport.LocalEnvironment;

/// <summary>The content type a web resource is served with, by its extension.</summary>
internal static class ContentTypes
{
    public static string Of(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".htm" or ".html" => "text/html; charset=utf-8",
        ".xml" or ".xsl" or ".xslt" => "application/xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".ico" => "image/x-icon",
        ".svg" => "image/svg+xml",
        ".resx" => "application/xml",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}
