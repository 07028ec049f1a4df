using System.Collections.Generic;
using Rapport.Solution.Model;

namespace Rapport.Solution.Packing;

/// <summary>Everything one pack writes, validated: the declarations, the scanned assemblies and the web resource bytes.</summary>
internal sealed record SolutionContent(SolutionDefinition Definition, IReadOnlyList<ScannedAssembly> Assemblies, IReadOnlyDictionary<string, byte[]> WebResourceFiles);
