namespace Rapport.Solution.Model;

/// <summary>Dataverse column types Rapport declares or reads. Names follow AttributeTypeCode.</summary>
public enum ColumnType
{
    String,
    Memo,
    Integer,
    BigInt,
    Decimal,
    Double,
    Money,
    Boolean,
    DateTime,
    Picklist,
    MultiSelectPicklist,
    Lookup,
    Customer,
    Owner,
    State,
    Status,
    Uniqueidentifier,
    EntityName,

    /// <summary>An activity's party list (to, from, cc): an EntityCollection of activityparty rows.</summary>
    PartyList,
}

/// <summary>AttributeRequiredLevel.</summary>
public enum RequiredLevel
{
    None,
    SystemRequired,
    ApplicationRequired,
    Recommended,
}

/// <summary>OwnershipTypes as Rapport uses them.</summary>
public enum Ownership
{
    UserOwned,
    OrganizationOwned,
    None,
}
