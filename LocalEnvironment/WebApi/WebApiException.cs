using System;
using System.Globalization;

namespace Rapport.LocalEnvironment.WebApi;

/// <summary>An error the Web API layer raises itself (bad URL, payload or query option), with Dataverse's status and code.</summary>
public sealed class WebApiException : Exception
{
    /// <summary>0x8006088a: "Resource not found for the segment 'Account'." (404;
    /// learn.microsoft.com/troubleshoot/power-platform/dataverse/dataverse-web-api-and-sdk/web-api-client-errors).</summary>
    public const int ResourceNotFound = unchecked((int)0x8006088a);

    /// <summary>0x80060888: a query option Dataverse cannot parse or does not support (400).</summary>
    public const int QuerySyntax = unchecked((int)0x80060888);

    /// <summary>0x0: "Could not find a property named 'Name' on type 'Microsoft.Dynamics.CRM.account'." (400, the same page).</summary>
    public const int PropertyNotFound = 0;

    /// <summary>A body whose media type the Web API does not read (415). Microsoft documents no code for it; the
    /// payload-error code is used.</summary>
    public const int UnsupportedMediaType = PayloadError;

    /// <summary>0x80048d19: "Error identified in Payload provided by the user for Entity".</summary>
    public const int PayloadError = unchecked((int)0x80048d19);

    /// <summary>0x80072560: the caller is not authenticated.</summary>
    public const int Unauthenticated = unchecked((int)0x80072560);

    public WebApiException(int status, int code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public WebApiException()
        : this(400, PayloadError, "Bad request.")
    {
    }

    public WebApiException(string message)
        : this(400, PayloadError, message)
    {
    }

    public WebApiException(string message, Exception inner)
        : base(message, inner)
    {
        Status = 400;
        Code = PayloadError;
    }

    public int Status { get; }

    public int Code { get; }

    public static WebApiException NotFound(string segment) => new(404, ResourceNotFound, $"Resource not found for the segment '{segment}'.");

    public static WebApiException BadQuery(string message) => new(400, QuerySyntax, message);

    /// <summary>0x8004…; zero as Dataverse writes it, "0x0".</summary>
    public static string Hex(int code) => code == 0 ? "0x0" : "0x" + unchecked((uint)code).ToString("x8", CultureInfo.InvariantCulture);
}
