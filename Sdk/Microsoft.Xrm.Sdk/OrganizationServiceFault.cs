using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

public abstract class BaseServiceFault : IExtensibleDataObject
{
    private ErrorDetailCollection? _errorDetails;

    protected BaseServiceFault()
    {
    }

    public string? Message { get; set; }

    public int ErrorCode { get; set; }

    public string? HelpLink { get; set; }

    public DateTime Timestamp { get; set; }

    public Guid ActivityId { get; set; }

    public ErrorDetailCollection ErrorDetails
    {
        get => _errorDetails ??= new ErrorDetailCollection();
        set => _errorDetails = value;
    }

    public ExtensionDataObject? ExtensionData { get; set; }
}

// The detail of FaultException<OrganizationServiceFault>, what IOrganizationService callers catch.
public class OrganizationServiceFault : BaseServiceFault
{
    public OrganizationServiceFault()
    {
    }

    public string? TraceText { get; set; }

    public OrganizationServiceFault? InnerFault { get; set; }

    public override string ToString() => Message ?? string.Empty;
}
