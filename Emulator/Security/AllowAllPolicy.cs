using System;
using Rapport.Emulator.Store;

namespace Rapport.Emulator.Security;

/// <summary>The default until the role model exists: every principal may do everything.</summary>
public sealed class AllowAllPolicy : IAccessPolicy
{
    public bool HasAccess(AccessRequest request) => true;

    public Func<Row, bool>? ReadFilter(Guid userId, string table) => null;
}
