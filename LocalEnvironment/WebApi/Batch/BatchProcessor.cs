using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator;

namespace Rapport.LocalEnvironment.WebApi.Batch;

/// <summary>
/// Runs a $batch (learn.microsoft.com/power-apps/developer/data-platform/webapi/execute-batch-operations-using-web-api):
/// requests in order, each answered in its own application/http part; a failed request outside a change set ends the
/// batch unless Prefer: odata.continue-on-error. A change set runs in one transaction (as ExecuteTransaction): the first
/// failure rolls back every request of the set, and the set is answered by that one error. $n (a Content-ID) in a
/// later URL or @odata.bind stands for the row an earlier request of the set created.
/// </summary>
internal sealed class BatchProcessor
{
    private readonly WebApiHandler _handler;
    private readonly DataverseEmulator _env;

    public BatchProcessor(WebApiHandler handler, DataverseEmulator env)
    {
        _handler = handler;
        _env = env;
    }

    /// <summary>The response body and its boundary.</summary>
    public (string Boundary, string Body) Run(IReadOnlyList<BatchPart> parts, string baseUrl, Func<string, string> outerHeader)
    {
        var continueOnError = outerHeader("Prefer").Contains("odata.continue-on-error", StringComparison.OrdinalIgnoreCase);
        var boundary = "batchresponse_" + Guid.NewGuid().ToString("D");
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append("--").Append(boundary).Append("\r\n");
            bool failed;
            if (part.Operation is { } operation)
            {
                var response = Execute(operation, baseUrl, outerHeader, new Dictionary<string, string>());
                failed = response.Status >= 400;
                AppendHttp(text, response, contentId: null);
            }
            else
            {
                failed = RunChangeSet(part.ChangeSet!, baseUrl, outerHeader, text);
            }

            if (failed && !continueOnError)
            {
                break;
            }
        }

        text.Append("--").Append(boundary).Append("--\r\n");
        return (boundary, text.ToString());
    }

    private bool RunChangeSet(IReadOnlyList<BatchOperation> operations, string baseUrl, Func<string, string> outerHeader, StringBuilder text)
    {
        var responses = new List<(ApiResponse Response, string ContentId)>();
        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        var mark = _env.Organization.BeginTransaction();
        try
        {
            foreach (var operation in operations)
            {
                var response = Execute(operation, baseUrl, outerHeader, created);
                if (response.Status >= 400)
                {
                    _env.Organization.Rollback(mark);
                    AppendHttp(text, response, operation.ContentId);
                    return true;
                }

                if (response.Headers.TryGetValue("OData-EntityId", out var location))
                {
                    created[operation.ContentId!] = location;
                }

                responses.Add((response, operation.ContentId!));
            }

            _env.Organization.Commit();
        }
        catch
        {
            _env.Organization.Rollback(mark);
            throw;
        }

        var boundary = "changesetresponse_" + Guid.NewGuid().ToString("D");
        text.Append("Content-Type: multipart/mixed; boundary=").Append(boundary).Append("\r\n\r\n");
        foreach (var (response, contentId) in responses)
        {
            text.Append("--").Append(boundary).Append("\r\n");
            AppendHttp(text, response, contentId);
        }

        text.Append("--").Append(boundary).Append("--\r\n");
        return false;
    }

    private ApiResponse Execute(BatchOperation operation, string baseUrl, Func<string, string> outerHeader, Dictionary<string, string> created)
    {
        try
        {
            var url = Reference(operation.Url, created);
            var relative = url.StartsWith(baseUrl, StringComparison.OrdinalIgnoreCase) ? url[baseUrl.Length..]
                : url.IndexOf("/api/data/v9.2/", StringComparison.OrdinalIgnoreCase) is var at and >= 0 ? url[(at + "/api/data/v9.2/".Length)..]
                : url.TrimStart('/');
            var question = relative.IndexOf('?', StringComparison.Ordinal);
            var path = question < 0 ? relative : relative[..question];
            var query = question < 0 ? new Dictionary<string, string>(StringComparer.Ordinal)
                : QueryHelpers.ParseQuery(relative[question..]).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            string Header(string name) => operation.Headers.TryGetValue(name, out var value) ? value : name is "Prefer" or "If-Match" ? "" : outerHeader(name);
            var body = Body(operation, created);
            return _handler.Handle(new ApiRequest(operation.Method, "/" + path, query, body, baseUrl, Header));
        }
        catch (WebApiException e)
        {
            return Error(e.Status, e.Code, e.Message);
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            return Error(ErrorResponses.StatusOf(fault.Detail.ErrorCode), fault.Detail.ErrorCode, fault.Detail.Message ?? fault.Message);
        }
    }

    private static JsonElement? Body(BatchOperation operation, Dictionary<string, string> created)
    {
        if (operation.Body is null)
        {
            return null;
        }

        JsonBodies.RequireJson(operation.Headers.GetValueOrDefault("Content-Type"));
        var text = operation.Body;
        foreach (var (id, location) in created)
        {
            text = text.Replace($"\"${id}\"", JsonSerializer.Serialize(location), StringComparison.Ordinal);
        }

        return JsonBodies.Parse(text);
    }

    /// <summary>"$1" or "$1/..." → the URL of the row the request with Content-ID 1 created.</summary>
    private static string Reference(string url, Dictionary<string, string> created)
    {
        if (!url.StartsWith('$'))
        {
            return url;
        }

        var end = url.IndexOfAny(['/', '?']);
        var id = end < 0 ? url[1..] : url[1..end];
        return created.TryGetValue(id, out var location) ? location + (end < 0 ? "" : url[end..])
            : throw new WebApiException($"No request of this change set with Content-ID {id} created a row.");
    }

    private static ApiResponse Error(int status, int code, string message) =>
        new(status, ErrorResponses.Body(code, message));

    private static void AppendHttp(StringBuilder text, ApiResponse response, string? contentId)
    {
        text.Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n");
        if (contentId is not null)
        {
            text.Append("Content-ID: ").Append(contentId).Append("\r\n");
        }

        text.Append("\r\nHTTP/1.1 ").Append(response.Status).Append(' ').Append(ReasonPhrases.GetReasonPhrase(response.Status)).Append("\r\n");
        text.Append("OData-Version: 4.0\r\n");
        foreach (var (name, value) in response.Headers)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (response.Body is null)
        {
            text.Append("\r\n\r\n");
            return;
        }

        text.Append("Content-Type: ").Append(response.ContentType ?? "application/json; odata.metadata=minimal").Append("\r\n\r\n");
        text.Append(response.Body as string ?? JsonSerializer.Serialize(response.Body, ErrorResponses.Json)).Append("\r\n");
    }
}
