using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Rapport.LocalEnvironment;

/// <summary>
/// Files of imported code components at GET /controls/&lt;Namespace&gt;.&lt;Constructor&gt;/&lt;file&gt; (bundle.js, css/…,
/// strings/….resx, ControlManifest.xml), as the solution zip carried them. Like web resources they are public static
/// files: the form host page loads them with plain script and link tags. What no imported component has is left to
/// the next handler (the built Controls/out folder in LocalHost.Controls.cs, then the other routes).
/// </summary>
public sealed partial class LocalHost
{
    public const string ControlsPath = "/controls/";

    private async Task<bool> TryServeImportedControlAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            || !path.StartsWith(ControlsPath, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = Uri.UnescapeDataString(path[ControlsPath.Length..]);
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || _importer.Control(rest[..slash]) is not { } control
            || !control.Files.TryGetValue(rest[(slash + 1)..], out var content))
        {
            return false;
        }

        context.Response.ContentType = ContentTypes.Of(rest);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.ContentLength = content.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(content).ConfigureAwait(false);
        }

        return true;
    }
}
