using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

public sealed class ExecuteMultipleSettings : IExtensibleDataObject
{
    public ExecuteMultipleSettings()
    {
    }

    public bool ContinueOnError { get; set; }

    public bool ReturnResponses { get; set; }

    public ExtensionDataObject? ExtensionData { get; set; }
}

public sealed class ExecuteMultipleResponseItem : IExtensibleDataObject
{
    public ExecuteMultipleResponseItem()
    {
    }

    public int RequestIndex { get; set; }

    public OrganizationResponse? Response { get; set; }

    public OrganizationServiceFault? Fault { get; set; }

    public ExtensionDataObject? ExtensionData { get; set; }
}

public sealed class ExecuteMultipleResponseItemCollection : DataCollection<ExecuteMultipleResponseItem>
{
    public ExecuteMultipleResponseItemCollection()
    {
    }
}
