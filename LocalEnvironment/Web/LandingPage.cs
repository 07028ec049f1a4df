using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using Rapport.Emulator;
using Rapport.Emulator.Store;
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

    private const string Style = "body{margin:0;font-family:'Segoe UI',system-ui,sans-serif;color:#242424}"
        + "header{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 16px;padding:8px 16px;border-bottom:1px solid #d1d1d1}"
        + "header h1{font-size:20px;margin:0}main{display:flex;flex-wrap:wrap;gap:16px;padding:16px}"
        + "section.feed{flex:2 1 420px;min-height:560px;display:flex;flex-direction:column}section.feed iframe{flex:1;border:1px solid #eee;min-height:540px}"
        + "aside{flex:1 1 260px;display:flex;flex-direction:column;gap:8px}h2{font-size:16px;margin:8px 0 4px}ul{margin:0;padding-left:18px}li{margin:2px 0}";

    /// <summary>The page as <paramref name="user"/>; <paramref name="impersonate"/> when it is not the session's own user (links then carry &amp;user=).</summary>
    public static string Render(DataverseEmulator env, string clientUrl, Guid administrator, Guid user, bool impersonate, bool hasFeed)
    {
        var suffix = impersonate ? "&user=" + user.ToString("D") : string.Empty;
        var userName = Name(env.Store.Find("systemuser", user), "fullname");
        var feed = hasFeed
            ? $"""<iframe id="WebResource_rapport_myfeed" title="My feed" src="/WebResources/{FeedPage}?data={Uri.EscapeDataString("scope=my")}"></iframe>"""
            : "<p>The feed appears once the Rapport solution is imported (run <code>dotnet pwsh ./Deploy.ps1</code>).</p>";
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
            <style>{Style}</style>
            </head>
            <body>
            <header><h1>Rapport</h1>{viewing}</header>
            <main>
            <section class="feed" aria-labelledby="feed-title"><h2 id="feed-title">My feed</h2>{feed}</section>
            <aside>
            {Records(env, "contact", "Recent contacts", suffix)}
            {Records(env, "account", "Recent accounts", suffix)}
            {Users(env, administrator, user)}
            </aside>
            </main>
            </body>
            </html>
            """;
    }

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
        return $"""<section id="{id}" aria-labelledby="{id}-title"><h2 id="{id}-title">{Encode(title)}</h2>{body}</section>""";
    }

    private static string Name(Row? row, string column) => row?[column] as string is { Length: > 0 } name ? name : "(no name)";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
