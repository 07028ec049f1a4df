using System;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Security;

/// <summary>
/// Dataverse's AccessRights flags (Microsoft.Crm.Sdk.AccessRights, with the platform's values). The SDK contract has
/// no Microsoft.Crm.Sdk.Proxy, so the emulator's sharing messages take and return this enum (or its int value).
/// </summary>
[Flags]
public enum AccessRights
{
    None = 0,
    ReadAccess = 1,
    WriteAccess = 2,
    AppendAccess = 4,
    AppendToAccess = 16,
    CreateAccess = 32,
    DeleteAccess = 65536,
    ShareAccess = 262144,
    AssignAccess = 524288,
}

/// <summary>Which access right a share must carry to stand in for a privilege on one row.</summary>
public static class AccessRightsOf
{
    public static AccessRights Privilege(PrivilegeType privilege) => privilege switch
    {
        PrivilegeType.Read => AccessRights.ReadAccess,
        PrivilegeType.Write => AccessRights.WriteAccess,
        PrivilegeType.Append => AccessRights.AppendAccess,
        PrivilegeType.AppendTo => AccessRights.AppendToAccess,
        PrivilegeType.Create => AccessRights.CreateAccess,
        PrivilegeType.Delete => AccessRights.DeleteAccess,
        PrivilegeType.Share => AccessRights.ShareAccess,
        PrivilegeType.Assign => AccessRights.AssignAccess,
        _ => AccessRights.None,
    };
}
