using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

// RelatedEntitiesQuery (RelationshipQueryCollection) and ReturnNotifications are left out of the contract.
public sealed class RetrieveRequest : OrganizationRequest
{
    public RetrieveRequest()
    {
        RequestName = "Retrieve";
        Target = null;
        ColumnSet = null;
    }

    public EntityReference? Target
    {
        get => Get<EntityReference>("Target");
        set => Parameters["Target"] = value;
    }

    public ColumnSet? ColumnSet
    {
        get => Get<ColumnSet>("ColumnSet");
        set => Parameters["ColumnSet"] = value;
    }
}

public sealed class RetrieveResponse : OrganizationResponse
{
    public RetrieveResponse()
    {
    }

    public Entity Entity => Get<Entity>("Entity");
}

public sealed class RetrieveMultipleRequest : OrganizationRequest
{
    public RetrieveMultipleRequest()
    {
        RequestName = "RetrieveMultiple";
        Query = null;
    }

    public QueryBase? Query
    {
        get => Get<QueryBase>("Query");
        set => Parameters["Query"] = value;
    }
}

public sealed class RetrieveMultipleResponse : OrganizationResponse
{
    public RetrieveMultipleResponse()
    {
    }

    public EntityCollection EntityCollection => Get<EntityCollection>("EntityCollection");
}
