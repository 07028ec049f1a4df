using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Rapport.LocalEnvironment.WebApi;

/// <summary>
/// Simulated service protection limits (`rapport local --throttle N`): every Nth authenticated Web API request is
/// answered as Dataverse answers a request over its limits, 429 with <c>Retry-After: &lt;seconds&gt;</c> and the error
/// body {"error":{"code":"0x80072322","message":"Number of requests exceeded the limit …"}}, so clients can prove they
/// wait and retry. Counting is per process and thread-safe; 0 turns it off.
/// </summary>
internal sealed class ServiceProtection
{
    /// <summary>0x80072322: "Number of requests exceeded the limit of 6000 over time window of 300 seconds."</summary>
    public const int RequestLimitExceeded = unchecked((int)0x80072322);

    private readonly int _every;
    private readonly int _retryAfterSeconds;
    private long _count;

    public ServiceProtection(int every, int retryAfterSeconds)
    {
        _every = Math.Max(0, every);
        _retryAfterSeconds = Math.Max(0, retryAfterSeconds);
    }

    public bool Enabled => _every > 0;

    /// <summary>How many requests were answered with 429 so far.</summary>
    public long Throttled { get; private set; }

    /// <summary>Counts the request; answers 429 and returns true when it is one to refuse.</summary>
    public async Task<bool> RejectAsync(HttpContext context)
    {
        if (!Enabled || Interlocked.Increment(ref _count) % _every != 0)
        {
            return false;
        }

        Throttled++;
        context.Response.Headers.RetryAfter = _retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await ErrorResponses.WriteAsync(context, StatusCodes.Status429TooManyRequests, RequestLimitExceeded,
            $"Number of requests exceeded the limit of {_every - 1} per {_every} requests (local service protection simulation). Retry after {_retryAfterSeconds} seconds.").ConfigureAwait(false);
        return true;
    }
}
