using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Rapport.Solution.Model;
using static Rapport.Solution.Packing.XmlParts;

namespace Rapport.Solution.Packing;

/// <summary>
/// System charts as an export writes them inside their table: Visualizations/visualization with the data description
/// (an aggregate fetch plus the category → measure map) and the presentation description (the Chart XML the
/// renderer reads). The chart's name travels as LocalizedNames, as in exports (the table's name column).
/// </summary>
internal static class ChartXmlWriter
{
    private const string GroupAlias = "groupby_column";

    public static Guid IdOf(ChartDefinition chart) => ComponentIds.For("chart", chart.Name);

    public static XElement Visualizations(IEnumerable<ChartDefinition> charts) =>
        new("Visualizations", charts.OrderBy(c => c.Name, StringComparer.Ordinal).Select(Visualization));

    public static XElement Visualization(ChartDefinition chart) =>
        new("visualization",
            new XElement("savedqueryvisualizationid", Braced(IdOf(chart))),
            new XElement("datadescription", DataDefinition(chart)),
            new XElement("presentationdescription", Presentation(chart)),
            new XElement("isdefault", "0"),
            new XElement("primaryentitytypecode", chart.Table),
            new XElement("IntroducedVersion", "1.0"),
            Labels("LocalizedNames", "LocalizedName", chart.DisplayName),
            Labels("Descriptions", "Description", chart.Description));

    /// <summary>The series of a chart, first the main one: (alias, column, aggregate).</summary>
    public static IReadOnlyList<(string Alias, ChartSeries Series)> Series(ChartDefinition chart)
    {
        var series = new List<(string, ChartSeries)> { ("aggregate_column", new ChartSeries(chart.Column, chart.Aggregate)) };
        if (chart.SecondSeries is { } second)
        {
            series.Add(("aggregate_column2", second));
        }

        return series;
    }

    public static string FetchAggregate(ChartAggregate aggregate) => aggregate switch
    {
        ChartAggregate.Count => "count",
        ChartAggregate.Sum => "sum",
        ChartAggregate.Avg => "avg",
        ChartAggregate.Min => "min",
        ChartAggregate.Max => "max",
        _ => throw new ArgumentOutOfRangeException(nameof(aggregate), aggregate, "Unknown chart aggregate."),
    };

    private static XElement DataDefinition(ChartDefinition chart)
    {
        var series = Series(chart);
        var entity = new XElement("entity", new XAttribute("name", chart.Table),
            new XElement("attribute", new XAttribute("name", chart.GroupBy), new XAttribute("groupby", "true"), new XAttribute("alias", GroupAlias)),
            series.Select(s => new XElement("attribute",
                new XAttribute("name", s.Series.Column), new XAttribute("aggregate", FetchAggregate(s.Series.Aggregate)), new XAttribute("alias", s.Alias))));
        return new XElement("datadefinition",
            new XElement("fetchcollection",
                new XElement("fetch", new XAttribute("mapping", "logical"), new XAttribute("aggregate", "true"), entity)),
            new XElement("categorycollection",
                new XElement("category", new XAttribute("alias", GroupAlias),
                    series.Select(s => new XElement("measurecollection", new XElement("measure", new XAttribute("alias", s.Alias)))))));
    }

    /// <summary>A column chart in the platform's default look: one Series per measure, a legend when there are two.</summary>
    private static XElement Presentation(ChartDefinition chart)
    {
        var series = Series(chart);
        var result = new XElement("Chart", new XAttribute("Palette", "None"), new XAttribute("PaletteCustomColors", "55,118,193; 197,56,52; 149,189,66"),
            new XElement("Series", series.Select(_ => new XElement("Series",
                new XAttribute("ChartType", chart.Kind == ChartKind.Line ? "Line" : "Column"), new XAttribute("IsValueShownAsLabel", chart.Kind == ChartKind.Line ? "False" : "True"), new XAttribute("Font", "{0}, 9.5px"),
                new XAttribute("LabelForeColor", "59, 59, 59"), new XAttribute("CustomProperties", "PointWidth=0.75, MaxPixelPointWidth=40")))),
            new XElement("ChartAreas", new XElement("ChartArea", new XAttribute("BorderColor", "White"), new XAttribute("BorderDashStyle", "Solid"),
                Axis("AxisY", "239, 242, 246"),
                Axis("AxisX", "Transparent"))),
            new XElement("Titles", new XElement("Title", new XAttribute("Alignment", "TopLeft"), new XAttribute("DockingOffset", "-3"),
                new XAttribute("Font", "{0}, 13px"), new XAttribute("ForeColor", "59, 59, 59"))));
        if (series.Count > 1)
        {
            result.Add(new XElement("Legends", new XElement("Legend", new XAttribute("Alignment", "Center"), new XAttribute("LegendStyle", "Table"),
                new XAttribute("Docking", "Bottom"), new XAttribute("IsEquallySpacedItems", "True"), new XAttribute("Font", "{0}, 11px"),
                new XAttribute("ForeColor", "59, 59, 59"))));
        }

        return result;
    }

    private static XElement Axis(string name, string gridColor) =>
        new(name, new XAttribute("LabelAutoFitMinFontSize", "8"), new XAttribute("TitleForeColor", "59, 59, 59"),
            new XAttribute("TitleFont", "{0}, 10.5px"), new XAttribute("LineColor", "165, 172, 181"), new XAttribute("IntervalAutoMode", "VariableCount"),
            new XElement("MajorGrid", new XAttribute("LineColor", gridColor)),
            new XElement("MajorTickMark", new XAttribute("LineColor", "165, 172, 181")),
            new XElement("LabelStyle", new XAttribute("Font", "{0}, 10.5px"), new XAttribute("ForeColor", "59, 59, 59")));
}
