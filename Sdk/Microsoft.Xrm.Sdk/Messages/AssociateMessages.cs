namespace Microsoft.Xrm.Sdk.Messages;

public sealed class AssociateRequest : OrganizationRequest
{
    public AssociateRequest()
    {
        RequestName = "Associate";
        Target = null;
        Relationship = null;
        RelatedEntities = null;
    }

    public EntityReference? Target
    {
        get => Get<EntityReference>("Target");
        set => Parameters["Target"] = value;
    }

    public Relationship? Relationship
    {
        get => Get<Relationship>("Relationship");
        set => Parameters["Relationship"] = value;
    }

    public EntityReferenceCollection? RelatedEntities
    {
        get => Get<EntityReferenceCollection>("RelatedEntities");
        set => Parameters["RelatedEntities"] = value;
    }
}

public sealed class AssociateResponse : OrganizationResponse
{
    public AssociateResponse()
    {
    }
}

public sealed class DisassociateRequest : OrganizationRequest
{
    public DisassociateRequest()
    {
        RequestName = "Disassociate";
        Target = null;
        Relationship = null;
        RelatedEntities = null;
    }

    public EntityReference? Target
    {
        get => Get<EntityReference>("Target");
        set => Parameters["Target"] = value;
    }

    public Relationship? Relationship
    {
        get => Get<Relationship>("Relationship");
        set => Parameters["Relationship"] = value;
    }

    public EntityReferenceCollection? RelatedEntities
    {
        get => Get<EntityReferenceCollection>("RelatedEntities");
        set => Parameters["RelatedEntities"] = value;
    }
}

public sealed class DisassociateResponse : OrganizationResponse
{
    public DisassociateResponse()
    {
    }
}
