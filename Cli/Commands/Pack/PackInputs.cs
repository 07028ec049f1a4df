using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Rapport.Solution.Declarations;

namespace Rapport.Cli.Commands.Pack;

/// <summary>
/// Builds what `rapport pack` packs when it is missing or older than its sources: the web resources and the code
/// components in Controls/ (each: npm ci when node_modules is missing, npm run build) and the net462 plugin and workflow activity assemblies
/// (dotnet build -f net462). Each build's output streams through, with the reason and the elapsed time.
/// </summary>
internal sealed class PackInputs(string root, string configuration)
{
    private static readonly string[] DotnetSourceExtensions = [".cs", ".csproj", ".props", ".targets", ".snk"];

    public string WebResourceRoot => Path.Combine(root, "WebResources", "dist");

    /// <summary>Controls/out/controls, where pcf-scripts writes each component's folder.</summary>
    public string ControlsRoot => Path.Combine(root, Solution.Declarations.Ui.CodeComponents.BuildOutput.Replace('/', Path.DirectorySeparatorChar));

    public IReadOnlyList<string> Assemblies =>
    [
        Path.Combine(root, "Plugins", "bin", configuration, "net462", RapportSolution.PluginsAssembly + ".dll"),
        Path.Combine(root, "WorkflowActivities", "bin", configuration, "net462", RapportSolution.WorkflowActivitiesAssembly + ".dll"),
    ];

    /// <summary>Builds what is stale; false (with the error written) when a build fails or a tool is missing.</summary>
    public bool EnsureBuilt() => EnsureWebResources() && EnsureControls() && EnsureAssemblies();

    private bool EnsureWebResources()
    {
        var folder = Path.Combine(root, "WebResources");
        if (!File.Exists(Path.Combine(folder, "package.json")))
        {
            return true;
        }

        var outputs = BuildFreshness.AllFiles(WebResourceRoot).ToArray();
        var reason = outputs.Length == 0
            ? "WebResources/dist/ is empty"
            : BuildFreshness.StaleReason(outputs, new[] { "src", "harness", "scripts", "package.json", "package-lock.json", "tsconfig.json" }.Select(s => Path.Combine(folder, s)), _ => true);
        if (reason is null)
        {
            return true;
        }

        return NpmBuild("the web resources", folder, reason);
    }

    /// <summary>The code components, when Controls/ is an npm project and its output is missing or older than its sources.</summary>
    private bool EnsureControls()
    {
        var folder = Path.Combine(root, "Controls");
        if (!File.Exists(Path.Combine(folder, "package.json")))
        {
            return true;
        }

        string[] generated = ["out", "node_modules", "generated", "obj", "bin"];
        var sources = Directory.EnumerateFileSystemEntries(folder).Where(e => !generated.Contains(Path.GetFileName(e), StringComparer.OrdinalIgnoreCase));
        var outputs = BuildFreshness.AllFiles(ControlsRoot).ToArray();
        var reason = outputs.Length == 0 ? "Controls/out/controls/ is empty" : BuildFreshness.StaleReason(outputs, sources, _ => true);
        return reason is null || NpmBuild("the code components", folder, reason);
    }

    private bool NpmBuild(string what, string folder, string reason)
    {
        Console.WriteLine($"Building {what} ({Relative(reason)}).");
        var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
        var noNode = $"Node.js 20 and npm are required to build {what}: install them (build/install-prerequisites.sh lists what is needed) and run again.";
        if (!Directory.Exists(Path.Combine(folder, "node_modules")) && !Run("npm ci", npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], folder, noNode))
        {
            return false;
        }

        return Run("npm run build", npm, ["run", "-s", "build"], folder, noNode);
    }

    private bool EnsureAssemblies()
    {
        string[] sources = ["Plugins", "WorkflowActivities", "Domain", "Sdk", "build", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "VERSION"];
        var reason = BuildFreshness.StaleReason(Assemblies, sources.Select(s => Path.Combine(root, s)), IsDotnetSource);
        if (reason is null)
        {
            return true;
        }

        Console.WriteLine($"Building the net462 assemblies ({Relative(reason)}).");
        var dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        foreach (var project in new[] { "Plugins/Rapport.Plugins.csproj", "WorkflowActivities/Rapport.WorkflowActivities.csproj" })
        {
            if (!Run($"dotnet build {project} -f net462", dotnet, ["build", Path.Combine(root, project), "-c", configuration, "-f", "net462", "--nologo", "-v", "minimal"], root,
                    "The .NET 10 SDK (dotnet) is required to build the assemblies."))
            {
                return false;
            }
        }

        // An up-to-date build leaves the DLLs' times alone; mark them checked so the next pack does not rebuild.
        foreach (var dll in Assemblies)
        {
            File.SetLastWriteTimeUtc(dll, DateTime.UtcNow);
        }

        return true;
    }

    private static bool IsDotnetSource(string path) =>
        DotnetSourceExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    private string Relative(string reason) => reason.Replace(root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

    private static bool Run(string what, string file, IEnumerable<string> arguments, string folder, string missingTool)
    {
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = folder, UseShellExecute = false };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            Console.Error.WriteLine(missingTool);
            return false;
        }

        using (process)
        {
            process.WaitForExit();
            Console.WriteLine($"  {what}: {(process.ExitCode == 0 ? "done" : $"failed (exit {process.ExitCode})")} in {clock.Elapsed.TotalSeconds:0.0} s");
            return process.ExitCode == 0;
        }
    }
}
