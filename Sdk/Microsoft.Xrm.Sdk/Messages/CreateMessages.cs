using System;

namespace Microsoft.Xrm.Sdk.Messages;

public sealed class CreateRequest : OrganizationRequest
{
    public CreateRequest()
    {
        RequestName = "Create";
        Target = null;
    }

    public Entity? Target
    {
        get => Get<Entity>("Target");
        set => Parameters["Target"] = value;
    }
}

public sealed class CreateResponse : OrganizationResponse
{
    public CreateResponse()
    {
    }

    // Lower-case "id", as in the real SDK.
    public Guid id => Get<Guid>("id");
}
