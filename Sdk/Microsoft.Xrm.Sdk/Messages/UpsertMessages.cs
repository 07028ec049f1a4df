namespace Microsoft.Xrm.Sdk.Messages;

public sealed class UpsertRequest : OrganizationRequest
{
    public UpsertRequest()
    {
        RequestName = "Upsert";
        Target = null;
    }

    public Entity? Target
    {
        get => Get<Entity>("Target");
        set => Parameters["Target"] = value;
    }
}

public sealed class UpsertResponse : OrganizationResponse
{
    public UpsertResponse()
    {
    }

    public bool RecordCreated => Get<bool>("RecordCreated");

    public EntityReference Target => Get<EntityReference>("Target");
}
