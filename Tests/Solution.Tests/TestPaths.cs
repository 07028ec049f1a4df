using System.IO;
using System.Linq;
using System.Reflection;

namespace Rapport.Solution.Tests;

/// <summary>Where the built net462 assemblies are, for the configuration these tests were built in.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    public static string Plugins => Path.Combine(RepoRoot, "Plugins", "bin", Configuration, "net462", "Rapport.Plugins.dll");

    public static string WorkflowActivities => Path.Combine(RepoRoot, "WorkflowActivities", "bin", Configuration, "net462", "Rapport.WorkflowActivities.dll");

    public static string Fixtures => Path.Combine(RepoRoot, "Tests", "Solution.Fixtures", "bin", Configuration, "net462", "Rapport.Solution.Fixtures.dll");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
