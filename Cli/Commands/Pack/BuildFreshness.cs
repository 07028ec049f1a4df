using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Rapport.Cli.Commands.Pack;

/// <summary>
/// Whether built outputs are older than their sources, by last-write time (as make decides). A reason is returned
/// so the command can say why it builds; null means up to date.
/// </summary>
internal static class BuildFreshness
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "dist", "artifacts", "TestResults"];

    /// <param name="outputs">Files the build writes; every one must exist.</param>
    /// <param name="sources">Source files and folders (searched recursively, build output folders skipped).</param>
    /// <param name="isSource">Which files in a source folder count (e.g. *.cs, *.csproj).</param>
    public static string? StaleReason(IReadOnlyCollection<string> outputs, IEnumerable<string> sources, Func<string, bool> isSource)
    {
        var missing = outputs.FirstOrDefault(o => !File.Exists(o));
        if (missing is not null)
        {
            return $"{missing} is missing";
        }

        var oldestOutput = outputs.Min(File.GetLastWriteTimeUtc);
        var newer = sources.SelectMany(s => Files(s, isSource)).FirstOrDefault(f => File.GetLastWriteTimeUtc(f) > oldestOutput);
        return newer is null ? null : $"{newer} changed after the last build";
    }

    /// <summary>Every file under <paramref name="folder"/>, oldest-first order not guaranteed.</summary>
    public static IEnumerable<string> AllFiles(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories) : [];

    private static IEnumerable<string> Files(string source, Func<string, bool> isSource)
    {
        if (File.Exists(source))
        {
            return [source];
        }

        if (!Directory.Exists(source))
        {
            return [];
        }

        return Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Where(f => isSource(f) && !InSkippedFolder(Path.GetRelativePath(source, f)));
    }

    private static bool InSkippedFolder(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).SkipLast(1)
            .Any(part => SkippedFolders.Contains(part, StringComparer.OrdinalIgnoreCase));
}
