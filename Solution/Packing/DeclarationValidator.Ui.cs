using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Rapport.Solution.Model;

namespace Rapport.Solution.Packing;

/// <summary>Charts, forms, dashboards and command bar buttons: every table, column, web resource and function they name exists.</summary>
public sealed partial class DeclarationValidator
{
    private static readonly ColumnType[] Numeric = [ColumnType.Integer, ColumnType.BigInt, ColumnType.Decimal, ColumnType.Double, ColumnType.Money];

    private void CheckCharts()
    {
        RequireUnique("chart", definition.Charts.Select(c => c.Name));
        foreach (var chart in definition.Charts)
        {
            var where = $"Chart '{chart.Name}'";
            RequirePrefix("Chart", chart.Name);
            var columns = KnownColumns(chart.Table);
            if (columns is null)
            {
                Problem($"{where} is on unknown table '{chart.Table}'.");
                continue;
            }

            foreach (var series in ChartXmlWriter.Series(chart).Select(s => s.Series))
            {
                if (!Enum.IsDefined(series.Aggregate))
                {
                    Problem($"{where} has an unknown aggregate ({(int)series.Aggregate}).");
                }

                if (!columns.Contains(series.Column))
                {
                    Problem($"{where} aggregates column '{series.Column}', which table '{chart.Table}' does not have.");
                }
                else if (series.Aggregate is not ChartAggregate.Count && ColumnOf(chart.Table, series.Column) is { } column && !Numeric.Contains(column.Type))
                {
                    Problem($"{where}: {series.Aggregate} needs a number column; '{series.Column}' is {column.Type}.");
                }
            }

            if (!columns.Contains(chart.GroupBy))
            {
                Problem($"{where} groups by column '{chart.GroupBy}', which table '{chart.Table}' does not have.");
            }
        }
    }

    private void CheckForms()
    {
        RequireUnique("form", definition.Forms.Select(f => f.Name).Concat(definition.Dashboards.Select(d => d.Name)));
        foreach (var form in definition.Forms)
        {
            var where = $"Form '{form.Name}'";
            RequirePrefix("Form", form.Name);
            if (!IsKnownTable(form.Table))
            {
                Problem($"{where} is on unknown table '{form.Table}'.");
            }

            CheckLayout(where, form.Tabs);
            CheckSubgrids(where, form.Table, form.Tabs);
            foreach (var library in form.Libraries)
            {
                RequireScript($"{where}: form library", library);
            }

            foreach (var handler in form.Handlers)
            {
                if (!form.Libraries.Contains(handler.Library, StringComparer.Ordinal))
                {
                    Problem($"{where}: handler {handler.Function} uses library '{handler.Library}', which is not among the form's libraries.");
                }

                RequireFunction($"{where}: handler", new JavaScriptCall(handler.Library, handler.Function));
            }
        }

        foreach (var dashboard in definition.Dashboards)
        {
            RequirePrefix("Dashboard", dashboard.Name);
            CheckLayout($"Dashboard '{dashboard.Name}'", dashboard.Tabs);
            foreach (var grid in dashboard.Tabs.SelectMany(t => t.Sections).SelectMany(s => s.Subgrids))
            {
                Problem($"Dashboard '{dashboard.Name}': subgrid '{grid.Id}' lists related rows, which needs a form's row; a dashboard has none.");
            }
        }
    }

    private void CheckLayout(string where, IReadOnlyList<FormTabDefinition> tabs)
    {
        if (tabs.Count == 0 || tabs.Any(t => t.Sections.Count == 0))
        {
            Problem($"{where}: every form needs a tab and every tab a section.");
        }

        var controls = tabs.SelectMany(t => t.Sections).SelectMany(s => s.Controls).ToList();
        RequireUnique($"control id in {where}", controls.Select(c => c.Id).Concat(tabs.SelectMany(t => t.Sections).SelectMany(s => s.Subgrids).Select(g => g.Id)));
        foreach (var control in controls)
        {
            if (!control.Id.StartsWith("WebResource_", StringComparison.Ordinal))
            {
                Problem($"{where}: web resource control '{control.Id}' must be named WebResource_<name>.");
            }

            if (control.Rows < 1)
            {
                Problem($"{where}: control '{control.Id}' needs at least one row.");
            }

            var resource = WebResource(control.WebResource);
            if (resource is null)
            {
                Problem($"{where}: control '{control.Id}' shows web resource '{control.WebResource}', which the solution does not declare.");
            }
            else if (resource.Type != WebResourceType.Html)
            {
                Problem($"{where}: control '{control.Id}' shows '{control.WebResource}', a {resource.Type} web resource; a form control hosts HTML.");
            }
        }
    }

    /// <summary>
    /// Each subgrid lists rows of a known table through a declared 1:N relationship from the form's table to it, a view
    /// that table has and, when it names one, a chart of that table: the import would otherwise fail, or the subgrid
    /// show nothing.
    /// </summary>
    private void CheckSubgrids(string where, string formTable, IReadOnlyList<FormTabDefinition> tabs)
    {
        foreach (var grid in tabs.SelectMany(t => t.Sections).SelectMany(s => s.Subgrids))
        {
            var what = $"{where}: subgrid '{grid.Id}'";
            if (!IsIdentifier(grid.Id))
            {
                Problem($"{what}: an id is letters, digits and underscores.");
            }

            if (grid.Rows < 1 || grid.RecordsPerPage is < 1 or > 250)
            {
                Problem($"{what} needs at least one row and 1 to 250 records per page.");
            }

            var table = Declared(grid.Table);
            if (table is null || !table.IsCustom)
            {
                Problem($"{what} lists unknown table '{grid.Table}' (a subgrid lists rows of a Rapport table, whose views the solution ships).");
                continue;
            }

            if (!definition.Relationships.Any(r => r.SchemaName == grid.Relationship && r.ReferencedEntity == formTable && r.ReferencingEntity == grid.Table))
            {
                Problem($"{what} names relationship '{grid.Relationship}', which is no declared 1:N relationship from '{formTable}' to '{grid.Table}'.");
            }

            if (grid.View is { } view && !table.Views.Any(v => v.Name == view))
            {
                Problem($"{what} names view '{view}', which table '{grid.Table}' does not declare.");
            }

            if (grid.Chart is { } chart && !definition.Charts.Any(c => c.Name == chart && c.Table == grid.Table))
            {
                Problem($"{what} shows chart '{chart}', which is no declared chart of table '{grid.Table}'.");
            }
        }
    }

    private void CheckRibbons()
    {
        RequireUnique("command bar of table", definition.Ribbons.Select(r => r.Table), StringComparer.Ordinal);
        foreach (var ribbon in definition.Ribbons)
        {
            var where = $"Command bar of '{ribbon.Table}'";
            if (!IsKnownTable(ribbon.Table))
            {
                Problem($"{where}: unknown table '{ribbon.Table}'.");
            }

            RequireUnique($"button of {where}", ribbon.Buttons.Select(b => b.Id));
            foreach (var button in ribbon.Buttons)
            {
                var what = $"{where}: button '{button.Id}'";
                if (!IsIdentifier(button.Id))
                {
                    Problem($"{what}: an id is letters, digits and underscores.");
                }

                RequireFunction($"{what} action", button.Action);
                foreach (var rule in button.EnableRules)
                {
                    RequireFunction($"{what} enable rule", rule);
                }

                if (button.Icon is { } icon && WebResource(icon)?.Type is not (WebResourceType.Svg or WebResourceType.Png or WebResourceType.Gif or WebResourceType.Jpg or WebResourceType.Ico))
                {
                    Problem($"{what}: icon '{icon}' is no image web resource of the solution.");
                }
            }
        }
    }

    private WebResourceDefinition? WebResource(string name) =>
        definition.WebResources.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.Ordinal));

    private ColumnDefinition? ColumnOf(string table, string column) =>
        (Declared(table)?.Column(column)) ?? standardTables.Find(table)?.Column(column);

    private bool RequireScript(string what, string library)
    {
        var resource = WebResource(library);
        if (resource is null)
        {
            Problem($"{what} '{library}' is no web resource the solution declares.");
            return false;
        }

        if (resource.Type != WebResourceType.JavaScript)
        {
            Problem($"{what} '{library}' is a {resource.Type} web resource, not JavaScript.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// The library is a declared script and, when it is built, defines the function: the bundle assigns the namespace
    /// (esbuild's globalName, e.g. Rapport.Commands.Follow=) and exports the member.
    /// </summary>
    private void RequireFunction(string what, JavaScriptCall call)
    {
        if (!RequireScript($"{what} library", call.Library))
        {
            return;
        }

        var dot = call.Function.LastIndexOf('.');
        var file = webResourceRoot is null ? null : Path.Combine(webResourceRoot, WebResource(call.Library)!.SourcePath);
        if (dot <= 0 || file is null || !File.Exists(file))
        {
            return;
        }

        var script = File.ReadAllText(file);
        var ns = call.Function[..dot];
        var member = call.Function[(dot + 1)..];
        if (!script.Contains(ns + "=", StringComparison.Ordinal) || !Regex.IsMatch(script, $@"\b{Regex.Escape(member)}\s*[:(=]"))
        {
            Problem($"{what} calls {call.Function}, which '{call.Library}' does not define.");
        }
    }
}
