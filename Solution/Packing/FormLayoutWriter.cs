using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Rapport.Solution.Model;
using static Rapport.Solution.Packing.XmlParts;

namespace Rapport.Solution.Packing;

/// <summary>
/// The FormXml &lt;form&gt; of a declared form or dashboard: tabs of sections of web resource controls, then the form
/// libraries and the event handlers (the order exports write them in). Ids derive from the owner's name, so they
/// are stable across builds.
/// </summary>
internal static class FormLayoutWriter
{
    /// <summary>The classic web resource control (an HTML web resource in an iframe the platform manages).</summary>
    public const string WebResourceControlClass = "{9FDF5F91-88B1-47f4-AD53-C11EFC01A01D}";

    /// <summary>The classic single-line text box: the fallback a code component bound to a text column keeps.</summary>
    public const string TextBoxControlClass = "{4273EDBD-AC1D-40d3-9FB2-095C621B552D}";

    /// <summary>Web (0), phone (1) and tablet (2): a code component is named once per form factor, or that client shows the fallback.</summary>
    private static readonly int[] FormFactors = [0, 1, 2];

    /// <summary>The subgrid control (grid, chart or both of a view's rows; related rows when a relationship is named).</summary>
    public const string SubgridControlClass = "{E7A81278-8635-4d9e-8D4D-59480B391C5B}";

    /// <param name="owner">the form or dashboard name the ids derive from</param>
    /// <param name="sideBySide">dashboards lay sections out in columns; forms stack them in one column</param>
    public static XElement Form(string owner, IReadOnlyList<FormTabDefinition> tabs, bool sideBySide,
        IReadOnlyList<string>? libraries = null, IReadOnlyList<FormEventHandlerDefinition>? handlers = null)
    {
        var form = new XElement("form", new XElement("tabs", tabs.Select(t => Tab(owner, t, sideBySide))));
        var codeControls = tabs.SelectMany(t => t.Sections.Select(s => (Key: $"{owner}.{t.Name}", s.CodeControls))).SelectMany(s => s.CodeControls.Select(c => (s.Key, Control: c))).ToList();
        if (codeControls.Count > 0)
        {
            // Exports write controlDescriptions after the layout and before formLibraries and events.
            form.Add(new XElement("controlDescriptions", codeControls.Select(c => ControlDescription(c.Key, c.Control))));
        }

        if (libraries is { Count: > 0 })
        {
            form.Add(new XElement("formLibraries", libraries.Select(l => new XElement("Library",
                new XAttribute("name", l), new XAttribute("libraryUniqueId", Braced(ComponentIds.For("formlibrary", $"{owner}.{l}")))))));
        }

        if (handlers is { Count: > 0 })
        {
            form.Add(new XElement("events", handlers.GroupBy(h => h.Event).Select(e => new XElement("event",
                new XAttribute("name", e.Key), new XAttribute("application", "false"), new XAttribute("active", "false"),
                new XElement("Handlers", e.Select(h => new XElement("Handler",
                    new XAttribute("functionName", h.Function),
                    new XAttribute("libraryName", h.Library),
                    new XAttribute("handlerUniqueId", Braced(ComponentIds.For("formhandler", $"{owner}.{h.Event}.{h.Function}"))),
                    new XAttribute("enabled", "true"),
                    new XAttribute("parameters", h.Parameters),
                    new XAttribute("passExecutionContext", h.PassExecutionContext ? "true" : "false"))))))));
        }

        return form;
    }

    private static XElement Tab(string owner, FormTabDefinition tab, bool sideBySide)
    {
        var key = $"{owner}.{tab.Name}";
        var columns = sideBySide
            ? tab.Sections.Select(s => Column(100 / tab.Sections.Count, Section(key, s)))
            : [Column(100, tab.Sections.Select(s => Section(key, s)).ToArray())];
        return new XElement("tab",
            new XAttribute("name", tab.Name), new XAttribute("id", Braced(ComponentIds.For("formtab", key))),
            new XAttribute("IsUserDefined", "0"), new XAttribute("showlabel", "true"), new XAttribute("expanded", "true"),
            Labels("labels", "label", tab.Label),
            new XElement("columns", columns));
    }

    private static XElement Column(int width, params XElement[] sections) =>
        new("column", new XAttribute("width", Number(width) + "%"), new XElement("sections", sections));

    private static XElement Section(string key, FormSectionDefinition section) =>
        new("section",
            new XAttribute("name", section.Name), new XAttribute("showlabel", "true"), new XAttribute("showbar", "false"),
            new XAttribute("id", Braced(ComponentIds.For("formsection", $"{key}.{section.Name}"))), new XAttribute("IsUserDefined", "0"),
            new XAttribute("columns", "1"),
            Labels("labels", "label", section.Label),
            new XElement("rows", section.Controls.SelectMany(c => Rows(key, c)), section.CodeControls.SelectMany(c => Rows(key, c)),
                section.Subgrids.SelectMany(g => SubgridRows(key, g))));

    /// <summary>
    /// A subgrid spanning Rows rows, its parameters in the order the form editor saves them (learn.microsoft.com's
    /// sample FormXml of a Documents subgrid: ViewId, IsUserView, RelationshipName, TargetEntityType, AutoExpand,
    /// EnableQuickFind, EnableViewPicker, ViewIds, EnableJumpBar, ChartGridMode, VisualizationId, IsUserChart,
    /// EnableChartPicker, RecordsPerPage). A named chart shows the chart only (ChartGridMode Chart).
    /// </summary>
    private static IEnumerable<XElement> SubgridRows(string key, SubgridControlDefinition grid)
    {
        var view = Braced(SavedQueryWriter.ViewId(grid.Table, grid.View));
        var chart = grid.Chart is null ? null : Braced(ComponentIds.For("chart", grid.Chart));
        var parameters = new XElement("parameters",
            new XElement("ViewId", view),
            new XElement("IsUserView", "false"),
            new XElement("RelationshipName", grid.Relationship),
            new XElement("TargetEntityType", grid.Table),
            new XElement("AutoExpand", "Fixed"),
            new XElement("EnableQuickFind", "false"),
            new XElement("EnableViewPicker", "false"),
            new XElement("ViewIds", view),
            new XElement("EnableJumpBar", "false"),
            new XElement("ChartGridMode", chart is null ? "Grid" : "Chart"),
            new XElement("VisualizationId", chart),
            new XElement("IsUserChart", "false"),
            new XElement("EnableChartPicker", "false"),
            new XElement("RecordsPerPage", Number(grid.RecordsPerPage)));
        yield return new XElement("row",
            new XElement("cell",
                new XAttribute("id", Braced(ComponentIds.For("formcell", $"{key}.{grid.Id}"))),
                new XAttribute("showlabel", "true"),
                new XAttribute("colspan", "1"), new XAttribute("rowspan", Number(grid.Rows)), new XAttribute("auto", "false"),
                Labels("labels", "label", grid.Label),
                new XElement("control",
                    new XAttribute("id", grid.Id), new XAttribute("classid", SubgridControlClass), new XAttribute("indicationOfSubgrid", "true"),
                    new XAttribute("uniqueid", Braced(ComponentIds.For("formcontrol", $"{key}.{grid.Id}"))),
                    parameters)));
        for (var i = 1; i < grid.Rows; i++)
        {
            yield return new XElement("row");
        }
    }

    /// <summary>A control spanning Rows rows: its cell, then the empty rows it covers (as the form editor saves them).</summary>
    private static IEnumerable<XElement> Rows(string key, WebResourceControlDefinition control)
    {
        var parameters = new XElement("parameters",
            new XElement("Url", control.WebResource),
            new XElement("PassParameters", control.PassParameters ? "true" : "false"),
            new XElement("Security", "false"),
            new XElement("Scrolling", "auto"),
            new XElement("Border", "false"),
            new XElement("WebResourceId", Braced(ComponentPaths.WebResourceId(control.WebResource))));
        if (control.Data.Length > 0)
        {
            parameters.Add(new XElement("Data", control.Data));
        }

        yield return new XElement("row",
            new XElement("cell",
                new XAttribute("id", Braced(ComponentIds.For("formcell", $"{key}.{control.Id}"))),
                new XAttribute("showlabel", control.ShowLabel ? "true" : "false"),
                new XAttribute("colspan", "1"), new XAttribute("rowspan", Number(control.Rows)),
                Labels("labels", "label", control.Label),
                new XElement("control", new XAttribute("id", control.Id), new XAttribute("classid", WebResourceControlClass), parameters)));
        for (var i = 1; i < control.Rows; i++)
        {
            yield return new XElement("row");
        }
    }

    /// <summary>
    /// A column's cell whose control a code component replaces: the classic text box bound to the column (what clients
    /// without the component show), with the uniqueid its controlDescription points at.
    /// </summary>
    private static IEnumerable<XElement> Rows(string key, CodeComponentControlDefinition control)
    {
        yield return new XElement("row",
            new XElement("cell",
                new XAttribute("id", Braced(ComponentIds.For("formcell", $"{key}.{control.Id}"))),
                new XAttribute("showlabel", control.ShowLabel ? "true" : "false"),
                new XAttribute("colspan", "1"), new XAttribute("rowspan", Number(control.Rows)),
                Labels("labels", "label", control.Label),
                new XElement("control",
                    new XAttribute("id", control.Id),
                    new XAttribute("classid", TextBoxControlClass),
                    new XAttribute("datafieldname", control.Column),
                    new XAttribute("disabled", "false"),
                    new XAttribute("uniqueid", Braced(UniqueId(key, control))))));
        for (var i = 1; i < control.Rows; i++)
        {
            yield return new XElement("row");
        }
    }

    public static System.Guid UniqueId(string key, CodeComponentControlDefinition control) => ComponentIds.For("formcontrol", $"{key}.{control.Id}");

    /// <summary>
    /// The default control (the column's classic control, by class id, with its datafieldname), then the component for
    /// each form factor with the column in its bound property: the shape of an exported form
    /// (learn.microsoft.com/dynamics365/field-service/work-order-customization, "Add Bing Maps to the work order form").
    /// </summary>
    private static XElement ControlDescription(string key, CodeComponentControlDefinition control) =>
        new("controlDescription",
            new XAttribute("forControl", Braced(UniqueId(key, control))),
            new XElement("customControl",
                new XAttribute("id", TextBoxControlClass),
                new XElement("parameters", new XElement("datafieldname", control.Column))),
            FormFactors.Select(f => new XElement("customControl",
                new XAttribute("formFactor", Number(f)),
                new XAttribute("name", control.Component),
                new XElement("parameters", new XElement(control.BoundProperty, control.Column)))));
}
