using System.IO;
using System.Linq;
using System.Reflection;

namespace Rapport.LocalEnvironment.Tests;

/// <summary>Where the built net462 assemblies and the CLI are (the test build builds them first).</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    public static string Plugins => Path.Combine(RepoRoot, "Plugins", "bin", Configuration, "net462", "Rapport.Plugins.dll");

    public static string WorkflowActivities => Path.Combine(RepoRoot, "WorkflowActivities", "bin", Configuration, "net462", "Rapport.WorkflowActivities.dll");

    public static string Fixtures => Path.Combine(RepoRoot, "Tests", "Solution.Fixtures", "bin", Configuration, "net462", "Rapport.Solution.Fixtures.dll");

    public static string Cli => Path.Combine(RepoRoot, "Cli", "bin", Configuration, "net10.0", "rapport.dll");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
