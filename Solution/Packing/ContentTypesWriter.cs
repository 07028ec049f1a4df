using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace Rapport.Solution.Packing;

/// <summary>
/// [Content_Types].xml: a Default per file extension present, and an Override per extension-less part
/// (web resources) and per code component manifest, every content type application/octet-stream as in real exports
/// (microsoft/PowerApps-Samples component-framework/CodeInterpreterControl/solutions/CodeInterpreterControlSolution.zip
/// carries Defaults for js and resx and an Override for Controls/&lt;name&gt;/ControlManifest.xml).
/// </summary>
internal static class ContentTypesWriter
{
    public const string EntryName = "[Content_Types].xml";
    private static readonly XNamespace Types = "http://schemas.openxmlformats.org/package/2006/content-types";

    public static XElement Write(IEnumerable<string> entryNames, IEnumerable<string>? overrides = null)
    {
        var overridden = (overrides ?? []).ToHashSet(StringComparer.Ordinal);
        var names = entryNames.Where(n => n != EntryName).ToList();
        // Exports list xml first, then the other extensions (IsSystemAdmin sample: xml, dll).
        var extensions = names.Select(Extension).OfType<string>().Where(e => !e.Equals("xml", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).Prepend("xml");
        return new XElement(Types + "Types",
            extensions.Select(e => new XElement(Types + "Default", new XAttribute("Extension", e), new XAttribute("ContentType", "application/octet-stream"))),
            names.Where(n => Extension(n) is null || overridden.Contains(n)).Order(StringComparer.Ordinal)
                .Select(n => new XElement(Types + "Override", new XAttribute("PartName", "/" + n), new XAttribute("ContentType", "application/octet-stream"))));
    }

    private static string? Extension(string entryName)
    {
        var file = entryName[(entryName.LastIndexOf('/') + 1)..];
        var dot = file.LastIndexOf('.');
        return dot < 0 ? null : file[(dot + 1)..];
    }
}
