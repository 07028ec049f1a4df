namespace Microsoft.Xrm.Sdk.Messages;

public sealed class UpdateRequest : OrganizationRequest
{
    public UpdateRequest()
    {
        RequestName = "Update";
        Target = null;
    }

    public Entity? Target
    {
        get => Get<Entity>("Target");
        set => Parameters["Target"] = value;
    }

    // Optional: absent means Default.
    public ConcurrencyBehavior ConcurrencyBehavior
    {
        get => Get<ConcurrencyBehavior>("ConcurrencyBehavior");
        set => Parameters["ConcurrencyBehavior"] = value;
    }
}

public sealed class UpdateResponse : OrganizationResponse
{
    public UpdateResponse()
    {
    }
}

public sealed class DeleteRequest : OrganizationRequest
{
    public DeleteRequest()
    {
        RequestName = "Delete";
        Target = null;
    }

    public EntityReference? Target
    {
        get => Get<EntityReference>("Target");
        set => Parameters["Target"] = value;
    }

    public ConcurrencyBehavior ConcurrencyBehavior
    {
        get => Get<ConcurrencyBehavior>("ConcurrencyBehavior");
        set => Parameters["ConcurrencyBehavior"] = value;
    }
}

public sealed class DeleteResponse : OrganizationResponse
{
    public DeleteResponse()
    {
    }
}
