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

    private const string Style = "html,body{margin:0;height:100%;font-family:'Segoe UI',system-ui,sans-serif}body{display:flex;flex-direction:column}"
        + ".form-header{display:flex;flex-wrap:wrap;align-items:center;gap:4px 12px;padding:8px 12px;border-bottom:1px solid #d1d1d1}"
        + ".form-header h1{font-size:18px;margin:0}.form-table{color:#616161;font-size:13px}#commandbar{display:flex;gap:4px;margin-left:auto}"
        + "#commandbar button{display:inline-flex;align-items:center;gap:4px;min-height:32px;padding:4px 10px;border:1px solid #d1d1d1;background:#fff;border-radius:4px;cursor:pointer;font:inherit}"
        + "#commandbar img{width:16px;height:16px}.form-body{flex:1;display:flex;flex-wrap:wrap;min-height:0}"
        + "iframe{border:0;height:100%;min-height:480px}iframe.main{flex:2 1 360px}iframe.card{flex:1 1 300px;border-left:1px solid #eee}";

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

    /// <summary>The form's web resources, by control name as a Rapport form wires them (see WebResources/README.md).</summary>
    private static readonly (string Control, string Name)[] FormControls =
    [
        ("WebResource_rapport_feed", "rapport_/feed/feed.html"),
        ("WebResource_rapport_insights", "rapport_/card/insights.html"),
    ];

    internal const string FollowCommands = "rapport_/commands/follow.js";
    private const string FormScript = "rapport_/forms/feedhost.js";

    /// <summary>
    /// The form: a command bar (Follow / Unfollow when the solution has the follow command script), the named web resource
    /// (or the feed and, for contacts and accounts, the insights card) in iframes, and the form OnLoad script handing the
    /// client API to them the way a model-driven form runs Rapport.Forms.FeedHost.onLoad. The page runs as <c>user</c>
    /// (the token's user, or the one named by &amp;user=; then <c>impersonate</c> makes the shim send MSCRMCallerID).
    /// </summary>
    public static string Render(DataverseEmulator env, string clientUrl, string? token, string table, Guid id, string webResource, IReadOnlyCollection<string>? available, Guid user, bool impersonate)
    {
        var names = available ?? [];
        bool Has(string name) => names.Contains(name, StringComparer.OrdinalIgnoreCase);
        var tableDefinition = env.Metadata.Find(table)!.Definition;
        var recordName = env.Store.Find(table, id)?[tableDefinition.PrimaryNameAttribute] as string ?? string.Empty;
        var controls = FormControls.Where(c => Has(c.Name) && (c.Control != "WebResource_rapport_insights" || table is "contact" or "account")).ToList();
        if (!controls.Any(c => string.Equals(c.Name, webResource, StringComparison.OrdinalIgnoreCase)))
        {
            // A web resource named with ?webresource= (or one not wired on Rapport's forms): host it alone.
            controls = [("WebResource_" + Path.GetFileNameWithoutExtension(webResource), webResource)];
        }

        var config = ClientConfig(env, clientUrl, token, user, impersonate);
        config["form"] = new Dictionary<string, object>
        {
            ["table"] = table,
            ["id"] = id.ToString("D"),
            ["name"] = recordName,
            ["controls"] = controls.Select(c => c.Control).ToList(),
            ["commands"] = Has(FollowCommands),
            ["onLoad"] = Has(FormScript),
        };

        var query = $"?typename={Uri.EscapeDataString(table)}&id={Uri.EscapeDataString("{" + id.ToString("D").ToUpperInvariant() + "}")}&data=";
        var frames = string.Concat(controls.Select(c =>
            $"""<iframe id="{WebUtility.HtmlEncode(c.Control)}" class="{(c.Control == "WebResource_rapport_insights" ? "card" : "main")}" title="{WebUtility.HtmlEncode(c.Name)}" src="{WebUtility.HtmlEncode("/WebResources/" + c.Name + query)}"></iframe>"""));
        var scripts = (Has(FollowCommands) ? $"""<script src="/WebResources/{FollowCommands}"></script>""" : string.Empty)
            + (Has(FormScript) ? $"""<script src="/WebResources/{FormScript}"></script>""" : string.Empty);
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(recordName.Length > 0 ? recordName : table)} — Rapport local environment</title>
            {Script(config)}
            <script src="/rapport/xrm-shim.js"></script>
            {scripts}
            <style>{Style}</style>
            </head>
            <body>
            <header class="form-header"><h1 id="form-title">{WebUtility.HtmlEncode(recordName)}</h1><span class="form-table">{WebUtility.HtmlEncode(tableDefinition.DisplayName)}</span>
            <div id="commandbar" role="toolbar" aria-label="Commands"></div></header>
            <div class="form-body">{frames}</div>
            </body>
            </html>
            """;
    }

    /// <summary>
    /// The form for a record the viewing user cannot read, as a model-driven app shows it: the access message only —
    /// no record name, no feed (so no composer), no card, no commands.
    /// </summary>
    public static string NoAccess(DataverseEmulator env, string table)
    {
        var display = WebUtility.HtmlEncode(env.Metadata.Find(table)?.Definition.DisplayName ?? table);
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>No access — Rapport local environment</title><style>{Style}</style></head>
            <body>
            <header class="form-header"><h1 id="form-title">You don't have access to this record</h1><span class="form-table">{display}</span></header>
            <main class="form-body" style="padding:12px"><p id="no-access" role="alert">Ask the record's owner or your administrator to share it with you.</p></main>
            </body>
            </html>
            """;
    }

    /// <summary>
    /// The shim's window.__rapportLocal without a form. A null token (the page was opened with the sign-in session
    /// cookie) keeps the token out of the page: the shim then calls the Web API same-origin with the cookie.
    /// </summary>
    public static Dictionary<string, object> ClientConfig(DataverseEmulator env, string clientUrl, string? token, Guid user, bool impersonate)
    {
        var config = new Dictionary<string, object>
        {
            ["clientUrl"] = clientUrl.TrimEnd('/'),
            ["userId"] = user.ToString("D"),
            ["userName"] = env.Store.Find("systemuser", user)?["fullname"] as string ?? string.Empty,
            ["languageId"] = 1033,
            ["organizationId"] = env.OrganizationId.ToString("D"),
            ["sets"] = env.Metadata.Tables.ToDictionary(t => t.LogicalName, t => t.Definition.SetName),
        };
        if (token is not null)
        {
            config["token"] = token;
        }

        if (impersonate)
        {
            config["callerId"] = user.ToString("D");
        }

        return config;
    }

    /// <summary>A config as a script-safe JSON literal ("&lt;/" escaped, so no value can close the script element).</summary>
    public static string Script(Dictionary<string, object> config) =>
        $"<script>window.__rapportLocal = {JsonSerializer.Serialize(config).Replace("</", "<\\/", StringComparison.Ordinal)};</script>";

    private static string ReadShim()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Rapport.LocalEnvironment.FormHost.xrm-shim.js")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
