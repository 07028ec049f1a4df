using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Emulator;
using Rapport.Solution.Declarations.Security;
using Rapport.Solution.Model;

namespace Rapport.LocalEnvironment.Samples;

/// <summary>
/// The sample users' roles, so the sample works with security on: a CRM-like role of the kind's staff (customers and
/// their orders in the business unit; users, teams and units readable, as Dataverse's Basic User has them) and, once
/// Rapport is imported, "Rapport User". The emulator keeps role privileges in memory: <see cref="Restore"/> gives a
/// stored sample role its privileges back at every start.
/// </summary>
internal static class SampleRoles
{
    public const string Fundraiser = "Fundraiser";
    public const string Salesperson = "Salesperson";

    private static readonly string[] Customers = ["contact", "account", "opportunity", "salesorder", "invoice"];
    private static readonly string[] Directory = ["systemuser", "team", "businessunit", "role"];

    public static string For(string kind) => kind == SampleData.Nonprofit ? Fundraiser : Salesperson;

    /// <summary>Creates (or finds) the kind's role with its privileges and returns its name.</summary>
    public static string Define(DataverseEmulator env, string kind)
    {
        var name = For(kind);
        env.Security.CreateRole(name, Privileges().ToArray());
        return name;
    }

    /// <summary>Gives each stored sample role its privileges again (no-op in an environment without the sample).</summary>
    public static void Restore(DataverseEmulator env)
    {
        foreach (var kind in new[] { SampleData.Nonprofit, SampleData.Sales })
        {
            if (env.Store.Rows("role").Any(r => string.Equals(r["name"] as string, For(kind), StringComparison.OrdinalIgnoreCase)))
            {
                Define(env, kind);
            }
        }
    }

    /// <summary>"Rapport User" for each user that does not hold it yet (the role exists once Rapport is imported).</summary>
    public static void GrantRapportUser(DataverseEmulator env, IEnumerable<Guid> users)
    {
        var role = env.Security.RoleId(RapportRoles.User);
        foreach (var user in users)
        {
            if (!env.Store.Rows("systemuserroles").Any(r => r["systemuserid"] is Guid u && u == user && r["roleid"] is Guid held && held == role))
            {
                env.Security.AssignRoles(user, RapportRoles.User);
            }
        }
    }

    private static IEnumerable<(string, PrivilegeType, PrivilegeDepth)> Privileges()
    {
        foreach (var table in Customers)
        {
            yield return (table, PrivilegeType.Create, PrivilegeDepth.Basic);
            yield return (table, PrivilegeType.Read, PrivilegeDepth.Local);
            yield return (table, PrivilegeType.Write, PrivilegeDepth.Local); // the team updates each other's customers
            yield return (table, PrivilegeType.Delete, PrivilegeDepth.Basic);
            yield return (table, PrivilegeType.Append, PrivilegeDepth.Local);
            yield return (table, PrivilegeType.AppendTo, PrivilegeDepth.Local);
            yield return (table, PrivilegeType.Assign, PrivilegeDepth.Basic);
            yield return (table, PrivilegeType.Share, PrivilegeDepth.Basic);
        }

        foreach (var table in Directory)
        {
            yield return (table, PrivilegeType.Read, PrivilegeDepth.Global);
            yield return (table, PrivilegeType.AppendTo, PrivilegeDepth.Global);
        }
    }
}
