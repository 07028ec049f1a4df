using System;
using System.Activities;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Registration;
using Rapport.Solution.Declarations;
using Rapport.Solution.Packing;

namespace Rapport.WorkflowActivities.Tests;

/// <summary>
/// The solution as an admin imports it: Rapport packed from the built net462 assemblies (as `rapport pack` does) and
/// read back. Every activity is a plugin type of Rapport.WorkflowActivities with its designer group, friendly name and
/// description, and the shipped DLL's activities run in the emulator like the test build's.
/// </summary>
public sealed class PackedRegistrationTests
{
    private static readonly Lazy<byte[]> Zip = new(Pack);

    private static PackedSolution Packed => SolutionZipReader.Read(Zip.Value);

    [TestCaseSource(typeof(ArgumentMetadataTests), nameof(ArgumentMetadataTests.OurActivities))]
    public void The_zip_registers_the_activity_under_Rapport_with_its_friendly_name(Type activity)
    {
        var type = Packed.PluginTypes.SingleOrDefault(t => t.TypeName == activity.FullName);

        Assert.That(type, Is.Not.Null, $"{activity.FullName} is not in the zip");
        Assert.Multiple(() =>
        {
            Assert.That(type!.AssemblyName, Is.EqualTo(RapportSolution.WorkflowActivitiesAssembly));
            Assert.That(type.WorkflowActivityGroup, Is.EqualTo("Rapport"));
            Assert.That(type.FriendlyName, Is.EqualTo(ArgumentMetadataTests.Promised[activity].Name));
        });
    }

    [Test]
    public void Every_activity_of_the_assembly_is_registered_with_its_attributes_names_and_description()
    {
        var expected = ArgumentMetadataTests.AllActivities
            .Select(t => (t.FullName!, t.GetCustomAttribute<WorkflowActivityAttribute>()!))
            .Select(x => $"{x.Item1} | {x.Item2.Group} | {x.Item2.FriendlyName} | {x.Item2.Description}")
            .ToList();
        var descriptions = PluginTypeElements().ToDictionary(e => (string)e.Attribute("Name")!, e => (string?)e.Element("Description") ?? "");

        var packed = Packed.PluginTypes
            .Where(t => t.WorkflowActivityGroup is not null)
            .Select(t => $"{t.TypeName} | {t.WorkflowActivityGroup} | {t.FriendlyName} | {descriptions[t.TypeName]}")
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(packed, Is.EquivalentTo(expected));
            Assert.That(Packed.PluginTypes.Where(t => t.AssemblyName == RapportSolution.WorkflowActivitiesAssembly).Select(t => t.WorkflowActivityGroup), Has.None.Null, "only activities in the activities assembly");
        });
    }

    [Test]
    public void The_shipped_activity_dll_runs_in_the_emulator()
    {
        var shipped = Assembly.Load(Packed.Assemblies[RapportSolution.WorkflowActivitiesAssembly]);
        var w = new ActivityWorld();
        var account = w.Account("Contoso");
        var url = ActivityWorld.Url("account", account);

        w.Run((Activity)Activator.CreateInstance(shipped.GetType("Rapport.WorkflowActivities.Feed.FollowRecordActivity", throwOnError: true)!)!, w.Ana, new Dictionary<string, object?> { ["RecordUrl"] = url });
        var outputs = w.Run((Activity)Activator.CreateInstance(shipped.GetType("Rapport.WorkflowActivities.Feed.GetFollowerCountActivity", throwOnError: true)!)!, w.Ana, new Dictionary<string, object?> { ["RecordUrl"] = url });

        Assert.Multiple(() =>
        {
            Assert.That(shipped.GetReferencedAssemblies().Select(a => a.Name), Does.Contain("mscorlib"), "the net462 build");
            Assert.That(outputs["FollowerCount"], Is.EqualTo(1));
            Assert.That(outputs["IsFollowing"], Is.True);
        });
    }

    private static byte[] Pack()
    {
        if (!Directory.Exists(TestPaths.WebResources))
        {
            Assert.Ignore($"The web resources are not built ({TestPaths.WebResources}); ./build/test.sh builds them first.");
        }

        // The code components (Controls/, pcf-scripts) are packed from their build output too.
        var controls = Path.Combine(TestPaths.RepoRoot, "Controls", "out", "controls");
        if (!Directory.Exists(controls))
        {
            Assert.Ignore($"The code components are not built ({controls}); ./build/test.sh builds them first.");
        }

        var request = new PackRequest(RapportSolution.Build("1.0.0.0"), [TestPaths.ShippedPlugins, TestPaths.ShippedActivities])
        {
            WebResourceRoot = TestPaths.WebResources,
            ControlsRoot = controls,
        };
        return SolutionPacker.Build(request).ManagedZip;
    }

    private static IEnumerable<XElement> PluginTypeElements()
    {
        using var zip = new ZipArchive(new MemoryStream(Zip.Value), ZipArchiveMode.Read);
        using var stream = zip.GetEntry("customizations.xml")!.Open();
        return XDocument.Load(stream).Descendants("PluginType").ToList();
    }
}
