using System.Xml.Linq;
using Rapport.Solution.Model;

namespace Rapport.Solution.Packing;

/// <summary>WebResources/WebResource, children in the schema's exact order; FileName points at the flattened zip entry.</summary>
internal static class WebResourceXmlWriter
{
    public static XElement Write(WebResourceDefinition resource, string fileName) =>
        new("WebResource",
            new XElement("WebResourceId", XmlParts.Braced(ComponentPaths.WebResourceId(resource.Name))),
            new XElement("Name", resource.Name),
            new XElement("DisplayName", resource.DisplayName),
            new XElement("LanguageCode", "0"),
            new XElement("WebResourceType", XmlParts.Number((int)resource.Type)),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("IsEnabledForMobileClient", "0"),
            new XElement("IsAvailableForMobileOffline", "0"),
            new XElement("IsCustomizable", "1"),
            new XElement("CanBeDeleted", "1"),
            new XElement("IsHidden", "0"),
            new XElement("FileName", fileName));
}
