using System;

namespace Microsoft.Xrm.Sdk;

// The only exception a plugin should let escape; the platform shows Message to the user.
public sealed class InvalidPluginExecutionException : Exception
{
    // 0x80040265 "ISV code aborted the operation": the code the platform reports for this exception.
    private const int IsvAbortedErrorCode = -2147220891;

    public InvalidPluginExecutionException()
    {
        Status = OperationStatus.Failed;
        ErrorCode = IsvAbortedErrorCode;
    }

    public InvalidPluginExecutionException(OperationStatus status)
    {
        Status = status;
        ErrorCode = IsvAbortedErrorCode;
    }

    public InvalidPluginExecutionException(string message)
        : this(OperationStatus.Failed, IsvAbortedErrorCode, message)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status, string message)
        : this(status, IsvAbortedErrorCode, message)
    {
    }

    public InvalidPluginExecutionException(string message, Exception exception)
        : base(message, exception)
    {
        Status = OperationStatus.Failed;
        ErrorCode = IsvAbortedErrorCode;
    }

    public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message)
        : this(status, errorCode, message, PluginHttpStatusCode.NotSet)
    {
    }

    public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus)
        : this(OperationStatus.Failed, IsvAbortedErrorCode, message, httpStatus)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
        HttpStatus = httpStatus;
    }

    public OperationStatus Status { get; }

    public int ErrorCode { get; }

    public PluginHttpStatusCode HttpStatus { get; }
}
