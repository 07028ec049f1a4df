using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator;
using Rapport.Emulator.Security;

namespace Rapport.LocalEnvironment.Security;

/// <summary>
/// The user the bearer token stands for: "Local Administrator", a System Administrator in the root business unit.
/// Dataverse runs a Web API call as its authenticated user, never as SYSTEM, so the local environment does too; the
/// row is created on first start and found again by its domain name (it is stored with the other rows).
/// </summary>
internal static class LocalUsers
{
    public const string AdministratorDomainName = "administrator@rapport.local";

    /// <summary>Turns on Dataverse's role model (first use of env.Security) and returns the local administrator's id.</summary>
    public static Guid Secure(DataverseEmulator env)
    {
        var security = env.Security;
        if (env.Store.Rows("systemuser").FirstOrDefault(r => string.Equals(r["domainname"] as string, AdministratorDomainName, StringComparison.OrdinalIgnoreCase)) is { } stored)
        {
            return stored.Id;
        }

        var id = env.Organization.SystemCreate(new Entity("systemuser")
        {
            ["firstname"] = "Local",
            ["lastname"] = "Administrator",
            ["domainname"] = AdministratorDomainName,
            ["internalemailaddress"] = AdministratorDomainName,
            ["businessunitid"] = new EntityReference("businessunit", env.RootBusinessUnitId),
            ["isdisabled"] = false,
        });
        security.AssignRoles(id, EmulatorSecurity.SystemAdministrator);
        return id;
    }

    /// <summary>True when the user holds System Administrator (which carries prvActOnBehalfOfAnotherUser), or is SYSTEM.</summary>
    public static bool MayImpersonate(DataverseEmulator env, Guid userId)
    {
        if (userId == env.SystemUserId)
        {
            return true;
        }

        var admin = env.Security.RoleId(EmulatorSecurity.SystemAdministrator);
        return env.Store.Rows("systemuserroles").Any(r => r["systemuserid"] is Guid u && u == userId && r["roleid"] is Guid role && role == admin);
    }
}
