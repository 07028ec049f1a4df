using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Rapport.LocalEnvironment.Web;
using Rapport.LocalEnvironment.WebApi;

namespace Rapport.LocalEnvironment;

/// <summary>The landing page's hook: /rapport/ needs the sign-in session (a page for a person, so its 401 is HTML too).</summary>
public sealed partial class LocalHost
{
    private async Task LandingAsync(HttpContext context, bool session)
    {
        if (!session)
        {
            await SignIn.WritePageAsync(context, 401, "Sign in to the Rapport local environment", "This page needs a sign-in link. " + SignIn.HowToSignIn).ConfigureAwait(false);
            return;
        }

        if (!string.Equals(context.Request.Path.Value, SignIn.LandingPath, StringComparison.Ordinal))
        {
            // /rapport → /rapport/: the page's relative links and the feed frame's parent lookups expect the slash.
            context.Response.Redirect(SignIn.LandingPath + context.Request.QueryString);
            return;
        }

        var query = context.Request.Query["user"];
        var impersonate = query.Count > 0;
        var user = AdministratorId;
        string html;
        lock (_gate)
        {
            if (impersonate && !(Guid.TryParse(query.ToString().Trim('{', '}'), out user) && Environment.Store.Find("systemuser", user) is not null))
            {
                html = string.Empty;
            }
            else
            {
                var hasFeed = _importer.WebResources.Any(r => string.Equals(r.Name, LandingPage.FeedPage, StringComparison.OrdinalIgnoreCase));
                html = LandingPage.Render(Environment, $"{context.Request.Scheme}://{context.Request.Host}", AdministratorId, user, impersonate && user != AdministratorId, hasFeed, HasControls());
            }
        }

        if (html.Length == 0)
        {
            await ErrorResponses.WriteAsync(context, 404, Emulator.Faults.ErrorCodes.ObjectDoesNotExist, $"systemuser With Id = {query} Does Not Exist").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(html).ConfigureAwait(false);
    }
}
