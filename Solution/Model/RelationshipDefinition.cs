namespace Rapport.Solution.Model;

/// <summary>What happens to referencing rows when the referenced row is deleted.</summary>
public enum CascadeDelete
{
    /// <summary>Delete the referencing rows too.</summary>
    Cascade,
    /// <summary>Clear the lookup.</summary>
    RemoveLink,
    /// <summary>Refuse to delete while referencing rows exist.</summary>
    Restrict,
}

/// <summary>A 1:N relationship behind a lookup column (ReferencingEntity.ReferencingAttribute → ReferencedEntity).</summary>
public sealed record OneToManyRelationship(
    string SchemaName,
    string ReferencedEntity,
    string ReferencingEntity,
    string ReferencingAttribute,
    CascadeDelete OnDelete = CascadeDelete.RemoveLink);

/// <summary>An N:N relationship kept in an intersect table.</summary>
public sealed record ManyToManyRelationship(
    string SchemaName,
    string Entity1,
    string Entity2,
    string IntersectEntity);
