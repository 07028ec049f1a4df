using System.IO;
using System.Linq;
using System.Reflection;

namespace Rapport.Foundation.Tests;

/// <summary>Where the built Dataverse assemblies are, for the configuration these tests were built with.</summary>
internal static class RepoPaths
{
    public static string Root => Metadata("RepoRoot");

    public static string Configuration => Metadata("Configuration");

    public static string Net462Output(string project) => Path.Combine(Root, project, "bin", Configuration, "net462");

    public static string Net462Dll(string project, string assembly) => Path.Combine(Net462Output(project), assembly + ".dll");

    private static string Metadata(string key) =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
