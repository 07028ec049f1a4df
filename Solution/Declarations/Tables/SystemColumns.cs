using System.Collections.Generic;
using Rapport.Solution.Model;

namespace Rapport.Solution.Declarations.Tables;

/// <summary>
/// The columns the platform gives every table of an ownership kind (key, audit stamps, owner, state). Declared so the
/// emulator and the packer see the same table Dataverse creates; Rapport never writes the system-managed ones.
/// </summary>
public static class SystemColumns
{
    public static IReadOnlyList<StateDefinition> ActiveInactive { get; } =
    [
        new(0, "Active", [new OptionDefinition(1, "Active")]),
        new(1, "Inactive", [new OptionDefinition(2, "Inactive")]),
    ];

    public static IEnumerable<ColumnDefinition> For(string table, string displayName, Ownership ownership)
    {
        yield return new ColumnDefinition(table + "id", displayName, ColumnType.Uniqueidentifier)
        {
            IsPrimaryId = true,
            RequiredLevel = RequiredLevel.SystemRequired,
            Description = $"Unique identifier of the {displayName}.",
        };
        yield return System("createdon", "Created On", ColumnType.DateTime);
        yield return System("modifiedon", "Modified On", ColumnType.DateTime);
        yield return System("createdby", "Created By", ColumnType.Lookup, "systemuser");
        yield return System("modifiedby", "Modified By", ColumnType.Lookup, "systemuser");
        yield return System("versionnumber", "Version Number", ColumnType.BigInt);
        if (ownership == Ownership.UserOwned)
        {
            yield return System("ownerid", "Owner", ColumnType.Owner, "systemuser", "team") with { RequiredLevel = RequiredLevel.SystemRequired };
            yield return System("owningbusinessunit", "Owning Business Unit", ColumnType.Lookup, "businessunit");
            yield return System("owninguser", "Owning User", ColumnType.Lookup, "systemuser");
            yield return System("owningteam", "Owning Team", ColumnType.Lookup, "team");
        }
        else if (ownership == Ownership.OrganizationOwned)
        {
            yield return System("organizationid", "Organization", ColumnType.Lookup, "organization");
        }

        yield return new ColumnDefinition("statecode", "Status", ColumnType.State) { RequiredLevel = RequiredLevel.SystemRequired };
        yield return new ColumnDefinition("statuscode", "Status Reason", ColumnType.Status);
    }

    private static ColumnDefinition System(string name, string display, ColumnType type, params string[] targets) =>
        new(name, display, type) { IsSystemManaged = true, Targets = targets };
}
