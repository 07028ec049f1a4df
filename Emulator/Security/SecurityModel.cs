using System;
using System.Collections.Generic;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Security;

/// <summary>
/// The privileges of each security role (the role rows themselves live in the store's role table; Dataverse keeps
/// the privileges in roleprivileges, which the emulator does not model as rows).
/// </summary>
internal sealed class SecurityModel
{
    /// <summary>The built-in role that holds every privilege at Organization depth on every table.</summary>
    public const string SystemAdministrator = "System Administrator";

    private readonly Dictionary<Guid, RolePrivileges> _roles = new();

    public void Add(Guid roleId, RolePrivileges privileges) => _roles[roleId] = privileges;

    public RolePrivileges? Find(Guid roleId) => _roles.GetValueOrDefault(roleId);
}

/// <summary>One role's privileges: the deepest depth held per (table, privilege); or all of them, everywhere.</summary>
internal sealed class RolePrivileges
{
    private readonly Dictionary<(string Table, PrivilegeType Privilege), PrivilegeDepth> _depths = new();

    public RolePrivileges(IEnumerable<RolePrivilegeDefinition> privileges, bool isSystemAdministrator = false)
    {
        IsSystemAdministrator = isSystemAdministrator;
        foreach (var privilege in privileges)
        {
            var key = (privilege.Table, privilege.Privilege);
            if (!_depths.TryGetValue(key, out var held) || held < privilege.Depth)
            {
                _depths[key] = privilege.Depth;
            }
        }
    }

    public bool IsSystemAdministrator { get; }

    public int Count => _depths.Count;

    public PrivilegeDepth? Depth(string table, PrivilegeType privilege) =>
        IsSystemAdministrator ? PrivilegeDepth.Global : _depths.TryGetValue((table, privilege), out var depth) ? depth : null;
}
