using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Rapport.Solution.Declarations;
using Rapport.Solution.Model;
using Rapport.Solution.Packing;

namespace Rapport.Solution.Tests;

/// <summary>
/// Rapport's real declarations plus the fixture assembly (plugins with steps and images, a workflow activity),
/// a Custom API implemented by a fixture plugin and one web resource built into a temporary dist folder.
/// </summary>
internal static class TestSolution
{
    public const string Version = "1.2.3.4";
    public const string FixturesAssembly = "Rapport.Solution.Fixtures";
    public const string ApiName = "rapport_RecalculateClv";
    public const string WebResourceName = "rapport_/scripts/clv.form.js";
    public static readonly byte[] WebResourceContent = "console.log('clv');\n"u8.ToArray();

    /// <summary>
    /// Stand-ins for the built web resources: the two scripts the forms and the command bar call have esbuild's shape
    /// (the namespace assigned, the members in the export map), so the function checks run against them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DistFiles = new Dictionary<string, string>
    {
        ["scripts/clv.form.js"] = "console.log('clv');\n",
        ["rapport_/commands/follow.js"] = "\"use strict\";var Rapport=Rapport||{};Rapport.Commands=Rapport.Commands||{};Rapport.Commands.Follow=(()=>{var W={};_(W,{isEnabled:()=>a,isFollowVisible:()=>b,isUnfollowVisible:()=>c,toggle:()=>d});return W})();\n",
        ["rapport_/forms/feedhost.js"] = "\"use strict\";var Rapport=Rapport||{};Rapport.Forms=Rapport.Forms||{};Rapport.Forms.FeedHost=(()=>{var W={};_(W,{handOver:()=>h,onLoad:()=>o});return W})();\n",
    };

    private static readonly Lazy<string> DistFolder = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "rapport-solution-tests-dist");
        foreach (var resource in RapportSolution.Build(Version).WebResources)
        {
            Write(folder, resource.SourcePath, DistFiles.GetValueOrDefault(resource.SourcePath, $"<!-- {resource.Name} -->\n"));
        }

        foreach (var (path, text) in DistFiles)
        {
            Write(folder, path, text);
        }

        return folder;
    });

    private static readonly Lazy<PackedOutput> Packed = new(() => SolutionPacker.Build(Request()));

    public static PackedOutput Output => Packed.Value;

    public static PackedSolution ManagedZip => SolutionZipReader.Read(Output.ManagedZip);

    public static CustomApiDefinition Api { get; } = new(ApiName, "Recalculate CLV", "Rapport.Solution.Fixtures.RecalculateApiPlugin")
    {
        Description = "Rescores one customer.",
        Binding = CustomApiBinding.Entity,
        BoundEntity = "contact",
        RequestParameters =
        [
            new CustomApiFieldDefinition("ModelId", "Model", CustomApiFieldType.Guid) { IsOptional = true },
            new CustomApiFieldDefinition("Horizon", "Horizon (months)", CustomApiFieldType.Integer),
        ],
        ResponseProperties = [new CustomApiFieldDefinition("Clv", "CLV", CustomApiFieldType.Money)],
    };

    public static SolutionDefinition Definition() => RapportSolution.Build(Version) with
    {
        Assemblies =
        [
            new AssemblyDefinition(RapportSolution.PluginsAssembly),
            new AssemblyDefinition(RapportSolution.WorkflowActivitiesAssembly),
            new AssemblyDefinition(FixturesAssembly),
        ],
        CustomApis = [Api],
        WebResources = [.. RapportSolution.Build(Version).WebResources, new WebResourceDefinition(WebResourceName, "CLV form script", WebResourceType.JavaScript, "scripts/clv.form.js")],
    };

    public static string Dist => DistFolder.Value;

    public static IReadOnlyList<string> AssemblyPaths => [TestPaths.Plugins, TestPaths.WorkflowActivities, TestPaths.Fixtures];

    /// <summary>A fixture of pcf-scripts' output shape (Fixtures/PcfBuildOutputFixture/README.md), standing in for Controls/out/controls.</summary>
    public static string ControlsFixture => Path.Combine(TestPaths.RepoRoot, "Tests", "Solution.Tests", "Fixtures", "PcfBuildOutputFixture");

    public static PackRequest Request(SolutionDefinition? definition = null, IReadOnlyList<string>? assemblies = null) =>
        new(definition ?? Definition(), assemblies ?? AssemblyPaths) { WebResourceRoot = DistFolder.Value, ControlsRoot = ControlsFixture };

    private static void Write(string folder, string path, string text)
    {
        var file = Path.Combine(folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }

    public static IReadOnlyList<ScannedAssembly> Scanned() => AssemblyPaths.Select(AssemblyScanner.Scan).ToList();

    public static IReadOnlyList<string> Validate(SolutionDefinition definition, IReadOnlyList<ScannedAssembly>? assemblies = null) =>
        DeclarationValidator.Validate(definition, assemblies ?? Scanned(), TableCatalog.Standard, DistFolder.Value);
}
