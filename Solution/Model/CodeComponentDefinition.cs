namespace Rapport.Solution.Model;

/// <summary>
/// A Power Apps component framework (PCF) code component shipped in the solution. Namespace and Constructor are the
/// manifest's <c>control</c> attributes; Dataverse names the component <c>&lt;prefix&gt;_&lt;Namespace&gt;.&lt;Constructor&gt;</c>
/// (the customcontrol name, the CustomControl/Name of customizations.xml and the type 66 root component).
/// OutputFolder is the folder pcf-scripts built it into, relative to the pack's controls root
/// (Controls/out/controls): it holds ControlManifest.xml and the resource files the manifest names.
/// </summary>
public sealed record CodeComponentDefinition(string Name, string Namespace, string Constructor, string OutputFolder)
{
    public string DisplayName { get; init; } = Constructor;
}

/// <summary>
/// A form cell hosting a code component bound to a column: the column's classic control is the fallback every
/// client without the component shows, and the component gets the column in its bound property
/// (<c>controlDescription</c> of the form XML, one <c>customControl</c> per form factor).
/// </summary>
public sealed record CodeComponentControlDefinition(string Id, string Component, string Column, string BoundProperty, string Label)
{
    public int Rows { get; init; } = 12;
    public bool ShowLabel { get; init; }
}
