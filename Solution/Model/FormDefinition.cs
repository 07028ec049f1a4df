using System.Collections.Generic;

namespace Rapport.Solution.Model;

/// <summary>
/// An HTML web resource placed on a form or dashboard (classic web resource control). Data is the custom parameter
/// the page reads from its <c>data</c> query parameter; Rows is the height in form rows.
/// </summary>
public sealed record WebResourceControlDefinition(string Id, string WebResource, string Label)
{
    public string Data { get; init; } = "";
    public int Rows { get; init; } = 12;
    public bool PassParameters { get; init; } = true;
    public bool ShowLabel { get; init; }
}

/// <summary>
/// A subgrid of related rows (classic subgrid control): the rows of <paramref name="Table"/> linked to the form's row
/// through the 1:N <paramref name="Relationship"/>, through view <see cref="View"/> (a declared view's name; null: the
/// table's active view), shown as the system chart <see cref="Chart"/> when one is named (ChartGridMode Chart).
/// </summary>
public sealed record SubgridControlDefinition(string Id, string Label, string Table, string Relationship)
{
    public string? View { get; init; }
    public string? Chart { get; init; }
    public int Rows { get; init; } = 12;
    public int RecordsPerPage { get; init; } = 10;
}

/// <summary>A one-column section holding web resource controls, then code component controls, one per row, then its subgrids.</summary>
public sealed record FormSectionDefinition(string Name, string Label, IReadOnlyList<WebResourceControlDefinition> Controls)
{
    public IReadOnlyList<CodeComponentControlDefinition> CodeControls { get; init; } = [];
    public IReadOnlyList<SubgridControlDefinition> Subgrids { get; init; } = [];
}

/// <summary>A tab of one column of sections.</summary>
public sealed record FormTabDefinition(string Name, string Label, IReadOnlyList<FormSectionDefinition> Sections);

/// <summary>A form event handler: a function of a registered form library (OnLoad by default).</summary>
public sealed record FormEventHandlerDefinition(string Library, string Function)
{
    public string Event { get; init; } = "onload";
    public bool PassExecutionContext { get; init; } = true;
    public string Parameters { get; init; } = "";
}

/// <summary>
/// A main form Rapport owns on a table (its own or a standard one: then an additional main form, since a managed
/// solution cannot replace a standard table's forms). Name is the stable key the form id is derived from.
/// </summary>
public sealed record FormDefinition(string Name, string Table, string DisplayName, IReadOnlyList<FormTabDefinition> Tabs)
{
    public string Description { get; init; } = "";

    /// <summary>JavaScript web resources registered in formLibraries.</summary>
    public IReadOnlyList<string> Libraries { get; init; } = [];
    public IReadOnlyList<FormEventHandlerDefinition> Handlers { get; init; } = [];
}

/// <summary>A system dashboard (systemform type 0): organization-wide, not bound to a table.</summary>
public sealed record DashboardDefinition(string Name, string DisplayName, IReadOnlyList<FormTabDefinition> Tabs)
{
    public string Description { get; init; } = "";
}
