using System;
using System.Globalization;
using System.Security.Cryptography;
using System.ServiceModel;
using System.Text;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Metadata;

namespace Rapport.Emulator.Security;

/// <summary>
/// Dataverse's access faults: PrivilegeDenied (0x80040220) for a privilege the principal's roles lack at any depth, and
/// the access-check fault (0x80048306) for a row the principal holds the privilege for but cannot reach (depth too
/// shallow, team-owned elsewhere, not shared or share revoked).
/// </summary>
internal static class PrivilegeDeniedFault
{
    /// <summary>"Principal user (Id=…, type=8, roleCount=…, privilegeCount=…, accessMode=0), is missing prvReadx
    /// privilege (Id=…) on OTC=… for entity 'x'." as Dataverse words it.</summary>
    public static FaultException<OrganizationServiceFault> MissingPrivilege(SecurityPrincipal principal, string privilegeName, TableMetadata table) =>
        Fault.Create(ErrorCodes.PrivilegeDenied, string.Create(CultureInfo.InvariantCulture,
            $"{Describe(principal)}, is missing {privilegeName} privilege (Id={StableId(privilegeName):D}) on OTC={TypeCode(table)} for entity '{table.LogicalName}'. context.Caller={principal.Id:D}"));

    /// <summary>"… does not have ReadAccess right(s) for record with Id = … of entity x."</summary>
    public static FaultException<OrganizationServiceFault> MissingRight(SecurityPrincipal principal, AccessRights right, string table, Guid rowId) =>
        Fault.Create(ErrorCodes.AccessCheckFailed, string.Create(CultureInfo.InvariantCulture,
            $"{Describe(principal)}, does not have {right} right(s) for record with Id = {rowId:D} of entity {table}."));

    private static string Describe(SecurityPrincipal principal) => string.Create(CultureInfo.InvariantCulture,
        $"Principal {(principal.IsTeam ? "team" : "user")} (Id={principal.Id:D}, type={(principal.IsTeam ? 9 : 8)}, roleCount={principal.Roles.Count}, privilegeCount={principal.PrivilegeCount}, accessMode=0)");

    // Custom tables get their object type code at import (10000 and up); the emulator derives a stable one from the name.
    private static int TypeCode(TableMetadata table) =>
        table.Definition.ObjectTypeCode ?? 10000 + (int)(BitConverter.ToUInt32(Hash(table.LogicalName), 0) % 90000);

    // Privilege ids differ per organization in Dataverse; a name-derived id keeps faults repeatable.
    private static Guid StableId(string name) => new(Hash(name).AsSpan(0, 16));

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
