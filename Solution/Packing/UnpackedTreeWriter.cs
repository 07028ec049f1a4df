using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using static Rapport.Solution.Packing.XmlParts;

namespace Rapport.Solution.Packing;

/// <summary>
/// The pac / SolutionPackager source layout of the same solution (Other/, Entities/, OptionSets/, Roles/,
/// PluginAssemblies/, SdkMessageProcessingSteps/, WebResources/, customapis/): one file per component, BOM and
/// XML declaration on every XML file, Managed=2 because both zips come from it.
/// </summary>
internal static class UnpackedTreeWriter
{
    public static SortedDictionary<string, byte[]> Files(SolutionContent content)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        void Xml(string path, XElement root) => files.Add(path, Unpacked(root));

        var definition = content.Definition;
        Xml("Other/Solution.xml", SolutionXmlWriter.Write(content, managed: 2));
        Xml("Other/Customizations.xml", CustomizationsXmlWriter.WriteFrame(content));
        AddRelationships(content, Xml);
        foreach (var table in definition.Tables.Where(t => t.IsCustom || t.AddedColumns.Count > 0))
        {
            var entity = EntityXmlWriter.Write(table);
            var folder = $"Entities/{SchemaNames.Of(table.LogicalName)}";
            var form = entity.Element("FormXml")?.Element("forms");
            var views = entity.Element("SavedQueries")?.Element("savedqueries");
            entity.Element("FormXml")?.Remove();
            entity.Element("SavedQueries")?.Remove();
            Xml($"{folder}/Entity.xml", entity);
            if (form is not null)
            {
                Xml($"{folder}/FormXml/main/{Braced(FormXmlWriter.FormId(table))}.xml", new XElement("forms", new XAttribute("type", "main"), form.Elements()));
            }

            if (views is not null)
            {
                Xml($"{folder}/SavedQueries/{Braced(SavedQueryWriter.ActiveViewId(table))}.xml", new XElement("savedqueries", views.Elements()));
            }
        }

        foreach (var set in CustomizationsXmlWriter.GlobalOptionSets(content))
        {
            Xml($"OptionSets/{set.Name}.xml", OptionSetXmlWriter.Global(set));
        }

        foreach (var role in definition.Roles)
        {
            Xml($"Roles/{role.Name}.xml", RoleXmlWriter.Write(role));
        }

        foreach (var assembly in content.Assemblies)
        {
            var dll = ComponentPaths.Assembly(assembly.Name);
            files.Add(dll, assembly.Bytes);
            Xml(dll + ".data.xml", PluginXmlWriter.Assembly(assembly));
        }

        foreach (var step in PluginXmlWriter.Steps(content.Assemblies))
        {
            Xml($"SdkMessageProcessingSteps/{step.Attribute("SdkMessageProcessingStepId")!.Value}.xml", step);
        }

        foreach (var resource in definition.WebResources)
        {
            var path = "WebResources/" + resource.Name;
            files.Add(path, content.WebResourceFiles[resource.Name]);
            Xml(path + ".data.xml", WebResourceXmlWriter.Write(resource, "/" + path));
        }

        foreach (var api in definition.CustomApis)
        {
            foreach (var (path, xml) in CustomApiWriter.Files(api))
            {
                Xml(path, xml);
            }
        }

        return files;
    }

    /// <summary>Other/Relationships.xml names every relationship; Other/Relationships/&lt;Entity&gt;.xml holds the definitions.</summary>
    private static void AddRelationships(SolutionContent content, Action<string, XElement> xml)
    {
        var definition = content.Definition;
        var all = definition.Relationships.Select(r => (Entity: r.ReferencedEntity, Xml: RelationshipXmlWriter.Write(r)))
            .Concat(definition.ManyToManyRelationships.Select(r => (Entity: r.Entity1, Xml: RelationshipXmlWriter.Write(r))))
            .ToList();
        xml("Other/Relationships.xml", new XElement("EntityRelationships", XsiDeclaration(),
            all.Select(r => r.Xml.Attribute("Name")!.Value).Order(StringComparer.Ordinal).Select(n => new XElement("EntityRelationship", new XAttribute("Name", n)))));
        foreach (var group in all.GroupBy(r => SchemaNames.Of(r.Entity)))
        {
            xml($"Other/Relationships/{group.Key}.xml", new XElement("EntityRelationships", XsiDeclaration(),
                group.OrderBy(r => r.Xml.Attribute("Name")!.Value, StringComparer.Ordinal).Select(r => r.Xml)));
        }
    }
}
