using System;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using Rapport.Solution.Declarations;

namespace Rapport.Solution.Tests;

/// <summary>The managed and unmanaged zips, opened as Dataverse's import reads them.</summary>
public sealed class PackedZipTests
{
    private static ZipParts Managed => new(TestSolution.Output.ManagedZip);

    private static ZipParts Unmanaged => new(TestSolution.Output.UnmanagedZip);

    [Test]
    public void Zip_holds_the_parts_of_a_real_export()
    {
        var names = Managed.Names;
        Assert.That(names[0], Is.EqualTo("[Content_Types].xml"));
        Assert.That(names, Does.Contain("solution.xml").And.Contain("customizations.xml"));
        Assert.That(names.Where(n => n.StartsWith("PluginAssemblies/", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(3));
        Assert.That(names, Has.Some.Match(@"^PluginAssemblies/Rapport\.Plugins-[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/Rapport\.Plugins\.dll$"));
        Assert.That(names, Has.Some.Match(@"^WebResources/rapport_scriptsclvformjs[0-9A-F\-]{36}$"));
        Assert.That(names, Does.Contain($"customapis/{TestSolution.ApiName}/customapi.xml"));
    }

    [Test]
    public void Manifest_and_customizations_have_no_bom_and_no_declaration_while_content_types_has_a_bom()
    {
        foreach (var part in new[] { "solution.xml", "customizations.xml" })
        {
            Assert.That(Encoding.UTF8.GetString(Managed.Bytes(part)), Does.StartWith("<ImportExportXml"), part);
        }

        Assert.That(Managed.Bytes("[Content_Types].xml").Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
    }

    [Test]
    public void Managed_flag_is_1_in_the_managed_zip_and_0_in_the_unmanaged_one()
    {
        Assert.That((string?)Managed.Solution.Element("Managed"), Is.EqualTo("1"));
        Assert.That((string?)Unmanaged.Solution.Element("Managed"), Is.EqualTo("0"));
    }

    [Test]
    public void Manifest_names_solution_version_and_publisher()
    {
        var manifest = Managed.Solution;
        Assert.That((string?)manifest.Element("UniqueName"), Is.EqualTo("Rapport"));
        Assert.That((string?)manifest.Element("Version"), Is.EqualTo(TestSolution.Version));
        var publisher = manifest.Element("Publisher")!;
        Assert.That((string?)publisher.Element("UniqueName"), Is.EqualTo("rapport"));
        Assert.That((string?)publisher.Element("CustomizationPrefix"), Is.EqualTo("rapport"));
        Assert.That((string?)publisher.Element("CustomizationOptionValuePrefix"), Is.EqualTo("10785"));
        Assert.That(publisher.Element("Addresses")!.Elements("Address").Count(), Is.EqualTo(2));
    }

    [Test]
    public void Root_components_list_tables_roles_web_resource_assemblies_and_steps()
    {
        var roots = TestSolution.ManagedZip.RootComponents;
        var definition = TestSolution.Definition();
        var tables = definition.Tables.Select(t => t.LogicalName).Concat(definition.Forms.Select(f => f.Table)).Concat(definition.Ribbons.Select(r => r.Table)).Distinct();
        Assert.That(roots.Where(r => r.Type == 1).Select(r => r.SchemaName), Is.EquivalentTo(tables));
        Assert.That(roots.Where(r => r.Type == 1).Select(r => r.SchemaName), Is.SupersetOf(new[] { "account", "contact", "rapport_clvmodel", "rapport_gift" }));
        Assert.That(Managed.Solution.Descendants("RootComponent").Single(r => (string?)r.Attribute("schemaName") == "contact").Attribute("behavior")!.Value, Is.EqualTo("2"), "a standard table ships as a shell");
        Assert.That(Managed.Solution.Descendants("RootComponent").Single(r => (string?)r.Attribute("schemaName") == "rapport_gift").Attribute("behavior")!.Value, Is.EqualTo("0"));
        Assert.That(roots.Count(r => r.Type == 20), Is.EqualTo(2));
        Assert.That(roots.Where(r => r.Type == 61).Select(r => r.SchemaName), Is.EquivalentTo(TestSolution.Definition().WebResources.Select(w => w.Name)));
        Assert.That(roots.Count(r => r.Type == 59), Is.EqualTo(TestSolution.Definition().Charts.Count), "one root per chart");
        Assert.That(roots.Count(r => r.Type == 60), Is.EqualTo(TestSolution.Definition().Forms.Count + TestSolution.Definition().Dashboards.Count), "one root per form and dashboard");
        Assert.That(roots.Single(r => r.SchemaName == "opportunity").Type, Is.EqualTo(1), "a table carrying only Rapport's form and buttons ships as a shell");
        var assemblies = roots.Where(r => r.Type == 91).ToList();
        Assert.That(assemblies.Select(a => a.SchemaName), Has.All.Match(@"^Rapport\.[A-Za-z.]+, Version=[\d.]+, Culture=neutral, PublicKeyToken=[0-9a-f]{16}$"));
        Assert.That(assemblies, Has.Count.EqualTo(3));
        Assert.That(roots.Where(r => r.Type == 92).Select(r => r.Id), Is.EquivalentTo(TestSolution.ManagedZip.Steps.Select(s => (Guid?)s.Id)));
        Assert.That(roots.Any(r => r.Type is not (1 or 20 or 59 or 60 or 61 or 66 or 91 or 92)), Is.False, "Custom APIs carry no root component, as in Microsoft's exports");
    }

    [Test]
    public void Each_rapport_table_ships_with_its_columns_a_main_form_and_an_active_view()
    {
        var entities = Managed.Customizations.Element("Entities")!.Elements("Entity").ToList();
        foreach (var table in TestSolution.Definition().Tables.Where(t => t.IsCustom))
        {
            var entity = entities.Single(e => (string?)e.Element("Name") == table.LogicalName);
            var attributes = entity.Element("EntityInfo")!.Descendants("attribute").Select(a => (string)a.Element("LogicalName")!).ToList();
            Assert.That(attributes, Is.EquivalentTo(table.Columns.Select(c => c.LogicalName)), table.LogicalName);
            Assert.That((string?)entity.Descendants("OwnershipTypeMask").Single(), Is.EqualTo(table.Ownership.ToString()));
            var form = entity.Element("FormXml")!.Element("forms")!;
            Assert.That((string?)form.Attribute("type"), Is.EqualTo("main"));
            // The table's own main form comes first; declared forms (e.g. the CLV model's holdout form) follow it.
            Assert.That(form.Elements("systemform").First().Descendants("control").Select(c => (string)c.Attribute("datafieldname")!), Is.EqualTo(table.FormColumns));
            var view = entity.Descendants("savedquery").First();
            Assert.That((string?)view.Element("isdefault"), Is.EqualTo("1"));
            Assert.That(view.Descendants("fetch").Descendants("condition").Single().Attribute("attribute")!.Value, Is.EqualTo("statecode"));
            Assert.That(view.Descendants("cell").Select(c => (string)c.Attribute("name")!), Is.EqualTo(table.ViewColumns));
        }
    }

    [Test]
    public void Standard_tables_carry_only_the_columns_rapport_adds()
    {
        var contact = Managed.Customizations.Element("Entities")!.Elements("Entity").Single(e => (string?)e.Element("Name") == "Contact");
        var attributes = contact.Element("EntityInfo")!.Descendants("attribute").Select(a => (string)a.Attribute("PhysicalName")!).ToList();
        Assert.That(attributes, Does.Contain("rapport_clv").And.Contain("rapport_lybunt").And.Not.Contain("fullname"));
        Assert.That(attributes, Has.All.StartWith("rapport_"));
        var forms = contact.Element("FormXml")!.Descendants("systemform").ToList();
        Assert.That(forms.Select(f => f.Descendants("LocalizedName").First().Attribute("description")!.Value), Is.EqualTo(new[] { "Rapport Social" }),
            "Rapport adds its own main form and does not replace the contact form");
    }

    [Test]
    public void Choices_use_the_publisher_option_value_prefix()
    {
        var values = Managed.Customizations.Descendants("attribute")
            .Where(a => (string?)a.Element("Type") == "picklist")
            .SelectMany(a => a.Descendants("option"))
            .Select(o => int.Parse(o.Attribute("value")!.Value, System.Globalization.CultureInfo.InvariantCulture))
            .Concat(Managed.Customizations.Element("optionsets")!.Descendants("option").Select(o => int.Parse(o.Attribute("value")!.Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Assert.That(values, Is.Not.Empty);
        Assert.That(values, Has.All.InRange(107850000, 107859999));
        Assert.That(Managed.Customizations.Element("optionsets")!.Elements("optionset").Select(o => (string)o.Attribute("Name")!), Is.EquivalentTo(GlobalOptionSets()));
    }

    [Test]
    public void Donor_lookup_has_one_relationship_per_target()
    {
        var relationships = Managed.Customizations.Element("EntityRelationships")!.Elements("EntityRelationship")
            .Where(r => (string?)r.Element("ReferencingAttributeName") == "rapport_donorid").ToList();
        Assert.That(relationships.Select(r => (string?)r.Element("ReferencedEntityName")), Is.EquivalentTo(new[] { "Contact", "Account" }));
        Assert.That(relationships.Select(r => (string?)r.Element("CascadeDelete")), Has.All.EqualTo("Restrict"));
    }

    [Test]
    public void Roles_grant_privileges_on_every_rapport_table()
    {
        var roles = TestSolution.ManagedZip.Roles;
        Assert.That(roles.Keys, Is.EquivalentTo(new[] { "Rapport User", "Rapport Administrator" }));
        Assert.That(roles["Rapport Administrator"]["prvDeleterapport_gift"], Is.EqualTo("Global"));
        Assert.That(roles["Rapport User"]["prvCreaterapport_gift"], Is.EqualTo("Basic"));
        Assert.That(roles["Rapport User"]["prvReadrapport_clvmodel"], Is.EqualTo("Global"));
        Assert.That(roles["Rapport User"].ContainsKey("prvWriterapport_clvmodel"), Is.False, "users read fitted models, they do not edit them");
        Assert.That(roles["Rapport Administrator"].ContainsKey("prvAssignrapport_clvmodel"), Is.False, "an organization-owned table has no Assign");
        foreach (var table in RapportSolution.Build("1.0.0.0").Tables.Where(t => t.IsCustom))
        {
            Assert.That(roles["Rapport Administrator"].Keys, Has.Some.EqualTo("prvRead" + table.LogicalName));
        }
    }

    [Test]
    public void Web_resource_is_declared_and_its_content_is_packed()
    {
        var resource = TestSolution.ManagedZip.WebResources.Single(w => w.Name == TestSolution.WebResourceName);
        Assert.That(resource.Name, Is.EqualTo(TestSolution.WebResourceName));
        Assert.That(resource.Type, Is.EqualTo(Model.WebResourceType.JavaScript));
        Assert.That(resource.Content, Is.EqualTo(TestSolution.WebResourceContent));
        var types = Managed.Xml("[Content_Types].xml");
        var overrides = types.Elements().Where(e => e.Name.LocalName == "Override").Select(e => (string)e.Attribute("PartName")!).ToList();
        Assert.That(overrides, Is.EqualTo(Managed.Names.Where(n => n.StartsWith("WebResources/", StringComparison.Ordinal) || n.EndsWith("/ControlManifest.xml", StringComparison.Ordinal))
            .Select(n => "/" + n).Order(StringComparer.Ordinal)));
        var defaults = types.Elements().Where(e => e.Name.LocalName == "Default").Select(e => (string)e.Attribute("Extension")!).ToList();
        Assert.That(defaults, Is.EquivalentTo(new[] { "css", "dll", "js", "resx", "xml" }), "css, js and resx are the code components' files");
    }

    /// <summary>Every global choice the declarations use, by name: the packer must emit each once.</summary>
    private static string[] GlobalOptionSets() => TestSolution.Definition().Tables
        .SelectMany(t => t.Columns)
        .Select(c => c.OptionSet)
        .Where(o => o is { IsGlobal: true })
        .Select(o => o!.Name)
        .Distinct()
        .ToArray();
}
