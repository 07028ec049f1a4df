using System.Linq;
using System.Xml.Linq;
using Rapport.Solution.Model;
using static Rapport.Solution.Packing.XmlParts;

namespace Rapport.Solution.Packing;

/// <summary>
/// A table as Entities/Entity: Name, EntityInfo (flags, attributes, keys), its forms (for Rapport's own tables the main
/// form, plus declared forms), the active view of Rapport's tables, the command bar additions and the charts. A
/// standard table carries only the columns Rapport adds to it.
/// </summary>
internal static class EntityXmlWriter
{
    public static XElement Write(TableDefinition table, SolutionDefinition definition)
    {
        var schema = SchemaNames.Of(table.LogicalName);
        var info = new XElement("entity", new XAttribute("Name", schema));
        if (table.IsCustom)
        {
            info.Add(
                Labels("LocalizedNames", "LocalizedName", table.DisplayName),
                Labels("LocalizedCollectionNames", "LocalizedCollectionName", table.PluralName),
                Labels("Descriptions", "Description", table.Description));
        }

        info.Add(new XElement("attributes", DeclarationValidator.PackedColumns(table).Select(c => AttributeXmlWriter.Write(table, c))));
        if (table.IsCustom)
        {
            // Exports write EntityKeys right after attributes, and every entity flag as 0/1 (never False/True).
            if (table.Keys.Count > 0)
            {
                info.Add(new XElement("EntityKeys", table.Keys.Select(Key)));
            }

            info.Add(
                new XElement("EntitySetName", table.SetName),
                new XElement("IsDuplicateCheckSupported", "0"),
                new XElement("IsConnectionsEnabled", "0"),
                new XElement("IsDocumentManagementEnabled", "0"),
                new XElement("OwnershipTypeMask", OwnershipName(table.Ownership)),
                new XElement("IsAuditEnabled", "1"),
                new XElement("IsActivity", "0"),
                new XElement("IsActivityParty", "0"),
                new XElement("IsQuickCreateEnabled", "0"),
                new XElement("IntroducedVersion", "1.0"),
                new XElement("IsCustomizable", "1"),
                new XElement("IsRenameable", "1"),
                new XElement("IsMappable", "1"),
                new XElement("ChangeTrackingEnabled", "1"));
        }

        var entity = new XElement("Entity",
            new XElement("Name", new XAttribute("LocalizedName", table.DisplayName), new XAttribute("OriginalName", table.DisplayName), schema),
            new XElement("EntityInfo", info));
        entity.Add(FormXmlWriter.Forms(table, definition.Forms));
        if (table.IsCustom)
        {
            entity.Add(SavedQueryWriter.Views(table));
        }

        // Rapport's command bar buttons and charts of this table travel with it, as in exports.
        foreach (var ribbon in definition.Ribbons.Where(r => r.Table == table.LogicalName))
        {
            entity.Add(RibbonXmlWriter.Write(ribbon));
        }

        var charts = definition.Charts.Where(c => c.Table == table.LogicalName).ToList();
        if (charts.Count > 0)
        {
            entity.Add(ChartXmlWriter.Visualizations(charts));
        }

        return entity;
    }

    public static string OwnershipName(Ownership ownership) => ownership switch
    {
        Ownership.OrganizationOwned => "OrganizationOwned",
        Ownership.None => "None",
        _ => "UserOwned",
    };

    private static XElement Key(AlternateKeyDefinition key) =>
        new("EntityKey",
            new XElement("Name", key.LogicalName),
            new XElement("LogicalName", key.LogicalName),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("IsCustomizable", "1"),
            new XElement("EntityKeyAttributes", key.Columns.Select(c => new XElement("AttributeName", c))),
            Labels("displaynames", "displayname", key.DisplayName));
}
