using System;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Rapport.LocalEnvironment.Web;

/// <summary>
/// The sign-in link: <c>POST /rapport/signin-codes</c> (bearer token) answers <c>{ "url", "expiresOn" }</c>; opening
/// <c>GET /rapport/signin?code=…</c> in a browser spends the code, sets the session cookie and redirects to /rapport/.
/// </summary>
internal static class SignIn
{
    public const string CodesPath = "/rapport/signin-codes";
    public const string RedeemPath = "/rapport/signin";
    public const string LandingPath = "/rapport/";

    public const string HowToSignIn = "Run <code>dotnet pwsh ./Deploy.ps1</code> again (it reuses the running environment and prints a new link) "
        + "or ask for a new link with <code>POST " + CodesPath + "</code> and the bearer token from <code>.local-data/local.json</code>.";

    public static async Task IssueAsync(HttpContext context, SignInSessions sessions, Uri baseUrl)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "POST";
            context.Response.StatusCode = 405;
            return;
        }

        var (code, expires) = sessions.IssueCode();
        var url = new Uri(baseUrl, RedeemPath.TrimStart('/') + "?code=" + Uri.EscapeDataString(code));
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { url = url.ToString(), expiresOn = expires.UtcDateTime.ToString("O") })).ConfigureAwait(false);
    }

    public static async Task RedeemAsync(HttpContext context, SignInSessions sessions)
    {
        var session = sessions.Redeem(context.Request.Query["code"].ToString());
        if (session is null)
        {
            await WritePageAsync(context, 401, "Sign-in link expired", "This sign-in link has expired or was already used (a link works once, for 10 minutes). " + HowToSignIn).ConfigureAwait(false);
            return;
        }

        // HttpOnly: page scripts never see it; SameSite=Strict: no other site can make the browser send it (no CSRF).
        // Not Secure: the environment is plain HTTP on loopback, where the browser would otherwise drop the cookie.
        context.Response.Cookies.Append(SignInSessions.CookieName, session, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            MaxAge = SignInSessions.SessionLifetime,
            IsEssential = true,
        });
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Redirect(LandingPath);
    }

    /// <summary>
    /// Why a write sent with the session cookie (not the bearer token) is refused, or null: it must carry an Origin
    /// equal to this environment's (browsers send Origin on every non-GET request, so a form or script on another
    /// site is recognised even where SameSite is not honoured) and, when it has a body, the JSON content type (a
    /// cross-site HTML form can only send text/plain, urlencoded or multipart bodies).
    /// </summary>
    public static string? CrossSiteWriteRefusal(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || string.IsNullOrEmpty(request.Cookies[SignInSessions.CookieName]))
        {
            return null;
        }

        var own = $"{request.Scheme}://{request.Host}";
        if (!string.Equals(request.Headers.Origin.ToString(), own, StringComparison.OrdinalIgnoreCase))
        {
            return $"A write with the sign-in cookie must come from a page of this environment (Origin {own}); it came from '{request.Headers.Origin}'.";
        }

        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        var json = request.ContentType is { } type && type.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);
        return hasBody && !json ? "A write with the sign-in cookie must send its body as application/json." : null;
    }

    public static bool HasSession(HttpContext context, SignInSessions sessions) =>
        sessions.IsValid(context.Request.Cookies[SignInSessions.CookieName]);

    /// <summary>A small HTML page for a person in a browser (the Web API's JSON errors are for programs). <paramref name="html"/> is trusted markup.</summary>
    public static async Task WritePageAsync(HttpContext context, int status, string title, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>{{WebUtility.HtmlEncode(title)}} — Rapport local environment</title>
            <style>body{font-family:'Segoe UI',system-ui,sans-serif;max-width:44em;margin:3em auto;padding:0 1em;line-height:1.5}</style></head>
            <body><h1>{{WebUtility.HtmlEncode(title)}}</h1><p id="message">{{html}}</p></body>
            </html>
            """).ConfigureAwait(false);
    }
}
