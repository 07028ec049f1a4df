namespace Rapport.Domain.Feed;

/// <summary>A #topic: <see cref="Key"/> is its identity (lower-case, single spaces), <see cref="Display"/> as first written.</summary>
public sealed record Topic(string Key, string Display);
