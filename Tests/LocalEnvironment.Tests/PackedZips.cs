using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using Rapport.Solution.Declarations;
using Rapport.Solution.Model;
using Rapport.Solution.Packing;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>
/// Real solution zips packed in the test from the built net462 assemblies (Rapport.Plugins and the packer's fixture
/// assembly with its steps and the rapport_RecalculateClv Custom API), at any version.
/// </summary>
internal static class PackedZips
{
    public const string ApiName = "rapport_RecalculateClv";
    public const string WebResourceName = "rapport_/scripts/local.js";
    public const string WebResourceText = "console.log('local');\n";
    public const string FeedPageName = "rapport_/feed/feed.html";

    /// <summary>
    /// pcf-scripts' output shape for Rapport's two code components (Tests/Solution.Tests/Fixtures/PcfBuildOutputFixture,
    /// a fixture, not product output): every test zip carries them as Controls/rapport_Rapport.Feed/… and …InsightsCard/….
    /// </summary>
    public static string ControlsFixture => Path.Combine(TestPaths.RepoRoot, "Tests", "Solution.Tests", "Fixtures", "PcfBuildOutputFixture");

    public static void RequireBuiltAssemblies()
    {
        if (!File.Exists(TestPaths.Plugins) || !File.Exists(TestPaths.Fixtures))
        {
            Assert.Ignore($"The net462 assemblies are not built ({TestPaths.Plugins}, {TestPaths.Fixtures}).");
        }
    }

    public static byte[] Managed(string version)
    {
        RequireBuiltAssemblies();
        var dist = Path.Combine(Path.GetTempPath(), "rapport-local-tests-dist");
        Directory.CreateDirectory(Path.Combine(dist, "scripts"));
        File.WriteAllText(Path.Combine(dist, "scripts", "local.js"), WebResourceText);
        Directory.CreateDirectory(Path.Combine(dist, "feed"));
        File.WriteAllText(Path.Combine(dist, "feed", "feed.html"), "<!DOCTYPE html><html><body>feed</body></html>\n");
        var definition = RapportSolution.Build(version) with
        {
            Assemblies = [new AssemblyDefinition(RapportSolution.PluginsAssembly), new AssemblyDefinition("Rapport.Solution.Fixtures")],
            CustomApis =
            [
                new CustomApiDefinition(ApiName, "Recalculate CLV", "Rapport.Solution.Fixtures.RecalculateApiPlugin")
                {
                    Binding = CustomApiBinding.Entity,
                    BoundEntity = "contact",
                    RequestParameters = [new CustomApiFieldDefinition("Horizon", "Horizon (months)", CustomApiFieldType.Integer)],
                    ResponseProperties = [new CustomApiFieldDefinition("Clv", "CLV", CustomApiFieldType.Money)],
                },
            ],
            WebResources =
            [
                new WebResourceDefinition(WebResourceName, "Local script", WebResourceType.JavaScript, "scripts/local.js"),
                new WebResourceDefinition(FeedPageName, "Feed", WebResourceType.Html, "feed/feed.html"),
            ],

            // The forms, dashboard and buttons need the full set of web resources, which this small zip leaves out.
            Forms = [],
            Dashboards = [],
            Ribbons = [],
        };
        return SolutionPacker.Build(new PackRequest(definition, [TestPaths.Plugins, TestPaths.Fixtures]) { WebResourceRoot = dist, ControlsRoot = ControlsFixture }).ManagedZip;
    }

    /// <summary>Rapport itself, packed as `rapport pack` does: the declarations, both net462 assemblies, WebResources/dist and Controls/out/controls.</summary>
    public static byte[] Rapport(string version)
    {
        var dist = Path.Combine(TestPaths.RepoRoot, "WebResources", "dist");
        var controls = Path.Combine(TestPaths.RepoRoot, "Controls", "out", "controls");
        if (!File.Exists(TestPaths.Plugins) || !File.Exists(TestPaths.WorkflowActivities) || !Directory.Exists(dist) || !Directory.Exists(controls))
        {
            Assert.Ignore("The net462 assemblies, WebResources/dist or Controls/out/controls are not built.");
        }

        return SolutionPacker.Build(new PackRequest(RapportSolution.Build(version), [TestPaths.Plugins, TestPaths.WorkflowActivities]) { WebResourceRoot = dist, ControlsRoot = controls }).ManagedZip;
    }

    /// <summary>The zip with one part removed: what a truncated or hand-edited export looks like.</summary>
    public static byte[] Without(byte[] zip, string part) => Rewritten(zip, part, _ => null);

    /// <summary>The zip with one XML part edited as text: a hand-edited or foreign-tool export.</summary>
    public static byte[] With(byte[] zip, string part, Func<string, string> edit) =>
        Rewritten(zip, part, bytes => System.Text.Encoding.UTF8.GetBytes(edit(System.Text.Encoding.UTF8.GetString(bytes))));

    private static byte[] Rewritten(byte[] zip, string part, Func<byte[], byte[]?> rewrite)
    {
        var parts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        {
            foreach (var entry in archive.Entries)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                parts[entry.FullName] = copy.ToArray();
            }
        }

        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in parts)
            {
                if ((name == part ? rewrite(bytes) : bytes) is { } content)
                {
                    using var stream = archive.CreateEntry(name).Open();
                    stream.Write(content);
                }
            }
        }

        return output.ToArray();
    }
}
