using System;

namespace Rapport.Solution.Packing;

/// <summary>
/// A solution part does not have the form Dataverse's import accepts (a flag written False instead of 0, a required
/// child missing). Part is the zip entry, Element the path of the offending element inside it.
/// </summary>
public sealed class SolutionFormatException : Exception
{
    public SolutionFormatException(string part, string element, string problem)
        : base($"{part}: {element}: {problem}")
    {
        Part = part;
        Element = element;
    }

    public SolutionFormatException()
        : this("solution", "", "the part does not have the form of an export.")
    {
    }

    public SolutionFormatException(string message)
        : this("solution", "", message)
    {
    }

    public SolutionFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Part = "solution";
        Element = "";
    }

    public string Part { get; }

    public string Element { get; }
}
