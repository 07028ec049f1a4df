using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using static Rapport.Solution.Packing.XmlParts;

namespace Rapport.Solution.Packing;

/// <summary>
/// The pac / SolutionPackager source layout of the same solution (Other/, Entities/, OptionSets/, Roles/,
/// PluginAssemblies/, SdkMessageProcessingSteps/, WebResources/, Controls/, customapis/): one file per component, BOM and
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
        foreach (var table in ShippedTables.Of(definition))
        {
            AddEntity(EntityXmlWriter.Write(table, definition), $"Entities/{SchemaNames.Of(table.LogicalName)}", Xml);
        }

        foreach (var dashboard in definition.Dashboards)
        {
            Xml($"Dashboards/{Braced(FormXmlWriter.DashboardId(dashboard))}.xml", FormXmlWriter.Dashboard(dashboard));
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

        // Controls/<name>/: the built files, and the CustomControl element beside the manifest (SolutionPackager's layout,
        // learn.microsoft.com/power-apps/developer/component-framework/code-components-alm).
        foreach (var control in content.Controls)
        {
            var manifest = ComponentPaths.Control(control.Definition.Name, ControlContent.ManifestFile);
            files.Add(manifest, control.Manifest);
            Xml(manifest + ".data.xml", CustomControlXmlWriter.Write(control.Definition.Name));
            foreach (var (path, bytes) in control.Resources)
            {
                files.Add(ComponentPaths.Control(control.Definition.Name, path), bytes);
            }
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

    /// <summary>
    /// Entity.xml keeps name and info; each form, view and chart gets its own file named by its id, and the command bar
    /// additions go to RibbonDiff.xml (pac's layout).
    /// </summary>
    private static void AddEntity(XElement entity, string folder, Action<string, XElement> xml)
    {
        var forms = entity.Element("FormXml")?.Element("forms")?.Elements("systemform").ToList() ?? [];
        var views = entity.Element("SavedQueries")?.Element("savedqueries")?.Elements("savedquery").ToList() ?? [];
        var charts = entity.Element("Visualizations")?.Elements("visualization").ToList() ?? [];
        var ribbon = entity.Element("RibbonDiffXml");
        foreach (var part in new[] { "FormXml", "SavedQueries", "Visualizations", "RibbonDiffXml" })
        {
            entity.Element(part)?.Remove();
        }

        xml($"{folder}/Entity.xml", entity);
        foreach (var form in forms)
        {
            xml($"{folder}/FormXml/main/{form.Element("formid")!.Value}.xml", new XElement("forms", new XAttribute("type", "main"), form));
        }

        foreach (var view in views)
        {
            xml($"{folder}/SavedQueries/{view.Element("savedqueryid")!.Value}.xml", new XElement("savedqueries", view));
        }

        foreach (var chart in charts)
        {
            xml($"{folder}/Visualizations/{chart.Element("savedqueryvisualizationid")!.Value}.xml", chart);
        }

        if (ribbon is not null)
        {
            xml($"{folder}/RibbonDiff.xml", ribbon);
        }
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
