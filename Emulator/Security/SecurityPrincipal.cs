using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Security;

/// <summary>A role held by a principal, and the business unit its Local and Deep depths are measured from.</summary>
internal readonly record struct HeldRole(RolePrivileges Privileges, Guid AnchorBusinessUnit);

/// <summary>A privilege at a depth, measured from a business unit.</summary>
internal readonly record struct Grant(PrivilegeDepth Depth, Guid AnchorBusinessUnit);

/// <summary>
/// A user (or team) with what decides its access: its business unit, the ids that count as "itself" for ownership
/// and sharing (the user and every team it belongs to), and its roles (its own and its owner teams').
/// </summary>
internal sealed class SecurityPrincipal
{
    public SecurityPrincipal(Guid id, bool isTeam, Guid businessUnitId, IReadOnlySet<Guid> identities, IReadOnlyList<HeldRole> roles)
    {
        Id = id;
        IsTeam = isTeam;
        BusinessUnitId = businessUnitId;
        Identities = identities;
        Roles = roles;
    }

    public Guid Id { get; }

    public bool IsTeam { get; }

    public Guid BusinessUnitId { get; }

    /// <summary>The principal and its teams: a row owned by, or shared with, any of them is the principal's (Basic).</summary>
    public IReadOnlySet<Guid> Identities { get; }

    public IReadOnlyList<HeldRole> Roles { get; }

    public int PrivilegeCount => Roles.Sum(r => r.Privileges.Count);

    /// <summary>Every grant of the privilege on the table, one per role that holds it.</summary>
    public List<Grant> Grants(string table, PrivilegeType privilege)
    {
        var grants = new List<Grant>();
        foreach (var role in Roles)
        {
            if (role.Privileges.Depth(table, privilege) is { } depth)
            {
                grants.Add(new Grant(depth, role.AnchorBusinessUnit));
            }
        }

        return grants;
    }
}
