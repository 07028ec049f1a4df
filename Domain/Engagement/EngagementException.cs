using System;

namespace Rapport.Domain.Engagement;

/// <summary>What kind of engagement rule was broken; adapters may map it to a status, the message is for people.</summary>
public enum EngagementError
{
    InvalidInteraction,
    InvalidConfiguration,
    InvalidLevel,
    InvalidRoiInput,
    InvalidKpi,
    InvalidBatch,
    InvalidCsv,
}

/// <summary>
/// The engagement domain's one exception. <see cref="Field"/> names the offending field (as the message does) so an
/// adapter can point at it; adapters turn it into InvalidPluginExecutionException and it never escapes the sandbox.
/// </summary>
public sealed class EngagementException : Exception
{
    public EngagementException(EngagementError error, string field, string message)
        : base(message)
    {
        Error = error;
        Field = field;
    }

    public EngagementException()
        : base("The engagement request was refused.")
    {
    }

    public EngagementException(string message)
        : base(message)
    {
    }

    public EngagementException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EngagementError Error { get; }

    /// <summary>The field (or input) at fault, e.g. "Rating", "CostItems[2].Amount"; empty when not about one field.</summary>
    public string Field { get; } = string.Empty;
}
