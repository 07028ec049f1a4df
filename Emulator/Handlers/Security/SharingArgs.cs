using System;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Security;
using Rapport.Emulator.Store;

namespace Rapport.Emulator.Handlers.Security;

/// <summary>The arguments the sharing messages share: a user-owned target row and a systemuser or team principal.</summary>
internal static class SharingArgs
{
    /// <summary>The target row; only user- or team-owned rows can be shared.</summary>
    public static Row Target(Organization org, ParameterCollection input)
    {
        var target = Args.Reference(input);
        var table = org.Metadata.Table(target.LogicalName);
        if (!table.IsUserOwned)
        {
            throw Fault.InvalidArgument($"The entity '{table.LogicalName}' is not user or team owned and cannot be shared.");
        }

        var id = org.Data.Resolve(table, target.Id, target.KeyAttributes, mustExist: true);
        return org.Store.Find(table.LogicalName, id)!;
    }

    public static EntityReference Principal(Organization org, ParameterCollection input, string name)
    {
        var principal = Args.Reference(input, name);
        if (principal.LogicalName is not ("systemuser" or "team"))
        {
            throw Fault.InvalidArgument($"The principal must be a systemuser or a team, not '{principal.LogicalName}'.");
        }

        _ = org.Store.Find(principal.LogicalName, principal.Id) ?? throw Fault.DoesNotExist(principal.LogicalName, principal.Id);
        return principal;
    }

    /// <summary>PrincipalAccess, or Principal + AccessMask (AccessRights or its int value).</summary>
    public static PrincipalAccess Access(Organization org, ParameterCollection input)
    {
        if (Args.Optional<PrincipalAccess>(input, "PrincipalAccess") is { } given)
        {
            _ = Principal(org, new ParameterCollection { ["Principal"] = given.Principal }, "Principal");
            return given;
        }

        var principal = Principal(org, input, "Principal");
        var mask = input.TryGetValue("AccessMask", out var value) ? value switch
        {
            AccessRights rights => rights,
            int bits => (AccessRights)bits,
            _ => throw Fault.InvalidArgument($"The parameter 'AccessMask' must be AccessRights or int, not {value?.GetType().Name ?? "null"}."),
        } : throw Fault.MissingArgument("AccessMask");
        return new PrincipalAccess(principal, mask);
    }
}
