using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Emulator.Metadata;
using Rapport.Solution.Model;

namespace Rapport.LocalEnvironment.Security;

/// <summary>
/// A zip's Roles (RolePrivilege name="prvReadrapport_Post" level="Local") as role definitions the emulator's security
/// model loads, so an imported role grants locally what it grants in Dataverse. Unknown privileges are skipped.
/// </summary>
internal static class ZipRoles
{
    // Longest verb first: "prvAppendTo..." must not be read as Append on a table "To...".
    private static readonly PrivilegeType[] Verbs = Enum.GetValues<PrivilegeType>().OrderByDescending(p => p.ToString().Length).ToArray();

    public static IReadOnlyList<RoleDefinition> Read(MetadataCatalog metadata, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> roles) =>
        roles.Select(role => new RoleDefinition(
            role.Key,
            string.Empty,
            role.Value.Select(p => Privilege(metadata, p.Key, p.Value)).OfType<RolePrivilegeDefinition>().ToList())).ToList();

    private static RolePrivilegeDefinition? Privilege(MetadataCatalog metadata, string name, string level)
    {
        if (!name.StartsWith("prv", StringComparison.Ordinal) || !Enum.TryParse<PrivilegeDepth>(level, ignoreCase: true, out var depth))
        {
            return null;
        }

        foreach (var verb in Verbs)
        {
            var prefix = "prv" + verb;
            if (name.StartsWith(prefix, StringComparison.Ordinal) && metadata.Find(name[prefix.Length..].ToLowerInvariant()) is { } table)
            {
                return new RolePrivilegeDefinition(table.LogicalName, verb, depth);
            }
        }

        return null;
    }
}
