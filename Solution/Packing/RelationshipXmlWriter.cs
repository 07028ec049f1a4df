using System.Xml.Linq;
using Rapport.Solution.Model;
using static Rapport.Solution.Packing.XmlParts;

namespace Rapport.Solution.Packing;

/// <summary>EntityRelationships/EntityRelationship for 1:N (lookup) and N:N relationships.</summary>
internal static class RelationshipXmlWriter
{
    public static XElement Write(OneToManyRelationship relationship) =>
        new("EntityRelationship", new XAttribute("Name", relationship.SchemaName),
            new XElement("EntityRelationshipType", "OneToMany"),
            new XElement("IsCustomizable", "1"),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("IsHierarchical", "0"),
            new XElement("ReferencingEntityName", SchemaNames.Of(relationship.ReferencingEntity)),
            new XElement("ReferencedEntityName", SchemaNames.Of(relationship.ReferencedEntity)),
            new XElement("CascadeAssign", "NoCascade"),
            new XElement("CascadeDelete", relationship.OnDelete.ToString()),
            new XElement("CascadeReparent", "NoCascade"),
            new XElement("CascadeShare", "NoCascade"),
            new XElement("CascadeUnshare", "NoCascade"),
            new XElement("CascadeRollupView", "NoCascade"),
            new XElement("IsValidForAdvancedFind", "1"),
            new XElement("ReferencingAttributeName", relationship.ReferencingAttribute),
            new XElement("RelationshipDescription", Labels("Descriptions", "Description", "")),
            new XElement("EntityRelationshipRoles",
                Role(1, relationship.ReferencingAttribute),
                Role(0, relationship.SchemaName)));

    public static XElement Write(ManyToManyRelationship relationship) =>
        new("EntityRelationship", new XAttribute("Name", relationship.SchemaName),
            new XElement("EntityRelationshipType", "ManyToMany"),
            new XElement("IsCustomizable", "1"),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("IsHierarchical", "0"),
            new XElement("FirstEntityName", SchemaNames.Of(relationship.Entity1)),
            new XElement("SecondEntityName", SchemaNames.Of(relationship.Entity2)),
            new XElement("IntersectEntityName", relationship.IntersectEntity),
            new XElement("IsValidForAdvancedFind", "1"),
            new XElement("RelationshipDescription", Labels("Descriptions", "Description", "")),
            new XElement("EntityRelationshipRoles",
                Role(0, relationship.SchemaName),
                Role(0, relationship.SchemaName)));

    /// <summary>RelationshipRoleType 1 is the referencing (N) side, 0 the referenced (1) side.</summary>
    private static XElement Role(int type, string navigationProperty) =>
        new("EntityRelationshipRole",
            new XElement("NavPaneDisplayOption", "UseCollectionName"),
            new XElement("NavPaneArea", "Details"),
            new XElement("NavPaneOrder", "10000"),
            new XElement("NavigationPropertyName", navigationProperty),
            new XElement("RelationshipRoleType", Number(type)));
}
