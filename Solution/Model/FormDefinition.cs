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

/// <summary>A one-column section holding web resource controls, then code component controls, one per row.</summary>
public sealed record FormSectionDefinition(string Name, string Label, IReadOnlyList<WebResourceControlDefinition> Controls)
{
    public IReadOnlyList<CodeComponentControlDefinition> CodeControls { get; init; } = [];
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
