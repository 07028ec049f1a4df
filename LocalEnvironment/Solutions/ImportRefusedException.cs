using System;

namespace Rapport.LocalEnvironment.Solutions;

/// <summary>A solution import refused before anything was registered; Part names the zip part at fault.</summary>
public sealed class ImportRefusedException : Exception
{
    /// <summary>0x80048068: the code this environment reports for a refused import (Dataverse's ImportSolution failures are 0x8004xxxx too).</summary>
    public const int ErrorCode = unchecked((int)0x80048068);

    public ImportRefusedException(string part, string message)
        : base($"{part}: {message}")
    {
        Part = part;
    }

    public ImportRefusedException()
        : this("solution", "The import was refused.")
    {
    }

    public ImportRefusedException(string message)
        : this("solution", message)
    {
    }

    public ImportRefusedException(string message, Exception inner)
        : base(message, inner)
    {
        Part = "solution";
    }

    public string Part { get; } = "solution";
}
