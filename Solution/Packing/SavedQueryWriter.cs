using System.Linq;
using System.Xml.Linq;
using Rapport.Solution.Model;
using static Rapport.Solution.Packing.XmlParts;

namespace Rapport.Solution.Packing;

/// <summary>
/// The active view of a Rapport table (the default public view: ViewColumns, active rows only, by name), then its
/// declared further views (non-default public views with their own columns, filter and order).
/// </summary>
internal static class SavedQueryWriter
{
    public static XElement Views(TableDefinition table) =>
        new("SavedQueries", new XElement("savedqueries", ActiveView(table), table.Views.Select(v => DeclaredView(table, v))));

    public static System.Guid ActiveViewId(TableDefinition table) => ComponentIds.For("view", table.LogicalName);

    public static System.Guid ViewId(TableDefinition table, ViewDefinition view) => ViewId(table.LogicalName, view.Name);

    /// <summary>The view a subgrid names: the declared view of that name, or the table's active view when none is named.</summary>
    public static System.Guid ViewId(string table, string? viewName) =>
        ComponentIds.For("view", viewName is null ? table : $"{table}.{viewName}");

    private static XElement DeclaredView(TableDefinition table, ViewDefinition view)
    {
        var order = view.OrderBy ?? table.PrimaryNameAttribute;
        var layout = new XElement("grid",
            new XAttribute("name", "resultset"), new XAttribute("jump", table.PrimaryNameAttribute), new XAttribute("select", "1"),
            new XAttribute("icon", "1"), new XAttribute("preview", "1"),
            new XElement("row", new XAttribute("name", "result"), new XAttribute("id", table.PrimaryIdAttribute),
                view.Columns.Select(c => new XElement("cell", new XAttribute("name", c), new XAttribute("width", "150")))));
        var entity = new XElement("entity", new XAttribute("name", table.LogicalName),
            view.Columns.Select(c => new XElement("attribute", new XAttribute("name", c))),
            new XElement("attribute", new XAttribute("name", table.PrimaryIdAttribute)),
            new XElement("order", new XAttribute("attribute", order), new XAttribute("descending", "false")));
        var filter = new XElement("filter", new XAttribute("type", "and"));
        if (table.HasColumn("statecode"))
        {
            filter.Add(new XElement("condition", new XAttribute("attribute", "statecode"), new XAttribute("operator", "eq"), new XAttribute("value", "0")));
        }

        if (view.FilterColumn is { } column)
        {
            filter.Add(new XElement("condition", new XAttribute("attribute", column), new XAttribute("operator", "eq"),
                new XAttribute("value", view.FilterValue.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        if (filter.HasElements)
        {
            entity.Add(filter);
        }

        return new XElement("savedquery",
            new XElement("IsCustomizable", "1"),
            new XElement("CanBeDeleted", "0"),
            new XElement("isquickfindquery", "0"),
            new XElement("isprivate", "0"),
            new XElement("isdefault", "0"),
            new XElement("savedqueryid", Braced(ViewId(table, view))),
            new XElement("layoutxml", layout),
            new XElement("querytype", "0"),
            new XElement("fetchxml", new XElement("fetch", new XAttribute("version", "1.0"), new XAttribute("mapping", "logical"), entity)),
            new XElement("IntroducedVersion", "1.0"),
            Labels("LocalizedNames", "LocalizedName", view.DisplayName));
    }

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
