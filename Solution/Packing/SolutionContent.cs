using System.Collections.Generic;
using Rapport.Solution.Model;

namespace Rapport.Solution.Packing;

/// <summary>Everything one pack writes, validated: the declarations, the scanned assemblies, the web resource bytes and the built code components.</summary>
internal sealed record SolutionContent(SolutionDefinition Definition, IReadOnlyList<ScannedAssembly> Assemblies, IReadOnlyDictionary<string, byte[]> WebResourceFiles)
{
    /// <summary>The built code components, in declaration order.</summary>
    public IReadOnlyList<ControlContent> Controls { get; init; } = [];
}
