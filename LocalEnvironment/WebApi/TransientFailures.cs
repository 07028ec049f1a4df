using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Rapport.LocalEnvironment.WebApi;

/// <summary>
/// Test behaviour of a real organisation (`rapport local --transient-failures N`): every Nth authenticated Web API GET
/// is answered as a front end answers when the service behind it is briefly unavailable, alternately 503 Service
/// Unavailable and 502 Bad Gateway, with a plain-text body (no OData error), so clients can prove they retry reads.
/// Only GETs: a write that failed in transit may or may not have happened, and the client cannot simply repeat it.
/// </summary>
internal sealed class TransientFailures(int every)
{
    private long _count;
    private long _failed;

    /// <summary>Counts the request; answers 503/502 and returns true when it is one to fail.</summary>
    public async Task<bool> FailAsync(HttpContext context)
    {
        if (every <= 0 || !HttpMethods.IsGet(context.Request.Method) || Interlocked.Increment(ref _count) % every != 0)
        {
            return false;
        }

        var odd = Interlocked.Increment(ref _failed) % 2 == 1;
        context.Response.StatusCode = odd ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(odd ? "Service Unavailable" : "Bad Gateway").ConfigureAwait(false);
        return true;
    }
}
