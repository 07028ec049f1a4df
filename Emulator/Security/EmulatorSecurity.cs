using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Pipeline;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Security;

/// <summary>
/// Dataverse's security model for tests: business units, users, owner teams, roles (the built-in System
/// Administrator, hand-made ones, and the solution's RoleDefinitions) and services that act as a named user.
/// Creating it replaces the emulator's allow-all policy with <see cref="DataverseAccessPolicy"/>.
/// Everything is written as rows (businessunit, systemuser, team, role, teammembership, systemuserroles, teamroles),
/// so queries see it and an Associate through the SDK has the same effect as these helpers.
/// <code>
/// var sales = env.Security.CreateBusinessUnit("Sales");
/// env.Security.CreateRole("Reader", ("account", PrivilegeType.Read, PrivilegeDepth.Local));
/// var ann = env.Security.CreateUser("Ann Lee", sales, "Reader");
/// env.AsUser(ann).RetrieveMultiple(new QueryExpression("account"));   // only Sales' accounts
/// </code>
/// </summary>
public sealed class EmulatorSecurity
{
    /// <summary>The built-in role with every privilege at Organization depth on every table.</summary>
    public const string SystemAdministrator = SecurityModel.SystemAdministrator;

    private readonly Organization _org;
    private readonly DataverseAccessPolicy _policy;

    internal EmulatorSecurity(Organization org)
    {
        _org = org;
        _policy = new DataverseAccessPolicy(org, new SecurityModel());
        org.AccessPolicy = _policy;
        AddRole(SystemAdministrator, new RolePrivileges([], isSystemAdministrator: true));
    }

    public DataverseAccessPolicy Policy => _policy;

    public Guid CreateBusinessUnit(string name, Guid? parentBusinessUnitId = null) =>
        _org.SystemCreate(new Entity("businessunit")
        {
            ["name"] = name,
            ["parentbusinessunitid"] = new EntityReference("businessunit", parentBusinessUnitId ?? _org.RootBusinessUnitId),
        });

    /// <summary>A role with these privileges (a privilege listed twice keeps its deepest depth).</summary>
    public Guid CreateRole(string name, params (string Table, PrivilegeType Privilege, PrivilegeDepth Depth)[] privileges) =>
        AddRole(name, new RolePrivileges(privileges.Select(p => new RolePrivilegeDefinition(p.Table, p.Privilege, p.Depth))));

    /// <summary>Loads declared roles (e.g. the solution's Roles); a role already loaded under that name gets the new privileges.</summary>
    public IReadOnlyList<Guid> LoadRoles(IEnumerable<RoleDefinition> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Select(r => AddRole(r.Name, new RolePrivileges(r.Privileges))).ToList();
    }

    /// <summary>An enabled user in the business unit (the root one when null) holding the named roles.</summary>
    public Guid CreateUser(string fullName, Guid? businessUnitId = null, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var parts = fullName.Split(' ', 2);
        var id = _org.SystemCreate(new Entity("systemuser")
        {
            ["firstname"] = parts.Length > 1 ? parts[0] : null,
            ["lastname"] = parts.Length > 1 ? parts[1] : parts[0],
            ["domainname"] = fullName.Replace(' ', '.').ToLowerInvariant() + "@rapport.test",
            ["businessunitid"] = new EntityReference("businessunit", businessUnitId ?? _org.RootBusinessUnitId),
            ["isdisabled"] = false,
        });
        AssignRoles(id, roles);
        return id;
    }

    /// <summary>An owner team: it can own rows, its roles apply to its members (measured from the team's business unit).</summary>
    public Guid CreateTeam(string name, Guid? businessUnitId, IEnumerable<Guid> members, params string[] roles) =>
        AddTeam(name, businessUnitId, members, 0, roles);

    /// <summary>An access team: no roles, it only receives shares for its members.</summary>
    public Guid CreateAccessTeam(string name, Guid? businessUnitId, IEnumerable<Guid> members) =>
        AddTeam(name, businessUnitId, members, 1, []);

    /// <summary>Gives a user or a team the named roles (systemuserroles / teamroles rows).</summary>
    public void AssignRoles(Guid principalId, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var isTeam = _org.Store.Find("team", principalId) is not null;
        foreach (var role in roles)
        {
            _org.SystemCreate(isTeam
                ? new Entity("teamroles") { ["teamid"] = principalId, ["roleid"] = RoleId(role) }
                : new Entity("systemuserroles") { ["systemuserid"] = principalId, ["roleid"] = RoleId(role) });
        }
    }

    public void AddMembers(Guid teamId, params Guid[] userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        foreach (var user in userIds)
        {
            _org.SystemCreate(new Entity("teammembership") { ["teamid"] = teamId, ["systemuserid"] = user });
        }
    }

    public Guid RoleId(string name) =>
        _org.Store.Rows("role").FirstOrDefault(r => string.Equals(r["name"] as string, name, StringComparison.OrdinalIgnoreCase))?.Id
        ?? throw new ArgumentException($"No security role named '{name}'. Create it with CreateRole or LoadRoles first.", nameof(name));

    /// <summary>A service acting as the user, as a caller outside Dataverse (depth 1).</summary>
    public IOrganizationService AsUser(Guid userId) => new EmulatedOrganizationService(_org, CallerContext.External(userId));

    /// <summary>The rights the user or team has on the row (what RetrievePrincipalAccess answers).</summary>
    public AccessRights RightsOf(Guid principalId, EntityReference target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var row = _org.Store.Find(target.LogicalName, target.Id) ?? throw new ArgumentException($"{target.LogicalName} {target.Id} does not exist.", nameof(target));
        return _policy.RightsOn(principalId, target.LogicalName, row);
    }

    private Guid AddTeam(string name, Guid? businessUnitId, IEnumerable<Guid> members, int teamType, string[] roles)
    {
        ArgumentNullException.ThrowIfNull(members);
        var id = _org.SystemCreate(new Entity("team")
        {
            ["name"] = name,
            ["businessunitid"] = new EntityReference("businessunit", businessUnitId ?? _org.RootBusinessUnitId),
            ["teamtype"] = new OptionSetValue(teamType),
        });
        AddMembers(id, members.ToArray());
        AssignRoles(id, roles);
        return id;
    }

    private Guid AddRole(string name, RolePrivileges privileges)
    {
        var existing = _org.Store.Rows("role").FirstOrDefault(r => string.Equals(r["name"] as string, name, StringComparison.OrdinalIgnoreCase));
        var id = existing?.Id ?? _org.SystemCreate(new Entity("role")
        {
            ["name"] = name,
            ["businessunitid"] = new EntityReference("businessunit", _org.RootBusinessUnitId),
        });
        _policy.Model.Add(id, privileges);
        return id;
    }
}
