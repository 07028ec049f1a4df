using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata;

public abstract class MetadataBase : IExtensibleDataObject
{
    protected MetadataBase()
    {
    }

    public Guid? MetadataId { get; set; }

    public bool? HasChanged { get; set; }

    public ExtensionDataObject? ExtensionData { get; set; }
}
