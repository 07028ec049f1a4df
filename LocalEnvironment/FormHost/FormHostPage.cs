using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Text.Json;
using Rapport.Emulator;
using Rapport.Solution.Model;
using Rapport.Solution.Packing;

namespace Rapport.LocalEnvironment.FormHost;

/// <summary>
/// A stand-in for a model-driven form: a page that places a web resource in an iframe (with the typename/id/data
/// parameters a form passes) and provides the Xrm client API shim, so the built JavaScript runs unmodified.
/// </summary>
internal static class FormHostPage
{
    public static readonly string Shim = ReadShim();

    private const string Style = "html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}";

    /// <summary>The web resource to host: the one named, else the first HTML one with "feed" in its name, else the first HTML one.</summary>
    public static PackedWebResource? Pick(IEnumerable<PackedWebResource> resources, string? name)
    {
        var all = resources.ToList();
        if (name is not null)
        {
            return all.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
        }

        var html = all.Where(r => r.Type == WebResourceType.Html).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        return html.FirstOrDefault(r => r.Name.Contains("feed", StringComparison.OrdinalIgnoreCase)) ?? html.FirstOrDefault();
    }

    public static string Render(DataverseEmulator env, string clientUrl, string token, string table, Guid id, string webResource)
    {
        var config = new Dictionary<string, object>
        {
            ["token"] = token,
            ["clientUrl"] = clientUrl.TrimEnd('/'),
            ["userId"] = env.SystemUserId.ToString("D"),
            ["userName"] = "SYSTEM",
            ["languageId"] = 1033,
            ["organizationId"] = env.OrganizationId.ToString("D"),
            ["sets"] = env.Metadata.Tables.ToDictionary(t => t.LogicalName, t => t.Definition.SetName),
        };
        var source = $"/WebResources/{webResource}?typename={Uri.EscapeDataString(table)}&id={Uri.EscapeDataString("{" + id.ToString("D").ToUpperInvariant() + "}")}&data=";
        return $"""
            <!DOCTYPE html>
            <html>
            <head>
            <meta charset="utf-8">
            <title>{WebUtility.HtmlEncode(table)} form — Rapport local environment</title>
            <script>window.__rapportLocal = {JsonSerializer.Serialize(config).Replace("</", "<\\/", StringComparison.Ordinal)};</script>
            <script src="/rapport/xrm-shim.js"></script>
            <style>{Style}</style>
            </head>
            <body>
            <iframe id="WebResource_{WebUtility.HtmlEncode(Path.GetFileNameWithoutExtension(webResource))}" title="{WebUtility.HtmlEncode(webResource)}" src="{WebUtility.HtmlEncode(source)}"></iframe>
            </body>
            </html>
            """;
    }

    private static string ReadShim()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Rapport.LocalEnvironment.FormHost.xrm-shim.js")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
