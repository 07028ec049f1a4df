using System;
using Microsoft.Xrm.Sdk.Metadata;

namespace Microsoft.Xrm.Sdk.Messages;

// As compiled in Microsoft.Xrm.Sdk 9.0.2.56: the constructor sets all four parameters (EntityFilters 0, an empty
// MetadataId, RetrieveAsIfPublished false).
public sealed class RetrieveEntityRequest : OrganizationRequest
{
    public RetrieveEntityRequest()
    {
        RequestName = "RetrieveEntity";
        EntityFilters = 0;
        MetadataId = Guid.Empty;
        RetrieveAsIfPublished = false;
    }

    public EntityFilters EntityFilters
    {
        get => Parameters.TryGetValue("EntityFilters", out var value) && value is EntityFilters filters ? filters : default;
        set => Parameters["EntityFilters"] = value;
    }

    public string? LogicalName
    {
        get => Get<string>("LogicalName");
        set => Parameters["LogicalName"] = value;
    }

    public Guid MetadataId
    {
        get => Parameters.TryGetValue("MetadataId", out var value) && value is Guid id ? id : default;
        set => Parameters["MetadataId"] = value;
    }

    public bool RetrieveAsIfPublished
    {
        get => Parameters.TryGetValue("RetrieveAsIfPublished", out var value) && value is bool b && b;
        set => Parameters["RetrieveAsIfPublished"] = value;
    }
}

public sealed class RetrieveEntityResponse : OrganizationResponse
{
    public RetrieveEntityResponse()
    {
    }

    public EntityMetadata EntityMetadata => Get<EntityMetadata>("EntityMetadata");
}
