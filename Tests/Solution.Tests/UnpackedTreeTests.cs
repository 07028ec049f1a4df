using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using Rapport.Solution.Packing;

namespace Rapport.Solution.Tests;

/// <summary>The pac / SolutionPackager layout written next to the zips.</summary>
public sealed class UnpackedTreeTests
{
    private static System.Collections.Generic.IReadOnlyDictionary<string, byte[]> Files => TestSolution.Output.UnpackedFiles;

    [Test]
    public void Tree_has_the_pac_layout()
    {
        var names = Files.Keys.ToList();
        Assert.That(names, Does.Contain("Other/Solution.xml").And.Contain("Other/Customizations.xml").And.Contain("Other/Relationships.xml"));
        Assert.That(names, Does.Contain("Entities/rapport_gift/Entity.xml").And.Contain("Entities/Contact/Entity.xml"));
        Assert.That(names, Has.Some.Match(@"^Entities/rapport_gift/FormXml/main/\{[0-9a-f\-]{36}\}\.xml$"));
        Assert.That(names, Has.Some.Match(@"^Entities/rapport_gift/SavedQueries/\{[0-9a-f\-]{36}\}\.xml$"));
        Assert.That(names, Does.Contain("OptionSets/rapport_clvsegment.xml").And.Contain("Roles/Rapport User.xml"));
        Assert.That(names, Has.Some.Match(@"^PluginAssemblies/Rapport\.Solution\.Fixtures-[0-9A-F\-]{36}/Rapport\.Solution\.Fixtures\.dll\.data\.xml$"));
        Assert.That(names, Does.Contain("WebResources/rapport_/scripts/clv.form.js").And.Contain("WebResources/rapport_/scripts/clv.form.js.data.xml"));
        Assert.That(names, Does.Contain($"customapis/{TestSolution.ApiName}/customapi.xml"));
        var stepFiles = names.Where(n => n.StartsWith("SdkMessageProcessingSteps/", StringComparison.Ordinal)).ToList();
        Assert.That(stepFiles, Has.Count.EqualTo(TestSolution.ManagedZip.Steps.Count));
        Assert.That(stepFiles, Has.Member("SdkMessageProcessingSteps/{5b1f0c1e-0a55-4c8e-9a8e-2f7c9d3b6a11}.xml"));
    }

    [Test]
    public void Xml_files_carry_a_bom_and_a_declaration_and_the_manifest_says_both()
    {
        // A code component's ControlManifest.xml is pcf-scripts' file, kept byte for byte (its .data.xml is ours).
        foreach (var (name, bytes) in Files.Where(f => f.Key.EndsWith(".xml", StringComparison.Ordinal) && !f.Key.EndsWith("/ControlManifest.xml", StringComparison.Ordinal)))
        {
            Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), name);
            Assert.That(Encoding.UTF8.GetString(bytes, 3, 5), Is.EqualTo("<?xml"), name);
        }

        var manifest = XDocument.Load(new MemoryStream(Files["Other/Solution.xml"])).Root!.Element("SolutionManifest")!;
        Assert.That((string?)manifest.Element("Managed"), Is.EqualTo("2"));
    }

    [Test]
    public void Frame_customizations_keep_the_sections_but_move_components_out()
    {
        var frame = XDocument.Load(new MemoryStream(Files["Other/Customizations.xml"])).Root!;
        Assert.That(frame.Elements().Select(e => e.Name.LocalName).First(), Is.EqualTo("Entities"));
        Assert.That(frame.Element("Entities")!.HasElements, Is.False);
        Assert.That(frame.Element("SdkMessageProcessingSteps")!.HasElements, Is.False);
    }

    [Test]
    public void Pack_writes_both_zips_and_the_tree()
    {
        var output = Path.Combine(Path.GetTempPath(), "rapport-pack-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = SolutionPacker.Pack(TestSolution.Request(), output);
            Assert.That(Path.GetFileName(result.ManagedZipPath), Is.EqualTo("Rapport_managed.zip"));
            Assert.That(Path.GetFileName(result.UnmanagedZipPath), Is.EqualTo("Rapport.zip"));
            Assert.That(File.ReadAllBytes(result.ManagedZipPath), Is.EqualTo(TestSolution.Output.ManagedZip));
            Assert.That(File.Exists(Path.Combine(result.UnpackedDirectory, "Other", "Solution.xml")), Is.True);
            Assert.That(SolutionZipReader.Read(result.UnmanagedZipPath).Managed, Is.False);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
