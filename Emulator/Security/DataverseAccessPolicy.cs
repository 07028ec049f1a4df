using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Metadata;
using Rapport.Emulator.Store;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Security;

/// <summary>
/// Dataverse's record-level security: roles with privileges at a depth, ownership by users and teams, business
/// units and sharing. SYSTEM bypasses every check. Installed by <see cref="EmulatorSecurity"/>.
/// </summary>
public sealed class DataverseAccessPolicy : IAccessPolicy
{
    private static readonly PrivilegeType[] RowPrivileges =
        [PrivilegeType.Read, PrivilegeType.Write, PrivilegeType.Append, PrivilegeType.AppendTo, PrivilegeType.Delete, PrivilegeType.Assign, PrivilegeType.Share];

    private readonly Organization _org;

    internal DataverseAccessPolicy(Organization org, SecurityModel model)
    {
        _org = org;
        Model = model;
        Sharing = new SharingStore(org.Store);
    }

    internal SecurityModel Model { get; }

    internal SharingStore Sharing { get; }

    public bool HasAccess(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Decide(request) is null;
    }

    public FaultException<OrganizationServiceFault> Denied(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Decide(request) ?? Fault.PrivilegeDenied(request.UserId, "prv" + request.Privilege + request.Table, request.Table);
    }

    public Func<Row, bool>? ReadFilter(Guid userId, string table)
    {
        if (userId == _org.SystemUserId || Governed(table) is not { } meta)
        {
            return null;
        }

        var principal = Resolve(userId);
        var grants = principal.Grants(table, PrivilegeType.Read);
        if (grants.Count == 0)
        {
            // Dataverse refuses the whole query (root or linked table) rather than returning no rows: "Principal user
            // ... is missing prvRead<table> privilege", as RetrieveMultiple, FetchXML and the Web API report it.
            throw PrivilegeDeniedFault.MissingPrivilege(principal, "prvRead" + meta.LogicalName, meta);
        }

        // Organization-owned tables: holding Read at any depth shows every row. Global depth does the same.
        if (!meta.IsUserOwned || grants.Any(g => g.Depth == PrivilegeDepth.Global))
        {
            return null;
        }

        var units = ReachableUnits(grants);
        var identities = principal.Identities;
        var shared = Sharing.SharedRows(table, identities, AccessRights.ReadAccess);
        return row => (row["ownerid"] is EntityReference owner && identities.Contains(owner.Id))
            || (row["owningbusinessunit"] is EntityReference unit && units.Contains(unit.Id))
            || shared.Contains(row.Id);
    }

    /// <summary>What RetrievePrincipalAccess returns: every right the principal has on the row, from roles or shares.</summary>
    public AccessRights RightsOn(Guid principalId, string table, Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var rights = AccessRights.None;
        foreach (var privilege in RowPrivileges)
        {
            if (Decide(new AccessRequest(principalId, privilege, table, row)) is null)
            {
                rights |= AccessRightsOf.Privilege(privilege);
            }
        }

        return rights;
    }

    /// <summary>Null when allowed; otherwise the fault Dataverse raises.</summary>
    private FaultException<OrganizationServiceFault>? Decide(AccessRequest request)
    {
        if (request.UserId == _org.SystemUserId || Governed(request.Table) is not { } table)
        {
            return null;
        }

        var principal = Resolve(request.UserId);
        var grants = principal.Grants(table.LogicalName, request.Privilege);
        if (grants.Count == 0)
        {
            return PrivilegeDeniedFault.MissingPrivilege(principal, "prv" + request.Privilege + table.LogicalName, table);
        }

        // Organization-owned tables have no owner: the privilege's presence (any depth) covers every row.
        if (!table.IsUserOwned || request.Row is not { } row)
        {
            return null;
        }

        if (request.Privilege == PrivilegeType.Create)
        {
            // Create at any depth lets a user create rows it (or one of its teams) owns; a row created for another
            // owner is also an assignment, which needs the Assign privilege.
            if (request.OwnerId is not { } owner || principal.Identities.Contains(owner)
                || principal.Grants(table.LogicalName, PrivilegeType.Assign).Count > 0)
            {
                return null;
            }

            return PrivilegeDeniedFault.MissingPrivilege(principal, "prvAssign" + table.LogicalName, table);
        }

        if (InScope(principal, grants, row))
        {
            return null;
        }

        // A share stands in for the depth, not for the privilege: the roles must hold it at some depth (checked above).
        var right = AccessRightsOf.Privilege(request.Privilege);
        return (Sharing.RightsOn(table.LogicalName, row.Id, principal.Identities) & right) == right
            ? null
            : PrivilegeDeniedFault.MissingRight(principal, right, table.LogicalName, row.Id);
    }

    /// <summary>
    /// Whether a grant's depth reaches the row. Every depth includes Basic: rows owned by the user or by a team it
    /// belongs to. Local adds rows owned in the anchor business unit (the user's, or the owner team's for a team
    /// role); Deep adds the units below it; Global reaches every row.
    /// </summary>
    private bool InScope(SecurityPrincipal principal, List<Grant> grants, Row row)
    {
        if (grants.Any(g => g.Depth == PrivilegeDepth.Global)
            || (row["ownerid"] is EntityReference owner && principal.Identities.Contains(owner.Id)))
        {
            return true;
        }

        return row["owningbusinessunit"] is EntityReference unit && ReachableUnits(grants).Contains(unit.Id);
    }

    private HashSet<Guid> ReachableUnits(List<Grant> grants)
    {
        var units = new HashSet<Guid>();
        BusinessUnitTree? tree = null;
        foreach (var grant in grants)
        {
            if (grant.Depth == PrivilegeDepth.Local)
            {
                units.Add(grant.AnchorBusinessUnit);
            }
            else if (grant.Depth == PrivilegeDepth.Deep)
            {
                tree ??= new BusinessUnitTree(_org.Store);
                units.UnionWith(tree.SubtreeOf(grant.AnchorBusinessUnit));
            }
        }

        return units;
    }

    private SecurityPrincipal Resolve(Guid principalId) => RoleAssignments.Resolve(_org.Store, Model, principalId, _org.RootBusinessUnitId);

    // Intersect tables (Ownership None) carry no privileges of their own: the Associate that writes them is checked.
    private TableMetadata? Governed(string table) =>
        _org.Metadata.Find(table) is { } meta && meta.Definition.Ownership != Ownership.None ? meta : null;
}
