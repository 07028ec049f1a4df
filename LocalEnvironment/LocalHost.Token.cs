using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Rapport.LocalEnvironment.Security;
using Rapport.LocalEnvironment.WebApi;

namespace Rapport.LocalEnvironment;

/// <summary>
/// Short-lived tokens, as a real organisation's clients meet them. <c>POST /rapport/token</c> with
/// <c>grant_type=client_credentials</c> and the environment's token as <c>client_secret</c> (or as the bearer token)
/// answers <c>{"token_type":"Bearer","access_token","expires_in"}</c> (RFC 6749 §5.1); the token works on the Web API
/// for <c>rapport local --token-lifetime</c> seconds, then gets 401 with <c>WWW-Authenticate: Bearer
/// error="invalid_token"</c> (RFC 6750 §3.1). <c>DELETE /rapport/token</c> (environment token) revokes every issued
/// token at once, as Continuous Access Evaluation may revoke a token before it expires.
/// </summary>
public sealed partial class LocalHost
{
    public const string TokenPath = "/rapport/token";

    private LocalTokens _tokens = new(LocalTokens.DefaultLifetime, TimeProvider.System);

    /// <summary>The token endpoint, and the 401 for an issued token past its lifetime; true when the request was answered.</summary>
    private async Task<bool> TokenRouteAsync(HttpContext context, string path)
    {
        if (path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase))
        {
            await TokenEndpointAsync(context).ConfigureAwait(false);
            return true;
        }

        var header = context.Request.Headers.Authorization.ToString();
        var state = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? _tokens.Check(header[7..].Trim()) : IssuedTokenState.Unknown;
        if (state is not (IssuedTokenState.Expired or IssuedTokenState.Revoked))
        {
            return false;
        }

        var why = state == IssuedTokenState.Expired ? "The access token has expired" : "The access token has been revoked";
        context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{why}\"";
        await ErrorResponses.WriteAsync(context, 401, WebApiException.Unauthenticated, why + ": request a new one.").ConfigureAwait(false);
        return true;
    }

    /// <summary>Issued tokens open the Web API only: pages and sign-in links stay with the environment's own token.</summary>
    private bool IssuedTokenAccepted(HttpContext context, string token) =>
        (context.Request.Path.Value ?? string.Empty).StartsWith(ApiPrefix, StringComparison.OrdinalIgnoreCase) && _tokens.Check(token) == IssuedTokenState.Valid;

    private async Task TokenEndpointAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        var post = HttpMethods.IsPost(context.Request.Method);
        if (!post && !HttpMethods.IsDelete(context.Request.Method))
        {
            context.Response.Headers.Allow = "POST, DELETE";
            context.Response.StatusCode = 405;
            return;
        }

        var secret = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false))["client_secret"].ToString() : string.Empty;
        var environmentToken = (secret.Length > 0 && TokenMatches(secret)) || Authorized(context);
        if (!environmentToken)
        {
            // RFC 6749 §5.2: a client that failed to authenticate gets 401 invalid_client.
            await WriteJsonAsync(context, 401, new { error = "invalid_client", error_description = "The client secret is not this environment's token (see .local-data/local.json)." }).ConfigureAwait(false);
            return;
        }

        if (!post)
        {
            await WriteJsonAsync(context, 200, new { revoked = _tokens.RevokeAll() }).ConfigureAwait(false);
            return;
        }

        var (token, expiresIn) = _tokens.Issue();
        await WriteJsonAsync(context, 200, new { token_type = "Bearer", access_token = token, expires_in = (int)Math.Ceiling(expiresIn.TotalSeconds) }).ConfigureAwait(false);
    }

    private static Task WriteJsonAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
