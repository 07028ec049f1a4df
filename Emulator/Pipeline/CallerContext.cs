using System;

namespace Rapport.Emulator.Pipeline;

/// <summary>
/// Who sends a request and from where: the user it runs as, the user who started the operation, its depth (1 for a
/// caller outside, parent + 1 for a plugin's service), the plugin context that sent it, and the correlation id.
/// </summary>
public sealed record CallerContext(Guid UserId, Guid InitiatingUserId, int Depth, PluginExecutionContext? Parent, Guid CorrelationId)
{
    public static CallerContext External(Guid userId) => new(userId, userId, 1, null, Guid.NewGuid());
}
