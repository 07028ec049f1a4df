using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using Rapport.Emulator;
using Rapport.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Rapport.LocalEnvironment.FormHost;

namespace Rapport.LocalEnvironment.Web;

/// <summary>
/// /rapport/: where the sign-in link lands. Rapport's "My feed" dashboard (the feed web resource in scope=my mode, as
/// the solution's Rapport dashboard hosts it), the most recent contacts and accounts (links to their forms) and the
/// users with "view as" links. Every value from the data is HTML-encoded; the page holds no token (the shim calls the
/// Web API with the session cookie).
/// </summary>
internal static class LandingPage
{
    public const string FeedPage = "rapport_/feed/feed.html";
    public const int RecentCount = 20;

    /// <summary>Fluent UI v9's web light theme as CSS (its token values: neutral backgrounds, brand #0f6cbd, 4 px radii, shadow4).</summary>
    private const string Style = ":root{--colorNeutralForeground1:#242424;--colorNeutralForeground3:#616161;--colorNeutralBackground1:#fff;--colorNeutralBackground2:#fafafa;"
        + "--colorNeutralStroke2:#e0e0e0;--colorBrandForegroundLink:#115ea3;--colorBrandBackground:#0f6cbd;--borderRadiusMedium:4px;--shadow4:0 0 2px rgba(0,0,0,.12),0 2px 4px rgba(0,0,0,.14)}"
        + "body{margin:0;font-family:'Segoe UI','Segoe UI Web (West European)',system-ui,sans-serif;font-size:14px;line-height:20px;color:var(--colorNeutralForeground1);background:var(--colorNeutralBackground2)}"
        + "header{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 16px;padding:12px 16px;background:var(--colorNeutralBackground1);border-bottom:1px solid var(--colorNeutralStroke2)}"
        + "header h1{font-size:20px;line-height:28px;font-weight:600;margin:0}#viewing-as{color:var(--colorNeutralForeground3)}"
        + "main{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:16px;padding:16px;align-items:start}"
        + "@media (max-width:767px){main{grid-template-columns:minmax(0,1fr);padding:8px;gap:8px}}"
        + ".card{background:var(--colorNeutralBackground1);border-radius:var(--borderRadiusMedium);box-shadow:var(--shadow4);padding:12px 16px;min-width:0}"
        + "section.feed{padding:0}section.feed>h2{padding:12px 16px 0}section.feed iframe{display:block;width:100%;border:0;min-height:540px}"
        + "aside{display:flex;flex-direction:column;gap:16px;min-width:0}"
        + "h2{font-size:16px;line-height:22px;font-weight:600;margin:0 0 8px}ul{list-style:none;margin:0;padding:0}li{padding:6px 0;border-top:1px solid var(--colorNeutralStroke2);overflow-wrap:anywhere}li:first-child{border-top:0}"
        + "a{color:var(--colorBrandForegroundLink);text-decoration:none}a:hover{text-decoration:underline}a:focus-visible{outline:2px solid #000;outline-offset:1px}"
        + ".start li{display:flex;flex-direction:column;gap:2px}.start a{font-weight:600}.hint{color:var(--colorNeutralForeground3)}";

    /// <summary>The page as <paramref name="user"/>; <paramref name="impersonate"/> when it is not the session's own user (links then carry &amp;user=).
    /// With <paramref name="controls"/> My feed is the Feed code component (scope "my"), else the feed web resource in a frame.</summary>
    public static string Render(DataverseEmulator env, string clientUrl, Guid administrator, Guid user, bool impersonate, bool hasFeed, bool controls = false)
    {
        var suffix = impersonate ? "&user=" + user.ToString("D") : string.Empty;
        var userName = Name(env.Store.Find("systemuser", user), "fullname");
        var feed = controls
            ? """<div id="control-myfeed" class="pcf-control" data-control="Rapport.Feed"></div>"""
            : hasFeed
            ? $"""<iframe id="WebResource_rapport_myfeed" title="My feed" src="/WebResources/{FeedPage}?data={Uri.EscapeDataString("scope=my")}"></iframe>"""
            : "<p>The feed appears once the Rapport solution is imported (run <code>dotnet pwsh ./Deploy.ps1</code>).</p>";
        var host = controls
            ? ControlsPage.HostScript(env, [new() { ["element"] = "control-myfeed", ["control"] = "Rapport.Feed", ["record"] = null!, ["parameters"] = new Dictionary<string, string> { ["scope"] = "my" } }], null)
                + """<script src="/controls/platform/platform-libs.js"></script><script src="/controls/platform/pcf-host.js" defer></script>"""
            : string.Empty;
        var viewing = impersonate
            ? $"""<span id="viewing-as">Viewing as {Encode(userName)} · <a href="/rapport/">back to {Encode(Name(env.Store.Find("systemuser", administrator), "fullname"))}</a></span>"""
            : $"""<span id="viewing-as">Signed in as {Encode(userName)}</span>""";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Rapport — local environment</title>
            {FormHostPage.Script(FormHostPage.ClientConfig(env, clientUrl, null, user, impersonate))}
            <script src="/rapport/xrm-shim.js"></script>
            {host}
            <style>{Style}</style>
            </head>
            <body>
            <header><h1>Rapport</h1>{viewing}</header>
            <main>
            <section class="feed card" aria-labelledby="feed-title"><h2 id="feed-title">My feed</h2>{feed}</section>
            <aside>
            {WhereToStart(env, user, suffix)}
            {Records(env, "contact", "Recent contacts", suffix)}
            {Records(env, "account", "Recent accounts", suffix)}
            {Users(env, administrator, user)}
            </aside>
            </main>
            </body>
            </html>
            """;
    }

    /// <summary>
    /// Where to start: a donor with giving history (the nonprofit sample's Ann Abbot, the README's example, when she has
    /// gifts; else the donor with the most), the record with the most posts, and My feed with why it may be empty.
    /// </summary>
    private static string WhereToStart(DataverseEmulator env, Guid user, string suffix)
    {
        var items = new List<string>();
        if (env.Metadata.Find("rapport_gift") is not null)
        {
            var gifts = env.Store.Rows("rapport_gift")
                .Select(g => g["rapport_donorid"] is EntityReference r ? r.Id : Guid.Empty)
                .Where(id => id != Guid.Empty)
                .GroupBy(id => id)
                .Select(g => (Id: g.Key, Count: g.Count(), Row: env.Store.Find("contact", g.Key)))
                .Where(d => d.Row is not null)
                .ToList();
            var donor = gifts.FirstOrDefault(d => Name(d.Row, "fullname") == ExampleDonor);
            if (donor.Row is null)
            {
                donor = gifts.OrderByDescending(d => d.Count).ThenBy(d => Name(d.Row, "fullname"), StringComparer.Ordinal).FirstOrDefault();
            }

            if (donor.Row is not null)
            {
                items.Add(Start("start-donor", $"/main.aspx?etn=contact&id={donor.Id:D}{suffix}", Name(donor.Row, "fullname"), $"A donor with giving history: {donor.Count} gifts, lifetime value and the CLV card."));
            }
        }

        if (env.Metadata.Find("rapport_post") is not null)
        {
            var busiest = env.Store.Rows("rapport_post")
                .Select(p => (Table: p["rapport_regardingtable"] as string, Id: Guid.TryParse(p["rapport_regardingid"] as string, out var id) ? id : Guid.Empty))
                .Where(r => r.Table is not null && r.Table != "systemuser" && r.Id != Guid.Empty && env.Metadata.Find(r.Table) is not null)
                .GroupBy(r => r)
                .OrderByDescending(g => g.Count())
                .Select(g => (g.Key.Table, g.Key.Id, Count: g.Count(), Row: env.Store.Find(g.Key.Table!, g.Key.Id)))
                .FirstOrDefault(r => r.Row is not null);
            if (busiest.Row is not null)
            {
                var primary = env.Metadata.Find(busiest.Table!)!.Definition.PrimaryNameAttribute;
                items.Add(Start("start-posts", $"/main.aspx?etn={busiest.Table}&id={busiest.Id:D}{suffix}", Name(busiest.Row, primary), $"A feed with {busiest.Count} posts: comment, like and @mention."));
            }
        }

        var follows = env.Metadata.Find("rapport_follow") is null ? 0
            : env.Store.Rows("rapport_follow").Count(f => string.Equals(f["rapport_followerid"] as string, user.ToString("D"), StringComparison.OrdinalIgnoreCase));
        var why = follows == 0
            ? "You don't follow any records yet, so My feed is empty. Open a record above and choose Follow on its command bar: its posts and changes then appear here."
            : $"Posts about the {follows} record{(follows == 1 ? string.Empty : "s")} you follow, and posts that mention you.";
        items.Add($"""<li id="start-myfeed"><a href="#feed-title">My feed</a><span class="hint" id="myfeed-why">{Encode(why)}</span></li>""");
        return $"""<section id="where-to-start" class="card start" aria-labelledby="start-title"><h2 id="start-title">Where to start</h2><ul>{string.Concat(items)}</ul></section>""";
    }

    /// <summary>The nonprofit sample's donor the README and the browser tests use.</summary>
    public const string ExampleDonor = "Ann Abbot";

    private static string Start(string id, string href, string name, string hint) =>
        $"""<li id="{id}"><a href="{Encode(href)}">{Encode(name)}</a><span class="hint">{Encode(hint)}</span></li>""";

    /// <summary>The table's most recently changed rows (ties: the most recently inserted first), linked to their forms.</summary>
    private static string Records(DataverseEmulator env, string table, string title, string suffix)
    {
        var primary = env.Metadata.Find(table)?.Definition.PrimaryNameAttribute;
        if (primary is null)
        {
            return string.Empty;
        }

        var rows = env.Store.Rows(table)
            .OrderByDescending(r => r["modifiedon"] as DateTime? ?? DateTime.MinValue)
            .ThenByDescending(r => r.Sequence)
            .Take(RecentCount)
            .Select(r => $"""<li><a href="{Encode($"/main.aspx?etn={table}&id={r.Id:D}{suffix}")}">{Encode(Name(r, primary))}</a></li>""");
        return Section($"recent-{table}", title, rows, $"No {table} rows yet.");
    }

    /// <summary>Every enabled user but SYSTEM, each with a "view as" link that opens this page (and its links) as that user.</summary>
    private static string Users(DataverseEmulator env, Guid administrator, Guid current)
    {
        var rows = env.Store.Rows("systemuser")
            .Where(r => r.Id != env.SystemUserId && r["isdisabled"] is not true)
            .OrderBy(r => r.Id != administrator)
            .ThenBy(r => Name(r, "fullname"), StringComparer.CurrentCulture)
            .Select(r =>
            {
                var link = r.Id == current ? "<em>(viewing)</em>"
                    : r.Id == administrator ? """<a href="/rapport/">view as yourself</a>"""
                    : $"""<a href="{Encode($"/rapport/?user={r.Id:D}")}">view as</a>""";
                return $"<li>{Encode(Name(r, "fullname"))} — {link}</li>";
            });
        return Section("users", "Users", rows, "No users.");
    }

    private static string Section(string id, string title, IEnumerable<string> items, string empty)
    {
        var list = new StringBuilder();
        foreach (var item in items)
        {
            list.Append(item);
        }

        var body = list.Length > 0 ? $"<ul>{list}</ul>" : $"<p>{Encode(empty)}</p>";
        return $"""<section id="{id}" class="card" aria-labelledby="{id}-title"><h2 id="{id}-title">{Encode(title)}</h2>{body}</section>""";
    }

    private static string Name(Row? row, string column) => row?[column] as string is { Length: > 0 } name ? name : "(no name)";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
