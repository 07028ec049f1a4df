using System.Collections.Generic;
using System.ServiceModel;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;

namespace Rapport.LocalEnvironment.WebApi;

/// <summary>Dataverse's error body, {"error":{"code":"0x8004…","message":"…"}}, and the status each fault maps to.</summary>
internal static class ErrorResponses
{
    /// <summary>Quotes in etags (W/"3") stay as Dataverse writes them instead of \u0022.</summary>
    public static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteAsync(HttpContext context, int status, int code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; odata.metadata=minimal";
        var body = new Dictionary<string, object> { ["error"] = new Dictionary<string, string> { ["code"] = WebApiException.Hex(code), ["message"] = message } };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }

    /// <summary>The error body alone (a $batch part carries it).</summary>
    public static System.Text.Json.Nodes.JsonObject Body(int code, string message) =>
        new() { ["error"] = new System.Text.Json.Nodes.JsonObject { ["code"] = WebApiException.Hex(code), ["message"] = message } };

    public static Task WriteAsync(HttpContext context, FaultException<OrganizationServiceFault> fault) =>
        WriteAsync(context, StatusOf(fault.Detail.ErrorCode), fault.Detail.ErrorCode, fault.Detail.Message ?? fault.Message);

    /// <summary>The HTTP status Dataverse's Web API answers with for an organization service error code.</summary>
    public static int StatusOf(int errorCode) => errorCode switch
    {
        ErrorCodes.ObjectDoesNotExist or ErrorCodes.QueryBuilderNoEntity or ErrorCodes.UnrecognizedRequest => 404,
        ErrorCodes.PrivilegeDenied or ErrorCodes.AccessCheckFailed => 403,
        ErrorCodes.DuplicateRecord or ErrorCodes.DuplicateRecordEntityKey or ErrorCodes.ConcurrencyVersionMismatch => 412,
        _ => 400,
    };
}
