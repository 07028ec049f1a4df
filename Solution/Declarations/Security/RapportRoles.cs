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
    /// Feed content (organization-owned, like Dataverse's own post table) carries NO Read privilege for users: a
    /// custom table gets no trimming by the regarding record from the platform, so every direct path (Retrieve,
    /// RetrieveMultiple, FetchXML aggregates and link-entities, the Web API, views, Advanced Find, exports, reports)
    /// is refused by Dataverse itself, and reads go through rapport_GetFeed and the other Custom APIs, which trim by
    /// the regarding record as the reader. Writes stay possible where the feed UI writes (posts, comments), checked
    /// column by column by FeedContentGuardPlugin; likes, mentions and revisions are written by Rapport only (Delete is
    /// kept so a post's delete may cascade to them, and the guard refuses it otherwise). Topics are the shared
    /// vocabulary (key and name only) and stay readable so people can follow them.
    /// </summary>
    private static readonly Dictionary<string, PrivilegeType[]> FeedContent = new()
    {
        [FeedTables.Post] = [PrivilegeType.Create, PrivilegeType.Write, PrivilegeType.Delete, PrivilegeType.Append, PrivilegeType.AppendTo],
        [FeedTables.Comment] = [PrivilegeType.Create, PrivilegeType.Write, PrivilegeType.Delete, PrivilegeType.Append],
        [FeedTables.Reaction] = [PrivilegeType.Delete],
        [FeedTables.Mention] = [PrivilegeType.Delete],
        [FeedTables.PostRevision] = [PrivilegeType.Delete],
        [FeedTables.Topic] = [PrivilegeType.Read],
    };

    /// <summary>Tables users must not read at all: the feed settings row holds the continuation-token secret; the moderation log records who removed what; the digest log who was sent what.</summary>
    private static readonly HashSet<string> AdministratorOnly = [FeedTables.FeedSettings, FeedTables.ModerationLog, FeedTables.DigestDelivery];

    private static IEnumerable<RolePrivilegeDefinition> UserPrivileges(TableDefinition table)
    {
        if (AdministratorOnly.Contains(table.LogicalName))
        {
            yield break;
        }

        if (FeedContent.TryGetValue(table.LogicalName, out var feedPrivileges))
        {
            foreach (var privilege in feedPrivileges)
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
