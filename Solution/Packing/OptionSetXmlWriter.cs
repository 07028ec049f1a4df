using System.Collections.Generic;
using System.Xml.Linq;
using Rapport.Solution.Model;
using static Rapport.Solution.Packing.XmlParts;

namespace Rapport.Solution.Packing;

/// <summary>Choice lists: local ones inside an attribute, global ones under optionsets; options with their labels.</summary>
internal static class OptionSetXmlWriter
{
    public static XElement Local(string name, string type, string displayName, IEnumerable<XElement> options) =>
        Local(name, type, displayName, new XElement("options", options));

    public static XElement Global(OptionSetDefinition set) =>
        new("optionset", new XAttribute("Name", set.Name), new XAttribute("localizedName", set.Name), new XAttribute("description", ""),
            new XElement("OptionSetType", "picklist"),
            new XElement("IsGlobal", "1"),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("IsCustomizable", "1"),
            Labels("displaynames", "displayname", set.Name),
            Labels("Descriptions", "Description", ""),
            new XElement("options", System.Linq.Enumerable.Select(set.Options, Option)));

    public static XElement Option(OptionDefinition option) =>
        new("option", new XAttribute("value", Number(option.Value)), new XAttribute("ExternalValue", ""), new XAttribute("IsHidden", "0"),
            Labels("labels", "label", option.Label));

    /// <summary>
    /// A local choice list of a state or status column: exports hold these as states/state and statuses/status,
    /// not options/option.
    /// </summary>
    public static XElement Local(string name, string type, string displayName, XElement values) =>
        new("optionset", new XAttribute("Name", name),
            new XElement("OptionSetType", type),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("IsCustomizable", "1"),
            Labels("displaynames", "displayname", displayName),
            Labels("Descriptions", "Description", ""),
            values);

    /// <summary>A statecode value: its default status and the invariant name the platform keys states by.</summary>
    public static XElement StateOption(StateDefinition state) =>
        new("state", new XAttribute("value", Number(state.Value)),
            new XAttribute("defaultstatus", Number(state.Statuses.Count > 0 ? state.Statuses[0].Value : state.Value + 1)),
            new XAttribute("invariantname", state.Label.Replace(" ", "", System.StringComparison.Ordinal)),
            Labels("labels", "label", state.Label));

    public static IEnumerable<XElement> StatusOptions(StateDefinition state)
    {
        foreach (var status in state.Statuses)
        {
            yield return new XElement("status", new XAttribute("value", Number(status.Value)), new XAttribute("state", Number(state.Value)),
                Labels("labels", "label", status.Label));
        }
    }
}
