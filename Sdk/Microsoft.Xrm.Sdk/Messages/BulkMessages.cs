using System;

namespace Microsoft.Xrm.Sdk.Messages;

// Targets is an EntityCollection of one table (https://learn.microsoft.com/power-apps/developer/data-platform/bulk-operations).
public sealed class CreateMultipleRequest : OrganizationRequest
{
    public CreateMultipleRequest()
    {
        RequestName = "CreateMultiple";
        Targets = null;
    }

    public EntityCollection? Targets
    {
        get => Get<EntityCollection>("Targets");
        set => Parameters["Targets"] = value;
    }
}

public sealed class CreateMultipleResponse : OrganizationResponse
{
    public CreateMultipleResponse()
    {
    }

    // Index-aligned with the request's Targets.
    public Guid[] Ids => Get<Guid[]>("Ids");
}

public sealed class UpdateMultipleRequest : OrganizationRequest
{
    public UpdateMultipleRequest()
    {
        RequestName = "UpdateMultiple";
        Targets = null;
    }

    public EntityCollection? Targets
    {
        get => Get<EntityCollection>("Targets");
        set => Parameters["Targets"] = value;
    }
}

public sealed class UpdateMultipleResponse : OrganizationResponse
{
    public UpdateMultipleResponse()
    {
    }
}

// UpsertMultipleResponse is left out: its Results (UpsertResponse[]) would hide OrganizationResponse.Results,
// and how the real class declares that is not confirmed.
public sealed class UpsertMultipleRequest : OrganizationRequest
{
    public UpsertMultipleRequest()
    {
        RequestName = "UpsertMultiple";
        Targets = null;
    }

    public EntityCollection? Targets
    {
        get => Get<EntityCollection>("Targets");
        set => Parameters["Targets"] = value;
    }
}
