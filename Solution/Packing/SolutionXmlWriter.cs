using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using static Rapport.Solution.Packing.XmlParts;

namespace Rapport.Solution.Packing;

/// <summary>solution.xml: the manifest with the publisher and the root components (type codes from solutioncomponent).</summary>
internal static class SolutionXmlWriter
{
    public const int EntityComponent = 1;
    public const int RoleComponent = 20;
    public const int ChartComponent = 59;
    public const int SystemFormComponent = 60;
    public const int WebResourceComponent = 61;
    public const int CustomControlComponent = 66;
    public const int PluginAssemblyComponent = 91;
    public const int StepComponent = 92;

    /// <param name="managed">0 unmanaged, 1 managed; 2 (both) only in an unpacked tree.</param>
    public static XElement Write(SolutionContent content, int managed)
    {
        var definition = content.Definition;
        var publisher = definition.Publisher;
        return new XElement("ImportExportXml",
            // The attribute set `pac solution init` writes (and Microsoft's Custom API walkthrough imports as is);
            // CrmLive exports pair generatedBy="CrmLive" with a 9.2 org build instead.
            new XAttribute("version", "9.1.0.643"),
            new XAttribute("SolutionPackageVersion", "9.1"),
            new XAttribute("languagecode", Number(Language)),
            new XAttribute("generatedBy", "OnPrem"),
            XsiDeclaration(),
            new XElement("SolutionManifest",
                new XElement("UniqueName", definition.UniqueName),
                Labels("LocalizedNames", "LocalizedName", definition.DisplayName),
                Labels("Descriptions", "Description", definition.Description),
                new XElement("Version", definition.Version),
                new XElement("Managed", Number(managed)),
                new XElement("Publisher",
                    new XElement("UniqueName", publisher.UniqueName),
                    Labels("LocalizedNames", "LocalizedName", publisher.DisplayName),
                    Labels("Descriptions", "Description", publisher.Description),
                    Nil("EMailAddress"),
                    Nil("SupportingWebsiteUrl"),
                    new XElement("CustomizationPrefix", publisher.Prefix),
                    new XElement("CustomizationOptionValuePrefix", Number(publisher.OptionValuePrefix)),
                    new XElement("Addresses", Address(1), Address(2))),
                new XElement("RootComponents", RootComponents(content)),
                new XElement("MissingDependencies")));
    }

    private static IEnumerable<XElement> RootComponents(SolutionContent content)
    {
        var definition = content.Definition;
        foreach (var table in ShippedTables.Of(definition))
        {
            // A Rapport table ships whole (0); a standard table only as the shell carrying the added columns (2).
            yield return Root(EntityComponent, new XAttribute("schemaName", table.LogicalName), new XAttribute("behavior", table.IsCustom ? "0" : "2"));
        }

        foreach (var role in definition.Roles.OrderBy(r => ComponentPaths.RoleId(r)))
        {
            yield return Root(RoleComponent, new XAttribute("id", Braced(ComponentPaths.RoleId(role))), new XAttribute("behavior", "0"));
        }

        // Charts, forms of standard tables and dashboards are components of their own (a shell table does not bring them).
        foreach (var id in definition.Charts.Select(ChartXmlWriter.IdOf).Order())
        {
            yield return Root(ChartComponent, new XAttribute("id", Braced(id)), new XAttribute("behavior", "0"));
        }

        foreach (var id in definition.Forms.Select(FormXmlWriter.FormId).Concat(definition.Dashboards.Select(FormXmlWriter.DashboardId)).Order())
        {
            yield return Root(SystemFormComponent, new XAttribute("id", Braced(id)), new XAttribute("behavior", "0"));
        }

        foreach (var resource in definition.WebResources.OrderBy(w => w.Name, StringComparer.Ordinal))
        {
            yield return Root(WebResourceComponent, new XAttribute("schemaName", resource.Name), new XAttribute("behavior", "0"));
        }

        // A code component is named by its customcontrol name (CodeInterpreterControlSolution.zip: type 66, schemaName, behavior 0).
        foreach (var name in content.Controls.Select(c => c.Definition.Name).Order(StringComparer.Ordinal))
        {
            yield return Root(CustomControlComponent, new XAttribute("schemaName", name), new XAttribute("behavior", "0"));
        }

        foreach (var assembly in content.Assemblies.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            yield return Root(PluginAssemblyComponent, new XAttribute("id", Braced(StepModel.AssemblyIdOf(assembly.Name))), new XAttribute("schemaName", assembly.FullName), new XAttribute("behavior", "0"));
        }

        var stepIds = content.Assemblies.SelectMany(a => a.Types).SelectMany(t => t.Steps.Select(s => StepModel.IdOf(t.FullName, s))).Order();
        foreach (var id in stepIds)
        {
            yield return Root(StepComponent, new XAttribute("id", Braced(id)), new XAttribute("behavior", "0"));
        }
    }

    private static XElement Root(int type, params object[] attributes) => new("RootComponent", new XAttribute("type", Number(type)), attributes);

    /// <summary>The two empty publisher address blocks every export carries, all 26 fields (7.1 to 9.2 exports alike).</summary>
    private static XElement Address(int number) =>
        new("Address",
            new XElement("AddressNumber", Number(number)),
            new XElement("AddressTypeCode", "1"),
            Nil("City"), Nil("County"), Nil("Country"), Nil("Fax"), Nil("FreightTermsCode"), Nil("ImportSequenceNumber"),
            Nil("Latitude"), Nil("Line1"), Nil("Line2"), Nil("Line3"), Nil("Longitude"), Nil("Name"), Nil("PostalCode"),
            Nil("PostOfficeBox"), Nil("PrimaryContactName"),
            new XElement("ShippingMethodCode", "1"),
            Nil("StateOrProvince"), Nil("Telephone1"), Nil("Telephone2"), Nil("Telephone3"), Nil("TimeZoneRuleVersionNumber"), Nil("UPSZone"),
            Nil("UTCOffset"), Nil("UTCConversionTimeZoneCode"));
}
