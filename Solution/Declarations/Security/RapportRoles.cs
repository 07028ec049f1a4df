using System.Collections.Generic;
using System.Linq;
using Rapport.Solution.Declarations.Tables;
using Rapport.Solution.Model;

namespace Rapport.Solution.Declarations.Security;

/// <summary>
/// Rapport's two roles, computed from the table list so a new Rapport table is covered without touching this file.
/// Users work their own rows and read their business unit's; administrators have everything organization-wide.
/// </summary>
public static class RapportRoles
{
    public const string User = "Rapport User";
    public const string Administrator = "Rapport Administrator";

    public static IReadOnlyList<RoleDefinition> Build(IEnumerable<TableDefinition> tables)
    {
        var rapportTables = tables.Where(t => t.IsCustom).OrderBy(t => t.LogicalName, System.StringComparer.Ordinal).ToList();
        return
        [
            new RoleDefinition(User, "Uses Rapport: works own rows, reads the business unit's and Rapport's shared settings.", rapportTables.SelectMany(UserPrivileges).ToList()),
            new RoleDefinition(Administrator, "Administers Rapport: every privilege on every Rapport table, organization-wide.", rapportTables.SelectMany(AdministratorPrivileges).ToList()),
        ];
    }

    /// <summary>
    /// Organization-owned tables users write to through the feed (as Dataverse's own post table is): who may edit or
    /// delete which row is decided by the feed plugins (author or administrator), visibility by the regarding record.
    /// </summary>
    private static readonly HashSet<string> FeedContent =
    [
        FeedTables.Post, FeedTables.Comment, FeedTables.Reaction, FeedTables.Mention, FeedTables.Topic, FeedTables.PostRevision,
    ];

    /// <summary>Tables users must not read at all: the feed settings row holds the continuation-token secret.</summary>
    private static readonly HashSet<string> AdministratorOnly = [FeedTables.FeedSettings];

    private static IEnumerable<RolePrivilegeDefinition> UserPrivileges(TableDefinition table)
    {
        if (AdministratorOnly.Contains(table.LogicalName))
        {
            yield break;
        }

        if (FeedContent.Contains(table.LogicalName))
        {
            foreach (var privilege in new[] { PrivilegeType.Create, PrivilegeType.Read, PrivilegeType.Write, PrivilegeType.Delete, PrivilegeType.Append, PrivilegeType.AppendTo })
            {
                yield return new(table.LogicalName, privilege, PrivilegeDepth.Global);
            }

            yield break;
        }

        if (table.Ownership == Ownership.OrganizationOwned)
        {
            yield return new(table.LogicalName, PrivilegeType.Read, PrivilegeDepth.Global);
            yield return new(table.LogicalName, PrivilegeType.AppendTo, PrivilegeDepth.Global);
            yield break;
        }

        yield return new(table.LogicalName, PrivilegeType.Create, PrivilegeDepth.Basic);
        yield return new(table.LogicalName, PrivilegeType.Read, PrivilegeDepth.Local);
        yield return new(table.LogicalName, PrivilegeType.Write, PrivilegeDepth.Basic);
        yield return new(table.LogicalName, PrivilegeType.Delete, PrivilegeDepth.Basic);
        yield return new(table.LogicalName, PrivilegeType.Append, PrivilegeDepth.Basic);
        yield return new(table.LogicalName, PrivilegeType.AppendTo, PrivilegeDepth.Local);
        yield return new(table.LogicalName, PrivilegeType.Assign, PrivilegeDepth.Basic);
        yield return new(table.LogicalName, PrivilegeType.Share, PrivilegeDepth.Basic);
    }

    private static IEnumerable<RolePrivilegeDefinition> AdministratorPrivileges(TableDefinition table)
    {
        var organizationOwned = table.Ownership == Ownership.OrganizationOwned;
        foreach (var privilege in System.Enum.GetValues<PrivilegeType>())
        {
            if (!(organizationOwned && privilege is PrivilegeType.Assign or PrivilegeType.Share))
            {
                yield return new(table.LogicalName, privilege, PrivilegeDepth.Global);
            }
        }
    }
}
