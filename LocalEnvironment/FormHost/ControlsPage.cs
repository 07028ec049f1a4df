using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using Rapport.Emulator;
using Rapport.Solution.Packing;

namespace Rapport.LocalEnvironment.FormHost;

/// <summary>
/// A model-driven form with Rapport's code components: the header and command bar (the solution's Follow command,
/// run by the Xrm shim), then the Feed and, on contacts and accounts, the InsightsCard, placed in the page itself (no
/// iframe) and run by /controls/platform/pcf-host.js with a component framework context on this environment's Web API.
/// 1366 px: feed and card side by side as form sections; under 768 px: one column, and the page is the only scroll.
/// </summary>
internal static class ControlsPage
{
    private const string Style = "html,body{margin:0}body{font-family:'Segoe UI','Segoe UI Web (West European)',system-ui,sans-serif;background:#f5f5f5;color:#242424}"
        + ".form-header{display:flex;flex-wrap:wrap;align-items:center;gap:4px 12px;padding:8px 16px;background:#fff;border-bottom:1px solid #e0e0e0}"
        + ".form-header h1{font-size:20px;font-weight:600;margin:0;overflow-wrap:anywhere}.form-table{color:#616161;font-size:14px}"
        + "#commandbar{display:flex;gap:4px;margin-left:auto}"
        + "#commandbar button{display:inline-flex;align-items:center;gap:6px;min-height:32px;padding:4px 12px;border:1px solid #d1d1d1;background:#fff;border-radius:4px;cursor:pointer;font:inherit;font-size:14px;color:#242424}"
        + "#commandbar button:hover{background:#f5f5f5}#commandbar button:focus-visible{outline:2px solid #000;outline-offset:1px}#commandbar img{width:16px;height:16px}"
        + ".form-body{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:12px;padding:12px 16px;align-items:start}"
        + ".form-body.single{grid-template-columns:minmax(0,1fr)}"
        + ".form-section{background:#fff;border-radius:4px;box-shadow:0 0 2px rgba(0,0,0,.12),0 2px 4px rgba(0,0,0,.14);min-width:0}"
        + "@media (max-width:767px){.form-body{grid-template-columns:minmax(0,1fr);padding:8px;gap:8px}#commandbar{margin-left:0}}";

    public static string Render(DataverseEmulator env, string clientUrl, string? token, string table, Guid id, Guid user, bool impersonate, IEnumerable<PackedWebResource> resources, bool withCard)
    {
        var definition = env.Metadata.Find(table)!.Definition;
        var recordName = env.Store.Find(table, id)?[definition.PrimaryNameAttribute] as string ?? string.Empty;
        var hasFollow = resources.Any(r => string.Equals(r.Name, FormHostPage.FollowCommands, StringComparison.OrdinalIgnoreCase));
        var config = FormHostPage.ClientConfig(env, clientUrl, token, user, impersonate);
        config["form"] = new Dictionary<string, object>
        {
            ["table"] = table,
            ["id"] = id.ToString("D"),
            ["name"] = recordName,
            ["controls"] = Array.Empty<string>(),
            ["commands"] = hasFollow,
            ["onLoad"] = false,
        };
        var record = new Dictionary<string, object> { ["table"] = table, ["id"] = id.ToString("D"), ["name"] = recordName };
        var controls = new List<Dictionary<string, object>>
        {
            new() { ["element"] = "control-feed", ["control"] = "Rapport.Feed", ["record"] = record, ["parameters"] = new Dictionary<string, string> { ["anchor"] = recordName } },
        };
        if (withCard)
        {
            controls.Add(new() { ["element"] = "control-insights", ["control"] = "Rapport.InsightsCard", ["record"] = record, ["parameters"] = new Dictionary<string, string> { ["anchor"] = recordName } });
        }

        var sections = """<section class="form-section" aria-label="Feed"><div id="control-feed" class="pcf-control" data-control="Rapport.Feed"></div></section>"""
            + (withCard ? """<section class="form-section" aria-label="Customer value and engagement"><div id="control-insights" class="pcf-control" data-control="Rapport.InsightsCard"></div></section>""" : string.Empty);
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(recordName.Length > 0 ? recordName : table)} — Rapport local environment</title>
            {FormHostPage.Script(config)}
            {HostScript(env, controls, table)}
            <script src="/rapport/xrm-shim.js"></script>
            {(hasFollow ? $"""<script src="/WebResources/{FormHostPage.FollowCommands}"></script>""" : string.Empty)}
            <script src="/controls/platform/platform-libs.js"></script>
            <script src="/controls/platform/pcf-host.js" defer></script>
            <style>{Style}</style>
            </head>
            <body>
            <header class="form-header"><h1 id="form-title">{WebUtility.HtmlEncode(recordName)}</h1><span class="form-table">{WebUtility.HtmlEncode(definition.DisplayName)}</span>
            <div id="commandbar" role="toolbar" aria-label="Commands"></div></header>
            <main class="form-body{(withCard ? string.Empty : " single")}">{sections}</main>
            </body>
            </html>
            """;
    }

    /// <summary>window.__rapportControls: where each control goes, and the tables' names for context.utils.getEntityMetadata.</summary>
    public static string HostScript(DataverseEmulator env, IReadOnlyList<Dictionary<string, object>> controls, string? table)
    {
        var metadata = new Dictionary<string, object>();
        foreach (var name in new[] { table, "contact", "account", "systemuser", "team" }.OfType<string>().Distinct())
        {
            if (env.Metadata.Find(name)?.Definition is { } d)
            {
                metadata[name] = new Dictionary<string, string>
                {
                    ["DisplayName"] = d.DisplayName,
                    ["DisplayCollectionName"] = d.PluralName,
                    ["PrimaryIdAttribute"] = d.PrimaryIdAttribute,
                    ["PrimaryNameAttribute"] = d.PrimaryNameAttribute,
                    ["EntitySetName"] = d.SetName,
                };
            }
        }

        var json = JsonSerializer.Serialize(new Dictionary<string, object> { ["controls"] = controls, ["metadata"] = metadata });
        return $"<script>window.__rapportControls = {json.Replace("</", "<\\/", StringComparison.Ordinal)};</script>";
    }
}
