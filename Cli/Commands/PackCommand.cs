using System;
using System.CommandLine;
using System.IO;
using Rapport.Solution.Declarations;
using Rapport.Solution.Packing;

namespace Rapport.Cli.Commands;

/// <summary>
/// `rapport pack`: writes Rapport_managed.zip, Rapport.zip and the unpacked tree from Solution/ and the built net462
/// assemblies. It builds nothing: run `dotnet build Extension.sln -c Release` first.
/// </summary>
internal static class PackCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output") { Description = "Folder for the zips and the unpacked tree (default: out).", DefaultValueFactory = _ => "out" };
        var configuration = new Option<string>("--configuration") { Description = "Build configuration of the assemblies to pack (default: Release).", DefaultValueFactory = _ => "Release" };
        var command = new Command("pack", "Pack the managed and unmanaged solution zips from the built assemblies.");
        command.Options.Add(output);
        command.Options.Add(configuration);
        command.SetAction(parse => Run(parse.GetValue(output) ?? "out", parse.GetValue(configuration) ?? "Release"));
        return command;
    }

    private static int Run(string output, string configuration)
    {
        var root = RepoRoot();
        var assemblies = new[]
        {
            Path.Combine(root, "Plugins", "bin", configuration, "net462", RapportSolution.PluginsAssembly + ".dll"),
            Path.Combine(root, "WorkflowActivities", "bin", configuration, "net462", RapportSolution.WorkflowActivitiesAssembly + ".dll"),
        };
        var request = new PackRequest(RapportSolution.FromRepository(root), assemblies)
        {
            WebResourceRoot = Path.Combine(root, "WebResources", "dist"),
        };
        try
        {
            var result = SolutionPacker.Pack(request, Path.GetFullPath(output));
            Console.WriteLine($"Packed {request.Definition.UniqueName} {request.Definition.Version}:");
            Console.WriteLine($"  {result.ManagedZipPath}");
            Console.WriteLine($"  {result.UnmanagedZipPath}");
            Console.WriteLine($"  {result.UnpackedDirectory}{Path.DirectorySeparatorChar}");
            return 0;
        }
        catch (SolutionValidationException error)
        {
            Console.Error.WriteLine(error.Message);
            return 1;
        }
    }

    /// <summary>The repository root: the nearest folder above the tool holding the VERSION file.</summary>
    private static string RepoRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "VERSION")) && Directory.Exists(Path.Combine(folder.FullName, "Solution")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (a folder with VERSION and Solution/) above the tool.");
    }
}
