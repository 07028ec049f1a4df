using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Rapport.Solution.Model;
using static Rapport.Solution.Packing.XmlParts;

namespace Rapport.Solution.Packing;

/// <summary>
/// A table's RibbonDiffXml: one CustomAction per button at the main form's command bar location, its
/// CommandDefinition (JavaScriptFunction with CrmParameters), the custom enable rules and the create-form display
/// rule, and the labels as LocLabels. Children in the order exports write them: CustomActions, Templates,
/// CommandDefinitions, RuleDefinitions, LocLabels.
/// </summary>
internal static class RibbonXmlWriter
{
    public const string NotOnCreateForm = "NotOnCreateForm";

    /// <summary>The web resource reference syntax of ribbon XML.</summary>
    public static string WebResourceRef(string name) => "$webresource:" + name;

    public static string Prefix(string table) => $"rapport.{table}.";

    public static string EnableRuleId(string table, JavaScriptCall call) => Prefix(table) + "EnableRule." + call.Function[(call.Function.LastIndexOf('.') + 1)..];

    public static XElement Write(RibbonDefinition ribbon)
    {
        var p = Prefix(ribbon.Table);
        var rules = ribbon.Buttons.SelectMany(b => b.EnableRules).DistinctBy(r => (r.Library, r.Function)).ToList();
        return new XElement("RibbonDiffXml",
            new XElement("CustomActions", ribbon.Buttons.Select(b => CustomAction(ribbon, b))),
            new XElement("Templates", new XElement("RibbonTemplates", new XAttribute("Id", "Mscrm.Templates"))),
            new XElement("CommandDefinitions", ribbon.Buttons.Select(b => Command(ribbon.Table, b))),
            new XElement("RuleDefinitions",
                new XElement("TabDisplayRules"),
                new XElement("DisplayRules", ribbon.Buttons.Any(b => b.HideOnCreateForm)
                    ? new XElement("DisplayRule", new XAttribute("Id", p + "DisplayRule." + NotOnCreateForm),
                        new XElement("FormStateRule", new XAttribute("State", "Create"), new XAttribute("InvertResult", "true")))
                    : null),
                new XElement("EnableRules", rules.Select(r => new XElement("EnableRule", new XAttribute("Id", EnableRuleId(ribbon.Table, r)),
                    new XElement("CustomRule", new XAttribute("FunctionName", r.Function), new XAttribute("Library", WebResourceRef(r.Library)),
                        new XAttribute("Default", "false"), Parameters(r)))))),
            new XElement("LocLabels", ribbon.Buttons.SelectMany(b => new[]
            {
                LocLabel(p + b.Id + ".LabelText", b.Label),
                LocLabel(p + b.Id + ".ToolTip", b.ToolTip.Length > 0 ? b.ToolTip : b.Label),
            })));
    }

    private static XElement CustomAction(RibbonDefinition ribbon, CommandButtonDefinition button)
    {
        var p = Prefix(ribbon.Table) + button.Id;
        var element = new XElement("Button",
            new XAttribute("Id", p + ".Button"),
            new XAttribute("Command", p + ".Command"),
            new XAttribute("Sequence", Number(button.Sequence)),
            new XAttribute("LabelText", "$LocLabels:" + p + ".LabelText"),
            new XAttribute("Alt", "$LocLabels:" + p + ".LabelText"),
            new XAttribute("ToolTipTitle", "$LocLabels:" + p + ".LabelText"),
            new XAttribute("ToolTipDescription", "$LocLabels:" + p + ".ToolTip"),
            new XAttribute("TemplateAlias", "o1"));
        if (button.Icon is { } icon)
        {
            element.Add(new XAttribute("ModernImage", WebResourceRef(icon)));
        }

        return new XElement("CustomAction",
            new XAttribute("Id", p + ".CustomAction"), new XAttribute("Location", ribbon.Location), new XAttribute("Sequence", Number(button.Sequence)),
            new XElement("CommandUIDefinition", element));
    }

    private static XElement Command(string table, CommandButtonDefinition button) =>
        new("CommandDefinition", new XAttribute("Id", Prefix(table) + button.Id + ".Command"),
            new XElement("EnableRules", button.EnableRules.Select(r => new XElement("EnableRule", new XAttribute("Id", EnableRuleId(table, r))))),
            new XElement("DisplayRules", button.HideOnCreateForm ? new XElement("DisplayRule", new XAttribute("Id", Prefix(table) + "DisplayRule." + NotOnCreateForm)) : null),
            new XElement("Actions", new XElement("JavaScriptFunction",
                new XAttribute("FunctionName", button.Action.Function), new XAttribute("Library", WebResourceRef(button.Action.Library)),
                Parameters(button.Action))));

    private static IEnumerable<XElement> Parameters(JavaScriptCall call) =>
        call.CrmParameters.Select(p => new XElement("CrmParameter", new XAttribute("Value", p)));

    private static XElement LocLabel(string id, string text) =>
        new("LocLabel", new XAttribute("Id", id), new XElement("Titles", Label("Title", text)));
}
