using System;
using System.CommandLine;
using System.IO;
using Rapport.Solution.Declarations;
using Rapport.Solution.Packing;

namespace Rapport.Cli.Commands.Pack;

/// <summary>
/// `rapport pack`: writes Rapport_managed.zip, Rapport.zip and the unpacked tree from Solution/, the built web
/// resources, the built code components (Controls/out/controls) and the built net462 assemblies, building those first when they are missing or older than their sources
/// (`--no-build` packs what is there).
/// </summary>
internal static class PackCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output") { Description = "Folder for the zips and the unpacked tree (default: out).", DefaultValueFactory = _ => "out" };
        var configuration = new Option<string>("--configuration") { Description = "Build configuration of the assemblies to pack (default: Release).", DefaultValueFactory = _ => "Release" };
        var noBuild = new Option<bool>("--no-build") { Description = "Pack the last build as it is; do not build stale web resources, code components or assemblies." };
        var command = new Command("pack", "Pack the managed and unmanaged solution zips, building the web resources and net462 assemblies when stale.");
        command.Options.Add(output);
        command.Options.Add(configuration);
        command.Options.Add(noBuild);
        command.SetAction(parse => Run(parse.GetValue(output) ?? "out", parse.GetValue(configuration) ?? "Release", parse.GetValue(noBuild)));
        return command;
    }

    private static int Run(string output, string configuration, bool noBuild)
    {
        var root = RepoRoot();
        var inputs = new PackInputs(root, configuration);
        if (!noBuild && !inputs.EnsureBuilt())
        {
            return 1;
        }

        var request = new PackRequest(RapportSolution.FromRepository(root), inputs.Assemblies)
        {
            WebResourceRoot = inputs.WebResourceRoot,
            ControlsRoot = inputs.ControlsRoot,
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
