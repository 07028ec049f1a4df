using System;

namespace Rapport.Domain.Feed;

/// <summary>What kind of feed rule was broken; adapters may map it to an HTTP-like status, the message is for people.</summary>
public enum FeedError
{
    InvalidText,
    InvalidMention,
    TooManyMentions,
    InvalidConfiguration,
    InvalidRule,
    InvalidQuery,
    InvalidToken,
    NotAllowed,
}

/// <summary>
/// The feed domain's one exception: its message says what is wrong and what to do, in words an admin or user can act
/// on. Adapters turn it into InvalidPluginExecutionException; it never escapes the sandbox as itself.
/// </summary>
public sealed class FeedException : Exception
{
    public FeedException(FeedError error, string message)
        : base(message)
    {
        Error = error;
    }

    public FeedException()
        : base("The feed request was refused.")
    {
    }

    public FeedException(string message)
        : base(message)
    {
    }

    public FeedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FeedError Error { get; }
}
