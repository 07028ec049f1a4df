using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using Rapport.Solution.Declarations.Ui;
using Rapport.Solution.Model;
using Rapport.Solution.Packing;

namespace Rapport.Solution.Tests;

/// <summary>
/// Issue 20: the code components ship as a real export carries them. Reference: microsoft/PowerApps-Samples
/// component-framework/CodeInterpreterControl/solutions/CodeInterpreterControlSolution.zip (a packed solution with one
/// code component): Controls/dev_CodeInterpreterSample.CodeInterpreterControl/ holds ControlManifest.xml, bundle.js and
/// strings/CodeInterpreterControl.1033.resx (no .data.xml in the zip); customizations.xml has
/// CustomControls/CustomControl with Name and FileName (/Controls/&lt;name&gt;/ControlManifest.xml) between the web
/// resources' and the plugin assemblies' places; solution.xml has RootComponent type="66" schemaName="&lt;name&gt;"
/// behavior="0"; [Content_Types].xml has a Default per extension (js, resx) and an Override for the manifest.
/// The build output packed here is Fixtures/PcfBuildOutputFixture (pcf-scripts' output shape, not product output).
/// </summary>
public sealed class CodeComponentPackingTests
{
    private static readonly string[] Names = ["rapport_Rapport.Feed", "rapport_Rapport.InsightsCard"];

    private static ZipParts Managed => new(TestSolution.Output.ManagedZip);

    [TestCase("rapport_Rapport.Feed", "Feed")]
    [TestCase("rapport_Rapport.InsightsCard", "InsightsCard")]
    public void Zip_carries_the_manifest_and_every_resource_it_names_byte_for_byte(string name, string constructor)
    {
        var zip = Managed;
        var built = Path.Combine(TestSolution.ControlsFixture, constructor);
        var folder = $"Controls/{name}/";
        Assert.That(zip.Names.Where(n => n.StartsWith(folder, StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            Is.EqualTo(new[] { "ControlManifest.xml", $"bundle.js", $"css/{constructor}.css", $"strings/{constructor}.1033.resx" }.Select(f => folder + f).Order(StringComparer.Ordinal)));
        foreach (var file in new[] { "ControlManifest.xml", "bundle.js", $"css/{constructor}.css", $"strings/{constructor}.1033.resx" })
        {
            Assert.That(zip.Bytes(folder + file), Is.EqualTo(File.ReadAllBytes(Path.Combine(built, file))), file);
        }
    }

    [Test]
    public void Customizations_list_each_component_with_its_name_and_manifest_path_in_the_schema_position()
    {
        var zip = Managed;
        var root = zip.Customizations;
        var sections = root.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.That(sections.IndexOf("CustomControls"), Is.EqualTo(sections.IndexOf("WebResources") + 1));
        Assert.That(sections.IndexOf("SolutionPluginAssemblies"), Is.EqualTo(sections.IndexOf("CustomControls") + 1));
        var controls = root.Element("CustomControls")!.Elements("CustomControl").ToList();
        Assert.That(controls.Select(c => (string?)c.Element("Name")), Is.EqualTo(Names));
        foreach (var control in controls)
        {
            Assert.That(control.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "Name", "FileName" }));
            var fileName = (string)control.Element("FileName")!;
            Assert.That(fileName, Is.EqualTo($"/Controls/{(string?)control.Element("Name")}/ControlManifest.xml"));
            Assert.That(zip.Names, Does.Contain(fileName.TrimStart('/')));
        }
    }

    [Test]
    public void Solution_manifest_has_a_type_66_root_per_component()
    {
        var roots = Managed.Solution.Element("RootComponents")!.Elements("RootComponent").Where(r => (string?)r.Attribute("type") == "66").ToList();
        Assert.That(roots.Select(r => (string?)r.Attribute("schemaName")), Is.EqualTo(Names));
        Assert.That(roots.Select(r => (string?)r.Attribute("behavior")), Is.All.EqualTo("0"));
        Assert.That(roots.Select(r => r.Attribute("id")), Is.All.Null);
    }

    [Test]
    public void Content_types_cover_js_css_and_resx_and_override_each_manifest()
    {
        XNamespace types = "http://schemas.openxmlformats.org/package/2006/content-types";
        var root = Managed.Xml("[Content_Types].xml");
        Assert.That(root.Elements(types + "Default").Select(d => (string?)d.Attribute("Extension")), Is.SupersetOf(new[] { "xml", "js", "css", "resx" }));
        Assert.That(root.Elements(types + "Override").Select(o => (string?)o.Attribute("PartName")),
            Is.SupersetOf(Names.Select(n => $"/Controls/{n}/ControlManifest.xml")));
    }

    /// <summary>learn.microsoft.com/power-apps/developer/component-framework/code-components-alm: an unpacked tree keeps
    /// Controls/prefix_namespace.ControlName/ with the built files and ControlManifest.xml.data.xml.</summary>
    [Test]
    public void Unpacked_tree_keeps_the_files_and_the_data_xml_beside_the_manifest()
    {
        var files = TestSolution.Output.UnpackedFiles;
        foreach (var name in Names)
        {
            Assert.That(files.Keys, Does.Contain($"Controls/{name}/ControlManifest.xml"));
            Assert.That(files.Keys, Does.Contain($"Controls/{name}/bundle.js"));
            var data = XDocument.Load(new MemoryStream(files[$"Controls/{name}/ControlManifest.xml.data.xml"])).Root!;
            Assert.That(data.Name.LocalName, Is.EqualTo("CustomControl"));
            Assert.That((string?)data.Element("Name"), Is.EqualTo(name));
            Assert.That((string?)data.Element("FileName"), Is.EqualTo($"/Controls/{name}/ControlManifest.xml"));
        }

        Assert.That(XDocument.Load(new MemoryStream(files["Other/Customizations.xml"])).Root!.Element("CustomControls")!.HasElements, Is.False);
    }

    [Test]
    public void Zip_reads_back_with_each_component_its_files_and_compatible_types()
    {
        var solution = TestSolution.ManagedZip;
        Assert.That(solution.CustomControls.Select(c => c.Name), Is.EqualTo(Names));
        var feed = solution.CustomControls[0];
        Assert.That((feed.Namespace, feed.Constructor, feed.Version), Is.EqualTo(("Rapport", "Feed", "1.0.0")));
        Assert.That(feed.CompatibleDataTypes, Is.EqualTo("SingleLine.Text"));
        Assert.That(feed.Files.Keys.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "ControlManifest.xml", "bundle.js", "css/Feed.css", "strings/Feed.1033.resx" }));
        Assert.That(feed.Files["bundle.js"], Is.EqualTo(File.ReadAllBytes(Path.Combine(TestSolution.ControlsFixture, "Feed", "bundle.js"))));
        Assert.That(solution.RootComponents.Where(r => r.Type == 66).Select(r => r.SchemaName), Is.EqualTo(Names));
        Assert.That(SolutionZipReader.Read(TestSolution.Output.UnmanagedZip).CustomControls.Select(c => c.Name), Is.EqualTo(Names), "the unmanaged zip carries them alike");
    }

    [Test]
    public void Reading_a_zip_whose_custom_control_manifest_is_missing_fails_naming_the_part()
    {
        var zip = WithoutEntry(TestSolution.Output.ManagedZip, "Controls/rapport_Rapport.InsightsCard/ControlManifest.xml");

        var error = Assert.Throws<InvalidDataException>(() => SolutionZipReader.Read(zip))!;
        Assert.That(error.Message, Is.EqualTo("Code component 'rapport_Rapport.InsightsCard': its manifest 'Controls/rapport_Rapport.InsightsCard/ControlManifest.xml' is missing from the zip."));
    }

    [Test]
    public void A_custom_control_without_Name_or_FileName_is_refused_as_the_customizations_schema_demands()
    {
        var customizations = new ZipParts(TestSolution.Output.ManagedZip).Customizations;
        customizations.Element("CustomControls")!.Elements("CustomControl").First().Element("FileName")!.Remove();

        var refused = Assert.Throws<SolutionFormatException>(() => ImportFormat.CheckCustomizations(customizations))!;
        Assert.That(refused.Message, Does.Contain("customizations.xml").And.Contain("CustomControl").And.Contain("needs a FileName child"));
    }

    [Test]
    public void Anchor_column_is_added_to_contact_account_and_opportunity_as_an_optional_text()
    {
        foreach (var table in new[] { "Contact", "Account", "Opportunity" })
        {
            var entity = Managed.Customizations.Element("Entities")!.Elements("Entity").Single(e => (string?)e.Element("Name") == table);
            var anchor = entity.Descendants("attribute").Single(a => (string?)a.Element("LogicalName") == "rapport_feedanchor");
            Assert.That((string?)anchor.Element("Type"), Is.EqualTo("nvarchar"), table);
            Assert.That((string?)anchor.Element("RequiredLevel"), Is.EqualTo("none"), table);
        }
    }

    // ---- refusals: each names the component and what to do ----

    [Test]
    public void Missing_build_output_is_refused_with_the_build_command()
    {
        var error = Refusal(folder => Directory.Delete(Path.Combine(folder, "Feed"), recursive: true));
        Assert.That(error, Does.Contain("Code component 'rapport_Rapport.Feed'").And.Contain("ControlManifest.xml' is missing").And.Contain("cd Controls && npm ci && npm run build"));
    }

    [Test]
    public void Malformed_manifest_is_refused()
    {
        var error = Refusal(folder => File.WriteAllText(Path.Combine(folder, "Feed", "ControlManifest.xml"), "<manifest><control namespace=\"Rapport\""));
        Assert.That(error, Does.Contain("Code component 'rapport_Rapport.Feed'").And.Contain("is not a valid control manifest"));
    }

    [Test]
    public void Manifest_of_another_namespace_or_constructor_is_refused()
    {
        var error = Refusal(folder => Edit(folder, "Feed", m => m.Replace("constructor=\"Feed\"", "constructor=\"Timeline\"", StringComparison.Ordinal)));
        Assert.That(error, Does.Contain("declares namespace 'Rapport' and constructor 'Timeline', but the solution declares 'Rapport' and 'Feed'"));
    }

    [Test]
    public void Resource_the_manifest_names_but_the_build_lacks_is_refused()
    {
        var error = Refusal(folder => File.Delete(Path.Combine(folder, "InsightsCard", "strings", "InsightsCard.1033.resx")));
        Assert.That(error, Does.Contain("Code component 'rapport_Rapport.InsightsCard': the manifest names resx resource 'strings/InsightsCard.1033.resx', which is not in"));
    }

    [Test]
    public void Resource_path_leaving_the_component_folder_is_refused()
    {
        var error = Refusal(folder => Edit(folder, "Feed", m => m.Replace("path=\"css/Feed.css\"", "path=\"../InsightsCard/css/InsightsCard.css\"", StringComparison.Ordinal)));
        Assert.That(error, Does.Contain("a resource path is relative to the component's folder"));
    }

    [Test]
    public void Component_name_without_the_publisher_prefix_or_not_matching_the_manifest_is_refused()
    {
        var definition = TestSolution.Definition() with
        {
            CodeComponents = [new("Rapport.Feed", "Rapport", "Feed", "Feed"), new("rapport_Rapport.Card", "Rapport", "InsightsCard", "InsightsCard")],
            Forms = [],
        };
        var problems = TestSolution.Validate(definition);
        Assert.That(problems, Has.Some.EqualTo("Code component 'Rapport.Feed' lacks the publisher prefix 'rapport_'."));
        Assert.That(problems, Has.Some.Contains("Code component 'rapport_Rapport.Card' must be named 'rapport_Rapport.InsightsCard'"));
    }

    [Test]
    public void Form_hosting_an_undeclared_component_or_bound_to_a_missing_or_non_text_column_is_refused()
    {
        var section = new FormSectionDefinition("s", "S", [])
        {
            CodeControls =
            [
                new("rapport_feedanchor", "rapport_Rapport.Timeline", "rapport_feedanchor", "anchor", "X"),
                new("rapport_nosuchcolumn", CodeComponents.Feed, "rapport_nosuchcolumn", "anchor", "X"),
                new("rapport_engagementscore", CodeComponents.Feed, "rapport_engagementscore", "anchor", "X"),
            ],
        };
        var form = RapportForms.FeedForm("contact", "Contact", withInsights: false) with { Tabs = [new("t", "T", [section])] };
        var problems = TestSolution.Validate(TestSolution.Definition() with { Forms = [form] });
        Assert.That(problems, Has.Some.EqualTo("Form 'rapport_contact_social': control 'rapport_feedanchor' hosts code component 'rapport_Rapport.Timeline', which the solution does not declare."));
        Assert.That(problems, Has.Some.EqualTo("Form 'rapport_contact_social': control 'rapport_nosuchcolumn' is bound to column 'rapport_nosuchcolumn', which table 'contact' does not have."));
        Assert.That(problems, Has.Some.Contains("is bound to 'rapport_engagementscore', a Double column"));
    }

    /// <summary>Packs against a copy of the fixture build output changed by <paramref name="change"/>; returns the refusal.</summary>
    private static string Refusal(Action<string> change)
    {
        var folder = Path.Combine(Path.GetTempPath(), "rapport-pcf-fixture-" + Guid.NewGuid().ToString("N"));
        Copy(TestSolution.ControlsFixture, folder);
        try
        {
            change(folder);
            var error = Assert.Throws<SolutionValidationException>(() => SolutionPacker.Build(TestSolution.Request() with { ControlsRoot = folder }))!;
            return error.Message;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static byte[] WithoutEntry(byte[] zip, string entry)
    {
        using var copy = new MemoryStream();
        copy.Write(zip);
        using (var archive = new System.IO.Compression.ZipArchive(copy, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            archive.GetEntry(entry)!.Delete();
        }

        return copy.ToArray();
    }

    private static void Edit(string folder, string constructor, Func<string, string> edit)
    {
        var path = Path.Combine(folder, constructor, "ControlManifest.xml");
        File.WriteAllText(path, edit(File.ReadAllText(path)), new UTF8Encoding(false));
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
