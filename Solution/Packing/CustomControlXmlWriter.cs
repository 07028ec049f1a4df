using System.Xml.Linq;

namespace Rapport.Solution.Packing;

/// <summary>
/// CustomControls/CustomControl: Name then FileName (the manifest's path in the zip with a leading slash), as
/// microsoft/PowerApps-Samples component-framework/CodeInterpreterControl/solutions/CodeInterpreterControlSolution.zip
/// writes it; the unpacked tree keeps the same element in Controls/&lt;name&gt;/ControlManifest.xml.data.xml.
/// </summary>
internal static class CustomControlXmlWriter
{
    public static XElement Write(string name) =>
        new("CustomControl",
            new XElement("Name", name),
            new XElement("FileName", "/" + ComponentPaths.Control(name, ControlContent.ManifestFile)));
}
