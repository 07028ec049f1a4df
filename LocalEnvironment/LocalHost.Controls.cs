using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Rapport.LocalEnvironment.FormHost;
using Rapport.LocalEnvironment.WebApi;

namespace Rapport.LocalEnvironment;

/// <summary>
/// The code components: their files at /controls/&lt;Namespace&gt;.&lt;Constructor&gt;/&lt;file&gt; from
/// <see cref="LocalOptions.ControlsDirectory"/> (Controls/out/controls/&lt;Constructor&gt;/), the local platform (React,
/// Fluent and the context builder) at /controls/platform/, and the form page that runs them (FormHost/ControlsPage.cs).
/// Static code like /WebResources/: served without the token; the data they show still needs it.
/// </summary>
public sealed partial class LocalHost
{
    private const string ControlsPrefix = "/controls/";

    /// <summary>The built components' folder; null: the form host shows the web resources.</summary>
    public string? ControlsDirectory { get; private set; }

    /// <summary>Answers /controls/… (true) or leaves the request to the rest of the host (false).</summary>
    private async Task<bool> ControlFileAsync(HttpContext context, string path)
    {
        if (!path.StartsWith(ControlsPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var file = ControlFile(Uri.UnescapeDataString(path[ControlsPrefix.Length..]));
        if (file is null)
        {
            await ErrorResponses.WriteAsync(context, 404, WebApiException.ResourceNotFound, $"No control file at '{path}'.").ConfigureAwait(false);
            return true;
        }

        context.Response.ContentType = ContentTypes.Of(file);
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.SendFileAsync(file).ConfigureAwait(false);
        return true;
    }

    /// <summary>"Rapport.Feed/bundle.js" → &lt;dir&gt;/Feed/bundle.js when Feed's manifest says namespace Rapport; "platform/x.js" → &lt;dir&gt;/../platform/x.js.</summary>
    private string? ControlFile(string relative)
    {
        if (ControlsDirectory is null || relative.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        var slash = relative.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return null;
        }

        var head = relative[..slash];
        string folder;
        if (head == "platform")
        {
            folder = Path.GetFullPath(Path.Combine(ControlsDirectory, "..", "platform"));
        }
        else
        {
            var dot = head.LastIndexOf('.');
            if (dot <= 0)
            {
                return null;
            }

            folder = Path.GetFullPath(Path.Combine(ControlsDirectory, head[(dot + 1)..]));
            var manifest = Path.Combine(folder, "ControlManifest.xml");
            if (!File.Exists(manifest) || !Regex.IsMatch(File.ReadAllText(manifest), $"namespace=\"{Regex.Escape(head[..dot])}\""))
            {
                return null;
            }
        }

        var full = Path.GetFullPath(Path.Combine(folder, relative[(slash + 1)..]));
        return full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }

    /// <summary>Whether the components are built: the form host then renders them unless the page asks for &amp;ui=webresources.</summary>
    private bool HasControls() =>
        ControlFile("Rapport.Feed/bundle.js") is not null && ControlFile("platform/platform-libs.js") is not null;

    /// <summary>The form with the code components (true), or false to let the web-resource form answer.</summary>
    private async Task<bool> ControlsFormAsync(HttpContext context, string table, Guid id, Guid user, bool impersonate, string? pageToken)
    {
        if (string.Equals(context.Request.Query["ui"].ToString(), "webresources", StringComparison.OrdinalIgnoreCase) || !HasControls())
        {
            return false;
        }

        string html;
        lock (_gate)
        {
            var withCard = table is "contact" or "account" && ControlFile("Rapport.InsightsCard/bundle.js") is not null;
            html = ControlsPage.Render(Environment, $"{context.Request.Scheme}://{context.Request.Host}", pageToken, table, id, user, impersonate, _importer.WebResources, withCard);
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(html).ConfigureAwait(false);
        return true;
    }
}
