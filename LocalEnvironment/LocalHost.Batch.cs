using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Rapport.LocalEnvironment.WebApi;
using Rapport.LocalEnvironment.WebApi.Batch;

namespace Rapport.LocalEnvironment;

/// <summary>POST /api/data/v9.2/$batch: the parts run under the environment's lock, their changes stored once.</summary>
public sealed partial class LocalHost
{
    private static bool IsBatch(string path) => path.EndsWith("/$batch", StringComparison.Ordinal);

    private async Task BatchAsync(HttpContext context)
    {
        if (context.Request.Method != "POST")
        {
            throw new WebApiException(405, WebApiException.ResourceNotFound, "$batch is sent with POST.");
        }

        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var parts = BatchReader.Read(context.Request.ContentType, text);
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{ApiPrefix}/";
        string boundary;
        string body;
        lock (_gate)
        {
            try
            {
                Tick();
                (boundary, body) = new BatchProcessor(_handler, Environment).Run(parts, baseUrl, name => context.Request.Headers[name].ToString());
            }
            finally
            {
                _data?.Commit(Environment);
            }
        }

        context.Response.StatusCode = 200;
        context.Response.Headers["OData-Version"] = "4.0";
        context.Response.ContentType = "multipart/mixed; boundary=" + boundary;
        await context.Response.WriteAsync(body).ConfigureAwait(false);
    }
}
