using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Store;

namespace Rapport.Emulator.Security;

/// <summary>
/// Who holds which roles and belongs to which teams, read from the platform's intersect rows (systemuserroles,
/// teamroles, teammembership), so an Associate through the SDK changes access exactly as the helpers do.
/// </summary>
internal static class RoleAssignments
{
    private const int OwnerTeam = 0;

    public static SecurityPrincipal Resolve(EntityStore store, SecurityModel model, Guid principalId, Guid rootBusinessUnit)
    {
        if (store.Find("team", principalId) is { } team)
        {
            var unit = UnitOf(team, rootBusinessUnit);
            return new SecurityPrincipal(principalId, true, unit, new HashSet<Guid> { principalId }, TeamRoles(store, model, team, unit).ToList());
        }

        var user = store.Find("systemuser", principalId);
        var userUnit = user is null ? rootBusinessUnit : UnitOf(user, rootBusinessUnit);
        var identities = new HashSet<Guid> { principalId };
        var roles = RolesOf(store, model, "systemuserroles", "systemuserid", principalId, userUnit).ToList();
        foreach (var membership in store.Rows("teammembership").Where(r => r["systemuserid"] is Guid u && u == principalId).ToList())
        {
            if (membership["teamid"] is Guid teamId && store.Find("team", teamId) is { } memberOf)
            {
                identities.Add(teamId);

                // Owner teams' roles apply to their members, measured from the team's business unit;
                // access teams carry no roles (they only receive shares).
                roles.AddRange(TeamRoles(store, model, memberOf, UnitOf(memberOf, rootBusinessUnit)));
            }
        }

        return new SecurityPrincipal(principalId, false, userUnit, identities, roles);
    }

    private static IEnumerable<HeldRole> TeamRoles(EntityStore store, SecurityModel model, Row team, Guid unit)
    {
        var type = team["teamtype"] is OptionSetValue option ? option.Value : OwnerTeam;
        return type == OwnerTeam ? RolesOf(store, model, "teamroles", "teamid", team.Id, unit) : [];
    }

    private static IEnumerable<HeldRole> RolesOf(EntityStore store, SecurityModel model, string intersect, string column, Guid principal, Guid unit)
    {
        foreach (var row in store.Rows(intersect))
        {
            if (row[column] is Guid holder && holder == principal && row["roleid"] is Guid roleId && model.Find(roleId) is { } privileges)
            {
                yield return new HeldRole(privileges, unit);
            }
        }
    }

    private static Guid UnitOf(Row row, Guid root) => row["businessunitid"] is EntityReference unit ? unit.Id : root;
}
