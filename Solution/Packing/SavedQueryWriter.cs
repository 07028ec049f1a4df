using System.Linq;
using System.Xml.Linq;
using Rapport.Solution.Model;
using static Rapport.Solution.Packing.XmlParts;

namespace Rapport.Solution.Packing;

/// <summary>The active view of a Rapport table (the default public view): ViewColumns, active rows only, by name.</summary>
internal static class SavedQueryWriter
{
    public static XElement Views(TableDefinition table) =>
        new("SavedQueries", new XElement("savedqueries", ActiveView(table)));

    public static System.Guid ActiveViewId(TableDefinition table) => ComponentIds.For("view", table.LogicalName);

    public static System.Collections.Generic.IReadOnlyList<string> ViewColumns(TableDefinition table) =>
        table.ViewColumns.Count > 0 ? table.ViewColumns : [table.PrimaryNameAttribute];

    private static XElement ActiveView(TableDefinition table)
    {
        var columns = ViewColumns(table);
        var layout = new XElement("grid",
            new XAttribute("name", "resultset"), new XAttribute("jump", table.PrimaryNameAttribute), new XAttribute("select", "1"),
            new XAttribute("icon", "1"), new XAttribute("preview", "1"),
            new XElement("row", new XAttribute("name", "result"), new XAttribute("id", table.PrimaryIdAttribute),
                columns.Select(c => new XElement("cell", new XAttribute("name", c), new XAttribute("width", "150")))));
        var entity = new XElement("entity", new XAttribute("name", table.LogicalName),
            columns.Select(c => new XElement("attribute", new XAttribute("name", c))),
            new XElement("attribute", new XAttribute("name", table.PrimaryIdAttribute)),
            new XElement("order", new XAttribute("attribute", table.PrimaryNameAttribute), new XAttribute("descending", "false")));
        if (table.HasColumn("statecode"))
        {
            entity.Add(new XElement("filter", new XAttribute("type", "and"),
                new XElement("condition", new XAttribute("attribute", "statecode"), new XAttribute("operator", "eq"), new XAttribute("value", "0"))));
        }

        return new XElement("savedquery",
            new XElement("IsCustomizable", "1"),
            new XElement("CanBeDeleted", "0"),
            new XElement("isquickfindquery", "0"),
            new XElement("isprivate", "0"),
            new XElement("isdefault", "1"),
            new XElement("savedqueryid", Braced(ActiveViewId(table))),
            new XElement("layoutxml", layout),
            new XElement("querytype", "0"),
            new XElement("fetchxml", new XElement("fetch", new XAttribute("version", "1.0"), new XAttribute("mapping", "logical"), entity)),
            new XElement("IntroducedVersion", "1.0"),
            Labels("LocalizedNames", "LocalizedName", $"Active {table.PluralName}"));
    }
}
