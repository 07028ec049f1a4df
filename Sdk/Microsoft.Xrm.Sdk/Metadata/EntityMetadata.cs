namespace Microsoft.Xrm.Sdk.Metadata;

// A subset of the real members; the setters the real SDK keeps internal are internal here too (the service fills them).
public sealed class EntityMetadata : MetadataBase
{
    public EntityMetadata()
    {
    }

    public string LogicalName { get; set; } = null!;

    public string SchemaName { get; set; } = null!;

    public Label? DisplayName { get; set; }

    public Label? DisplayCollectionName { get; set; }

    public Label? Description { get; set; }

    public AttributeMetadata[] Attributes { get; internal set; } = null!;

    public int? ObjectTypeCode { get; internal set; }

    public OwnershipTypes? OwnershipType { get; set; }

    public string PrimaryIdAttribute { get; internal set; } = null!;

    public string PrimaryNameAttribute { get; internal set; } = null!;

    public string EntitySetName { get; set; } = null!;

    public bool? IsActivity { get; set; }

    public bool? IsCustomEntity { get; internal set; }

    public bool? IsIntersect { get; internal set; }
}
