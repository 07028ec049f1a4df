using System.Collections.Generic;

namespace Rapport.Solution.Model;

/// <summary>A function of a JavaScript web resource called by the command bar, with its CRM parameters (PrimaryControl...).</summary>
public sealed record JavaScriptCall(string Library, string Function)
{
    public IReadOnlyList<string> CrmParameters { get; init; } = ["PrimaryControl"];
}

/// <summary>
/// A command bar button: label, action, custom enable rules (async JavaScript; a disabled button is hidden in Unified
/// Interface) and an icon web resource. Hidden on the create form (no record to act on yet) unless told otherwise.
/// </summary>
public sealed record CommandButtonDefinition(string Id, string Label, JavaScriptCall Action)
{
    public string ToolTip { get; init; } = "";
    public string? Icon { get; init; }
    public IReadOnlyList<JavaScriptCall> EnableRules { get; init; } = [];
    public bool HideOnCreateForm { get; init; } = true;
    public int Sequence { get; init; } = 75;
}

/// <summary>The command bar additions of one table's main form (RibbonDiffXml).</summary>
public sealed record RibbonDefinition(string Table, IReadOnlyList<CommandButtonDefinition> Buttons)
{
    /// <summary>The main form's command bar, next to Save: Mscrm.Form.&lt;table&gt;.MainTab.Save.Controls._children.</summary>
    public string Location => $"Mscrm.Form.{Table}.MainTab.Save.Controls._children";
}
