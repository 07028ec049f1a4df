using System.Collections.Generic;
using Rapport.Solution.Model;

namespace Rapport.Solution.Packing;

/// <summary>
/// What to pack: the declarations, the built net462 assembly files (steps and activities are read from them), the
/// folders the web resources and the code components were built into, and the standard-table catalogue used for "unknown table" checks.
/// </summary>
public sealed record PackRequest(SolutionDefinition Definition, IReadOnlyList<string> AssemblyPaths)
{
    /// <summary>WebResources/dist: each declared web resource's SourcePath is relative to it.</summary>
    public string? WebResourceRoot { get; init; }

    /// <summary>Controls/out/controls: each declared code component's OutputFolder is relative to it.</summary>
    public string? ControlsRoot { get; init; }

    public ITableCatalog StandardTables { get; init; } = TableCatalog.Standard;
}

/// <summary>The packed solution in memory: both zips' bytes and the unpacked tree's files (path → bytes).</summary>
public sealed record PackedOutput(byte[] ManagedZip, byte[] UnmanagedZip, IReadOnlyDictionary<string, byte[]> UnpackedFiles);

/// <summary>Where a pack wrote its output.</summary>
public sealed record PackResult(string ManagedZipPath, string UnmanagedZipPath, string UnpackedDirectory);
