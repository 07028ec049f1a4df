using System.IO;
using System.Linq;
using System.Reflection;

namespace Rapport.Sdk.Tests;

/// <summary>Where the contract assemblies were built, for the configuration these tests were built with.</summary>
internal static class ContractPaths
{
    public static string Root => Metadata("RepoRoot");

    public static string Configuration => Metadata("Configuration");

    public static string Dll(string assembly, string targetFramework) =>
        Path.Combine(Root, "Sdk", assembly, "bin", Configuration, targetFramework, assembly + ".dll");

    public static string PublicKeyFile => Path.Combine(Root, "Sdk", "Microsoft.publickey");

    private static string Metadata(string key) =>
        typeof(ContractPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
