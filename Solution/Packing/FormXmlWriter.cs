using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Rapport.Solution.Model;
using static Rapport.Solution.Packing.XmlParts;

namespace Rapport.Solution.Packing;

/// <summary>
/// A table's FormXml: for a Rapport table its own main form (one tab, one section, one row per FormColumns entry;
/// primary name when empty), then every declared form of the table (Rapport-owned additional main forms).
/// </summary>
internal static class FormXmlWriter
{
    /// <summary>FormXml/forms[type=main] with every main form of the table, or null when it has none.</summary>
    public static XElement? Forms(TableDefinition table, IEnumerable<FormDefinition> declared)
    {
        var forms = new List<XElement>();
        if (table.IsCustom)
        {
            forms.Add(MainForm(table));
        }

        forms.AddRange(declared.Where(f => f.Table == table.LogicalName).OrderBy(f => f.Name, System.StringComparer.Ordinal).Select(SystemForm));
        return forms.Count == 0 ? null : new XElement("FormXml", new XElement("forms", new XAttribute("type", "main"), forms));
    }

    public static System.Guid FormId(TableDefinition table) => ComponentIds.For("form", table.LogicalName);

    public static System.Guid FormId(FormDefinition form) => ComponentIds.For("systemform", form.Name);

    public static System.Guid DashboardId(DashboardDefinition dashboard) => ComponentIds.For("dashboard", dashboard.Name);

    /// <summary>A declared form: the tabs, the form libraries and the event handlers.</summary>
    public static XElement SystemForm(FormDefinition form) =>
        new("systemform",
            new XElement("formid", Braced(FormId(form))),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("FormPresentation", "1"),
            new XElement("FormActivationState", "1"),
            FormLayoutWriter.Form(form.Name, form.Tabs, sideBySide: false, form.Libraries, form.Handlers),
            new XElement("IsCustomizable", "1"),
            new XElement("CanBeDeleted", "1"),
            Labels("LocalizedNames", "LocalizedName", form.DisplayName),
            Labels("Descriptions", "Description", form.Description));

    /// <summary>Dashboards/Dashboard: a system form of type 0 at the root of customizations.xml.</summary>
    public static XElement Dashboard(DashboardDefinition dashboard) =>
        new("Dashboard",
            Labels("LocalizedNames", "LocalizedName", dashboard.DisplayName),
            Labels("Descriptions", "Description", dashboard.Description),
            new XElement("FormId", Braced(DashboardId(dashboard))),
            new XElement("CanBeDeleted", "1"),
            new XElement("IsCustomizable", "1"),
            new XElement("IsDefault", "0"),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("FormPresentation", "1"),
            new XElement("FormActivationState", "1"),
            FormLayoutWriter.Form(dashboard.Name, dashboard.Tabs, sideBySide: true));

    public static IReadOnlyList<string> FormColumns(TableDefinition table) =>
        table.FormColumns.Count > 0 ? table.FormColumns : [table.PrimaryNameAttribute];

    private static XElement MainForm(TableDefinition table)
    {
        var rows = FormColumns(table).Select(name => table.Column(name)!).Select(column => new XElement("row",
            new XElement("cell", new XAttribute("id", Braced(ComponentIds.For("formcell", $"{table.LogicalName}.{column.LogicalName}"))),
                Labels("labels", "label", column.DisplayName),
                new XElement("control",
                    new XAttribute("id", column.LogicalName),
                    new XAttribute("classid", ControlClass(column)),
                    new XAttribute("datafieldname", column.LogicalName),
                    new XAttribute("disabled", "false")))));
        var section = new XElement("section",
            new XAttribute("name", "general_section"), new XAttribute("showlabel", "false"), new XAttribute("showbar", "false"),
            new XAttribute("id", Braced(ComponentIds.For("formsection", table.LogicalName))), new XAttribute("IsUserDefined", "0"), new XAttribute("columns", "1"),
            Labels("labels", "label", "General"),
            new XElement("rows", rows));
        var tab = new XElement("tab",
            new XAttribute("name", "general"), new XAttribute("id", Braced(ComponentIds.For("formtab", table.LogicalName))),
            new XAttribute("IsUserDefined", "0"), new XAttribute("showlabel", "true"), new XAttribute("expanded", "true"),
            Labels("labels", "label", "General"),
            new XElement("columns", new XElement("column", new XAttribute("width", "100%"), new XElement("sections", section))));
        return new XElement("systemform",
            new XElement("formid", Braced(FormId(table))),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("FormPresentation", "1"),
            new XElement("FormActivationState", "1"),
            new XElement("form", new XElement("tabs", tab)),
            new XElement("IsCustomizable", "1"),
            new XElement("CanBeDeleted", "0"),
            Labels("LocalizedNames", "LocalizedName", "Information"),
            Labels("Descriptions", "Description", $"Main form of {table.DisplayName}."));
    }

    /// <summary>The classic form control for a column type (the well-known control class ids).</summary>
    private static string ControlClass(ColumnDefinition column) => column.Type switch
    {
        ColumnType.Memo => "{E0DECE4B-6FC8-4a8f-A065-082708572369}",
        ColumnType.Integer or ColumnType.BigInt => "{C6D124CA-7EDA-4a60-AEA9-7FB8D318B68F}",
        ColumnType.Double => "{0D2C745A-E5A8-4c8f-BA63-C6D3BB604660}",
        ColumnType.Decimal => "{C3EFE0C3-0EC6-42be-8349-CBD9079DFD8E}",
        ColumnType.Money => "{533B9E00-756B-4312-95A0-DC888637AC78}",
        ColumnType.DateTime => "{5B773807-9FB2-42db-97C3-7A91EFF8ADFF}",
        ColumnType.Boolean => "{67FAC785-CD58-4f9f-ABB3-4B7DDC6ED5ED}",
        ColumnType.Picklist or ColumnType.State or ColumnType.Status => "{3EF39988-22BB-4f0b-BBBE-64B5A3748AEE}",
        ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => "{270BD3DB-D9AF-4782-9025-509E298DEC0A}",
        _ => "{4273EDBD-AC1D-40d3-9FB2-095C621B552D}",
    };
}
