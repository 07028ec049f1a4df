using System;
using System.Collections.Generic;
using System.Linq;

namespace Rapport.Solution.Packing;

/// <summary>The declarations or the built assemblies are inconsistent: every problem found, one per line.</summary>
public sealed class SolutionValidationException : Exception
{
    public SolutionValidationException()
        : this([])
    {
    }

    public SolutionValidationException(string message)
        : this([message])
    {
    }

    public SolutionValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public SolutionValidationException(IReadOnlyList<string> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems) =>
        $"The solution cannot be packed ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):"
        + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p));
}
