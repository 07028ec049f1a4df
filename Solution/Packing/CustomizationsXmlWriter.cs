using System;
using System.Linq;
using System.Xml.Linq;

namespace Rapport.Solution.Packing;

/// <summary>
/// customizations.xml: root ImportExportXml with no attributes (only the xsi declaration), children in the schema's
/// fixed order. Custom APIs are not here: the 9.0.0.2090 schema rejects them; they travel in customapis/.
/// </summary>
internal static class CustomizationsXmlWriter
{
    /// <summary>The root children we emit, in the order the schema demands.</summary>
    public static readonly string[] SectionOrder =
    [
        "Entities", "Roles", "Workflows", "FieldSecurityProfiles", "Templates", "EntityMaps", "EntityRelationships",
        "OrganizationSettings", "optionsets", "Dashboards", "WebResources", "CustomControls", "SolutionPluginAssemblies",
        "SdkMessageProcessingSteps", "EntityDataProviders", "Languages",
    ];

    public static XElement Write(SolutionContent content) => Build(content, emptySections: false);

    /// <summary>The unpacked tree's Other/Customizations.xml: the same frame, components moved to their own files.</summary>
    public static XElement WriteFrame(SolutionContent content) => Build(content, emptySections: true);

    private static XElement Build(SolutionContent content, bool emptySections)
    {
        var definition = content.Definition;
        var root = new XElement("ImportExportXml", XmlParts.XsiDeclaration());
        foreach (var section in SectionOrder)
        {
            root.Add(new XElement(section));
        }

        root.Element("Languages")!.Add(new XElement("Language", XmlParts.Number(XmlParts.Language)));
        if (emptySections)
        {
            return root;
        }

        root.Element("Entities")!.Add(ShippedTables.Of(definition).Select(t => EntityXmlWriter.Write(t, definition)));
        root.Element("Roles")!.Add(definition.Roles.OrderBy(r => r.Name, StringComparer.Ordinal).Select(RoleXmlWriter.Write));
        root.Element("EntityRelationships")!.Add(
            definition.Relationships.OrderBy(r => r.SchemaName, StringComparer.Ordinal).Select(RelationshipXmlWriter.Write),
            definition.ManyToManyRelationships.OrderBy(r => r.SchemaName, StringComparer.Ordinal).Select(RelationshipXmlWriter.Write));
        root.Element("optionsets")!.Add(GlobalOptionSets(content).Select(OptionSetXmlWriter.Global));
        root.Element("Dashboards")!.Add(definition.Dashboards.OrderBy(d => d.Name, StringComparer.Ordinal).Select(FormXmlWriter.Dashboard));
        root.Element("WebResources")!.Add(definition.WebResources
            .OrderBy(w => w.Name, StringComparer.Ordinal)
            .Select(w => WebResourceXmlWriter.Write(w, "/" + ComponentPaths.WebResource(w.Name))));
        root.Element("CustomControls")!.Add(content.Controls.Select(c => c.Definition.Name).Order(System.StringComparer.Ordinal).Select(CustomControlXmlWriter.Write));
        root.Element("SolutionPluginAssemblies")!.Add(content.Assemblies.OrderBy(a => a.Name, StringComparer.Ordinal).Select(PluginXmlWriter.Assembly));
        root.Element("SdkMessageProcessingSteps")!.Add(PluginXmlWriter.Steps(content.Assemblies));
        return root;
    }

    public static System.Collections.Generic.IEnumerable<Model.OptionSetDefinition> GlobalOptionSets(SolutionContent content) =>
        content.Definition.Tables
            .SelectMany(DeclarationValidator.PackedColumns)
            .Select(c => c.OptionSet)
            .OfType<Model.OptionSetDefinition>()
            .Where(o => o.IsGlobal)
            .DistinctBy(o => o.Name)
            .OrderBy(o => o.Name, StringComparer.Ordinal);
}
