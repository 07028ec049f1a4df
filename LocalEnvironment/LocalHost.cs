using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.ServiceModel;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator;
using Rapport.LocalEnvironment.FormHost;
using Rapport.LocalEnvironment.Persistence;
using Rapport.LocalEnvironment.Samples;
using Rapport.LocalEnvironment.Security;
using Rapport.LocalEnvironment.Solutions;
using Rapport.LocalEnvironment.Web;
using Rapport.LocalEnvironment.WebApi;

namespace Rapport.LocalEnvironment;

/// <summary>
/// The local environment: the emulator behind Kestrel on 127.0.0.1, answering as Dataverse's Web API
/// (/api/data/v9.2/) with a bearer token, plus the imported web resources under /WebResources/, the form host pages
/// and, for a browser, a one-time sign-in link whose session cookie stands in for the token (Web/SignIn.cs).
/// <code>
/// await using var host = await LocalHost.StartAsync(new DataverseEmulator(solution), new LocalOptions { Port = 0 });
/// Console.WriteLine($"Listening on {host.BaseUrl}");
/// </code>
/// </summary>
public sealed partial class LocalHost : IAsyncDisposable
{
    private const string ApiPrefix = "/api/data/v9.2";

    /// <summary>Largest request body accepted (Kestrel's default, stated): anything larger gets 413, not a fault.</summary>
    public const long MaxBodyBytes = 30_000_000;
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly WebApiHandler _handler;
    private readonly SolutionImporter _importer;
    private readonly SignInSessions _sessions;
    private LocalDataStore? _data;
    private ServiceProtection? _protection;
    private TransientFailures? _transient;

    private LocalHost(WebApplication app, DataverseEmulator env, string token, TimeProvider time)
    {
        _sessions = new SignInSessions(time);
        _app = app;
        Environment = env;
        Token = token;
        _importer = new SolutionImporter(env, _gate);
        _handler = new WebApiHandler(env, _importer) { CallerId = env.SystemUserId };
    }

    public DataverseEmulator Environment { get; }

    public string Token { get; }

    /// <summary>The "Local Administrator" user the token stands for: every Web API call runs as it unless it impersonates.</summary>
    public Guid AdministratorId { get; private set; }

    public Uri BaseUrl { get; private set; } = null!;

    public int Port => BaseUrl.Port;

    public static async Task<LocalHost> StartAsync(DataverseEmulator env, LocalOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
        });
        var app = builder.Build();
        var host = new LocalHost(app, env, options.Token ?? NewToken(), options.Time);
        host._protection = options.Throttle > 0 ? new ServiceProtection(options.Throttle, options.ThrottleRetryAfter) : null;
        host._transient = options.TransientFailures > 0 ? new TransientFailures(options.TransientFailures) : null;
        host._importer.JobDelay = options.ImportJobDelay;
        host._importer.Duration = options.ImportDuration;
        host._tokens = new LocalTokens(options.TokenLifetime, options.Time);
        host.ControlsDirectory = options.ControlsDirectory;
        if (options.DataDirectory is not null)
        {
            host.OpenData(options.DataDirectory, options.Sample);
        }
        else
        {
            host.Secure();
            if (options.Sample is not null)
            {
                SampleData.Load(env, options.Sample);
                host.LoadSampleFeed(options.Sample);
            }
        }

        if (options.Sample is { } kind)
        {
            // The sample's feed and CLV parts need Rapport's plugins: they are added once the solution is imported.
            host._importer.Imported += (_, _) => host.LoadSampleFeed(kind);
        }

        app.Run(host.HandleAsync);
        host.StartJobs(options.JobInterval);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseUrl = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return host;
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_jobs is not null)
        {
            await _jobs.DisposeAsync().ConfigureAwait(false);
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        lock (_gate)
        {
            _data?.Dispose();
            _data = null;
        }
    }

    /// <summary>Loads the stored rows, imports the stored zips again, then stores every later request's changes.</summary>
    private void OpenData(string directory, string? sample)
    {
        _data = new LocalDataStore(directory);
        var zips = _data.Load(Environment);

        // After Load: the stored role rows must be found (not duplicated) when security first runs.
        Secure();
        foreach (var zip in zips)
        {
            _importer.Reload(zip);
        }

        if (sample is not null && !SampleData.HasCustomers(Environment))
        {
            SampleData.Load(Environment, sample);
        }

        if (sample is not null)
        {
            LoadSampleFeed(sample);
        }

        _data.Baseline(Environment);
        _importer.Imported = (name, zip) => _data?.SaveSolution(name, zip);
        _importer.Changed = () => _data?.Commit(Environment);
    }

    /// <summary>Turns on Dataverse's security model and makes the local administrator the token's user (imports still run as SYSTEM).</summary>
    private void Secure()
    {
        AdministratorId = LocalUsers.Secure(Environment);
        SampleRoles.Restore(Environment);
        _handler.CallerId = AdministratorId;
    }

    /// <summary>The sample's feed and CLV rows, when Rapport is imported and they are not there yet; a failure is reported, not thrown.</summary>
    private void LoadSampleFeed(string sample)
    {
        try
        {
            SampleData.LoadFeed(Environment, sample);
        }
        catch (Exception e) when (e is FaultException<OrganizationServiceFault> or InvalidOperationException or ArgumentException)
        {
            Console.Error.WriteLine($"Sample feed data not loaded: {e.Message}");
        }
    }

    /// <summary>The emulator's clock follows real time (strictly increasing), so rows get the times users see.</summary>
    private void Tick()
    {
        var now = DateTime.UtcNow;
        Environment.Clock.Set(now > Environment.Clock.UtcNow ? now : Environment.Clock.UtcNow.AddMilliseconds(1));
    }

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (await TokenRouteAsync(context, path).ConfigureAwait(false))
        {
            return; // LocalHost.Token.cs: POST /rapport/token, and 401 invalid_token for an expired one
        }

        if (await TryServeImportedControlAsync(context).ConfigureAwait(false)) { return; }

        // Imported controls first (above); the repository build of Controls/ as the fallback.
        if (await ControlFileAsync(context, path).ConfigureAwait(false))
        {
            return;
        }

        if (path.Equals("/rapport/xrm-shim.js", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            await context.Response.WriteAsync(FormHostPage.Shim).ConfigureAwait(false);
            return;
        }

        if (path.Equals(UnsubscribePath, StringComparison.OrdinalIgnoreCase))
        {
            await UnsubscribeAsync(context).ConfigureAwait(false);
            return;
        }

        if (path.Equals(SignIn.RedeemPath, StringComparison.OrdinalIgnoreCase))
        {
            await SignIn.RedeemAsync(context, _sessions).ConfigureAwait(false);
            return;
        }

        // A browser cannot send a header: pages take the token as ?token= or, after a sign-in link, the session cookie,
        // which also carries the shim's same-origin Web API calls (SameSite=Strict: never sent from another site).
        var session = SignIn.HasSession(context, _sessions);
        if (path.Equals("/rapport", StringComparison.OrdinalIgnoreCase) || path.Equals(SignIn.LandingPath, StringComparison.OrdinalIgnoreCase))
        {
            await LandingAsync(context, session).ConfigureAwait(false);
            return;
        }

        var isPage = path.StartsWith("/rapport/form/", StringComparison.OrdinalIgnoreCase) || path.Equals("/main.aspx", StringComparison.OrdinalIgnoreCase);
        var tokenInQuery = isPage && TokenMatches(context.Request.Query["token"].ToString());

        // Only the bearer token mints sign-in codes: a session must not extend itself past its own expiry.
        var codes = path.Equals(SignIn.CodesPath, StringComparison.OrdinalIgnoreCase);
        if ((!Authorized(context) && !tokenInQuery && !session && !path.StartsWith("/WebResources/", StringComparison.OrdinalIgnoreCase)) || (codes && !Authorized(context)))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await ErrorResponses.WriteAsync(context, 401, WebApiException.Unauthenticated, "Bearer token is missing or is not valid for this environment.").ConfigureAwait(false);
            return;
        }

        if (codes)
        {
            await SignIn.IssueAsync(context, _sessions, BaseUrl).ConfigureAwait(false);
            return;
        }

        if (isPage)
        {
            // The page repeats the token only to a caller who showed it; a session's page calls with the cookie.
            await FormAsync(context, path, Authorized(context) || tokenInQuery ? Token : null).ConfigureAwait(false);
            return;
        }

        if (path.StartsWith("/WebResources/", StringComparison.OrdinalIgnoreCase))
        {
            await WebResourceAsync(context, Uri.UnescapeDataString(path["/WebResources/".Length..])).ConfigureAwait(false);
            return;
        }

        if (!path.StartsWith(ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            await ErrorResponses.WriteAsync(context, 404, WebApiException.ResourceNotFound, $"No resource at '{path}'.").ConfigureAwait(false);
            return;
        }

        // The cookie rides along any request the browser makes: a write with it must come from this origin, as JSON.
        if (!Authorized(context) && SignIn.CrossSiteWriteRefusal(context) is { } refusal)
        {
            await ErrorResponses.WriteAsync(context, 403, unchecked((int)0x80040220), refusal).ConfigureAwait(false);
            return;
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await TooLargeAsync(context).ConfigureAwait(false);
            return;
        }

        if (_protection is not null && await _protection.RejectAsync(context).ConfigureAwait(false))
        {
            return;
        }

        if (_transient is not null && await _transient.FailAsync(context).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            if (IsBatch(path))
            {
                await BatchAsync(context).ConfigureAwait(false);
                return;
            }

            var body = await ReadBodyAsync(context).ConfigureAwait(false);
            if (body is not null)
            {
                JsonBodies.RequireJson(context.Request.ContentType);
            }

            var request = new ApiRequest(context, context.Request.Path.Value![ApiPrefix.Length..], body);
            ApiResponse response;
            lock (_gate)
            {
                try
                {
                    Tick();
                    response = _handler.Handle(request);
                }
                finally
                {
                    // One SQLite transaction per request; a failed request rolled back in memory and writes nothing.
                    if (request.Method != "GET")
                    {
                        _data?.Commit(Environment);
                    }
                }
            }

            await WriteAsync(context, response).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await TooLargeAsync(context).ConfigureAwait(false);
        }
        catch (WebApiException e)
        {
            await ErrorResponses.WriteAsync(context, e.Status, e.Code, e.Message).ConfigureAwait(false);
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            await ErrorResponses.WriteAsync(context, fault).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug here must still answer in Dataverse's error shape, not with an empty 500.
            await ErrorResponses.WriteAsync(context, 500, unchecked((int)0x80040216), e.Message).ConfigureAwait(false);
        }
    }

    private static Task TooLargeAsync(HttpContext context) =>
        ErrorResponses.WriteAsync(context, 413, unchecked((int)0x80040203), $"The request body is larger than {MaxBodyBytes:N0} bytes; send large files with the chunked upload messages.");

    private bool Authorized(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && (TokenMatches(header[7..].Trim()) || IssuedTokenAccepted(context, header[7..].Trim()));
    }

    private bool TokenMatches(string token) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(token), System.Text.Encoding.UTF8.GetBytes(Token));

    /// <summary>/rapport/form/&lt;table&gt;/&lt;id&gt; or /main.aspx?etn=&lt;table&gt;&amp;id=&lt;id&gt;, optionally ?webresource=&lt;name&gt; and &amp;user=&lt;systemuserid&gt; (run as that user).</summary>
    private async Task FormAsync(HttpContext context, string path, string? pageToken)
    {
        var query = context.Request.Query;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var table = parts.Length == 4 ? parts[2] : query["etn"].ToString();
        var idText = parts.Length == 4 ? parts[3] : query["id"].ToString();
        if (Environment.Metadata.Find(table) is null || !Guid.TryParse(idText, out var id))
        {
            await ErrorResponses.WriteAsync(context, 404, WebApiException.ResourceNotFound, $"No form for table '{table}' and id '{idText}'.").ConfigureAwait(false);
            return;
        }

        var impersonate = query["user"].Count > 0;
        var user = AdministratorId;
        if (impersonate && !(Guid.TryParse(query["user"].ToString().Trim('{', '}'), out user) && Environment.Store.Find("systemuser", user) is not null))
        {
            await ErrorResponses.WriteAsync(context, 404, Emulator.Faults.ErrorCodes.ObjectDoesNotExist, $"systemuser With Id = {query["user"]} Does Not Exist").ConfigureAwait(false);
            return;
        }

        if (!CanRead(user, table, id))
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(FormHostPage.NoAccess(Environment, table)).ConfigureAwait(false);
            return;
        }

        if (await ControlsFormAsync(context, table, id, user, impersonate, pageToken).ConfigureAwait(false))
        {
            return;
        }

        var resource = FormHostPage.Pick(_importer.WebResources, query["webresource"].Count > 0 ? query["webresource"].ToString() : null);
        if (resource is null)
        {
            await ErrorResponses.WriteAsync(context, 404, WebApiException.ResourceNotFound, "No HTML web resource to host: import a solution with one, or name it with ?webresource=.").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(FormHostPage.Render(Environment, $"{context.Request.Scheme}://{context.Request.Host}", pageToken, table, id, resource.Name, _importer.WebResources.Select(r => r.Name).ToList(), user, impersonate)).ConfigureAwait(false);
    }

    /// <summary>Whether the page's user may read the record (a missing record is left to the page, which shows it empty).</summary>
    private bool CanRead(Guid user, string table, Guid id)
    {
        lock (_gate)
        {
            return Environment.Store.Find(table, id) is null
                || (Environment.Security.RightsOf(user, new EntityReference(table, id)) & Emulator.Security.AccessRights.ReadAccess) != 0;
        }
    }

    private static async Task<JsonElement?> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new WebApiException($"The request body is not valid JSON: {e.Message}");
        }
    }

    private static async Task WriteAsync(HttpContext context, ApiResponse response)
    {
        context.Response.StatusCode = response.Status;
        context.Response.Headers["OData-Version"] = "4.0";
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is string text)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(text).ConfigureAwait(false);
        }
        else if (response.Body is not null)
        {
            context.Response.ContentType = "application/json; odata.metadata=minimal";
            await context.Response.WriteAsync(JsonSerializer.Serialize(response.Body, ErrorResponses.Json)).ConfigureAwait(false);
        }
    }

    private async Task WebResourceAsync(HttpContext context, string name)
    {
        if (name.Equals("ClientGlobalContext.js.aspx", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            await context.Response.WriteAsync("function GetGlobalContext() { return (window.parent.Xrm || window.Xrm).Utility.getGlobalContext(); }\n").ConfigureAwait(false);
            return;
        }

        var resource = _importer.WebResource(name);
        if (resource is null)
        {
            await ErrorResponses.WriteAsync(context, 404, WebApiException.ResourceNotFound, $"No web resource named '{name}'.").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = ContentTypes.Of(name);
        await context.Response.Body.WriteAsync(resource.Content).ConfigureAwait(false);
    }
}
