using System.IO;
using System.Linq;
using System.Reflection;

namespace Rapport.WorkflowActivities.Tests;

/// <summary>Where the built assemblies are, for the configuration these tests were built in.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    /// <summary>The plugins' test-runtime build, loaded into the emulator.</summary>
    public static string PluginsForEmulator => Path.Combine(RepoRoot, "Plugins", "bin", Configuration, "net10.0", "Rapport.Plugins.dll");

    /// <summary>The net462 builds the solution ships (what the packer scans).</summary>
    public static string ShippedPlugins => Path.Combine(RepoRoot, "Plugins", "bin", Configuration, "net462", "Rapport.Plugins.dll");

    public static string ShippedActivities => Path.Combine(RepoRoot, "WorkflowActivities", "bin", Configuration, "net462", "Rapport.WorkflowActivities.dll");

    public static string WebResources => Path.Combine(RepoRoot, "WebResources", "dist");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
