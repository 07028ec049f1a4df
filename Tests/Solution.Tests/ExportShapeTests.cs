using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Rapport.Solution.Tests;

/// <summary>
/// The packed managed zip against the shapes of real exported solutions (ExportShapes/, each file naming the exports
/// it was compared with): element names, export order, required children and value formats of every component type.
/// </summary>
public sealed class ExportShapeTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepoRoot, "Tests", "Solution.Tests", "ExportShapes");

    public static IEnumerable<TestCaseData> Shapes() =>
        Directory.GetFiles(Folder, "*.xml").Order(System.StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetName($"Packed {Path.GetFileNameWithoutExtension(f)} has the shape of real exports"));

    [TestCaseSource(nameof(Shapes))]
    public void Packed_component_has_the_shape_of_real_exports(string file)
    {
        var shape = ExportShape.Load(Path.Combine(Folder, file));
        var zip = new ZipParts(TestSolution.Output.ManagedZip);
        var elements = zip.Names.Where(shape.AppliesTo).SelectMany(n => shape.Select(zip.Xml(n))).ToList();

        Assert.That(elements, Is.Not.Empty, $"the packed zip has no {shape.At} in {shape.Part}, so this shape would check nothing");
        Assert.That(elements.SelectMany(shape.Problems).Distinct().Take(25), Is.Empty);
    }

    [Test]
    public void Entity_flags_are_0_or_1_never_False_or_True()
    {
        // The issue this pins: exports write <IsDuplicateCheckSupported>0</IsDuplicateCheckSupported> (ColumnLevelSecurity
        // sample in microsoft/PowerApps-Samples, PPDSDemo's Entity.xml); the packer used to write False.
        var customizations = new ZipParts(TestSolution.Output.ManagedZip).Customizations;
        var flags = customizations.Descendants("entity").SelectMany(e => e.Elements())
            .Where(e => !e.HasElements && (e.Name.LocalName.StartsWith("Is", System.StringComparison.Ordinal) || e.Name.LocalName.StartsWith("Can", System.StringComparison.Ordinal)))
            .ToList();
        Assert.That(flags.Select(f => f.Name.LocalName), Does.Contain("IsDuplicateCheckSupported").And.Contain("IsConnectionsEnabled").And.Contain("IsDocumentManagementEnabled"));
        Assert.That(flags.Where(f => f.Value is not ("0" or "1")).Select(f => $"{f.Name.LocalName}={f.Value}"), Is.Empty);
    }

    [Test]
    public void System_columns_keep_the_platform_schema_names_and_memo_columns_are_textarea()
    {
        // PPDSDemo's Entity.xml (JoshSmithXRM/Power-Platform-Developer-Suite-Demo-Solution): PhysicalName="CreatedBy",
        // "OwnerId", "ppds_CityId", lower-case "statecode"; its ntext column ppds_Description has Format textarea.
        var follow = new ZipParts(TestSolution.Output.ManagedZip).Customizations.Element("Entities")!.Elements("Entity")
            .Single(e => (string?)e.Element("Name") == "rapport_follow");
        var names = follow.Element("EntityInfo")!.Element("entity")!.Element("attributes")!.Elements("attribute").ToDictionary(a => (string)a.Element("LogicalName")!, a => (string)a.Attribute("PhysicalName")!);
        Assert.That(names["createdby"], Is.EqualTo("CreatedBy"));
        Assert.That(names["ownerid"], Is.EqualTo("OwnerId"));
        Assert.That(names["statecode"], Is.EqualTo("statecode"));
        Assert.That(names["rapport_followid"], Is.EqualTo("rapport_followId"));
        var memos = new ZipParts(TestSolution.Output.ManagedZip).Customizations.Descendants("attribute").Where(a => (string?)a.Element("Type") == "ntext").ToList();
        Assert.That(memos, Is.Not.Empty);
        Assert.That(memos.Select(m => (string?)m.Element("Format")), Has.All.EqualTo("textarea"));
    }

    [Test]
    public void Every_shape_file_names_the_exports_it_was_compared_with()
    {
        foreach (var file in Directory.GetFiles(Folder, "*.xml"))
        {
            var comment = XDocument.Load(file).Nodes().OfType<XComment>().FirstOrDefault()?.Value ?? "";
            Assert.That(comment, Does.Match("PowerApps-Samples|Power-Platform-Developer-Suite-Demo-Solution|learn.microsoft.com"), Path.GetFileName(file));
        }
    }
}
