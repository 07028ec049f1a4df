using System.Collections.Generic;
using System.Linq;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Metadata;

/// <summary>The columns the platform adds to every table (audit, ownership, state, row version).</summary>
internal static class SystemColumns
{
    public const string CreatedOn = "createdon";
    public const string CreatedBy = "createdby";
    public const string ModifiedOn = "modifiedon";
    public const string ModifiedBy = "modifiedby";
    public const string OwnerId = "ownerid";
    public const string OwningBusinessUnit = "owningbusinessunit";
    public const string OwningUser = "owninguser";
    public const string OwningTeam = "owningteam";
    public const string StateCode = "statecode";
    public const string StatusCode = "statuscode";
    public const string VersionNumber = "versionnumber";
    public const string OverriddenCreatedOn = "overriddencreatedon";

    public static IEnumerable<ColumnDefinition> For(TableDefinition table) =>
        Columns(table).Select(c => StandardColumnLabels.For(table.LogicalName, c.LogicalName) is { } label ? c with { DisplayName = label } : c);

    private static IEnumerable<ColumnDefinition> Columns(TableDefinition table)
    {
        yield return Managed(CreatedOn, ColumnType.DateTime);
        yield return Managed(ModifiedOn, ColumnType.DateTime);
        yield return Managed(CreatedBy, ColumnType.Lookup, "systemuser");
        yield return Managed(ModifiedBy, ColumnType.Lookup, "systemuser");
        yield return Managed(VersionNumber, ColumnType.BigInt);
        yield return new ColumnDefinition(OverriddenCreatedOn, OverriddenCreatedOn, ColumnType.DateTime);
        if (table.Ownership == Ownership.UserOwned)
        {
            yield return new ColumnDefinition(OwnerId, OwnerId, ColumnType.Owner) { Targets = ["systemuser", "team"] };
            yield return Managed(OwningBusinessUnit, ColumnType.Lookup, "businessunit");
            yield return Managed(OwningUser, ColumnType.Lookup, "systemuser");
            yield return Managed(OwningTeam, ColumnType.Lookup, "team");
        }

        if (table.States.Count > 0)
        {
            yield return new ColumnDefinition(StateCode, StateCode, ColumnType.State)
            {
                OptionSet = new OptionSetDefinition(table.LogicalName + "_statecode", table.States.Select(s => new OptionDefinition(s.Value, s.Label)).ToArray()),
            };
            yield return new ColumnDefinition(StatusCode, StatusCode, ColumnType.Status)
            {
                OptionSet = new OptionSetDefinition(table.LogicalName + "_statuscode", table.States.SelectMany(s => s.Statuses).ToArray()),
            };
        }
    }

    private static ColumnDefinition Managed(string name, ColumnType type, params string[] targets) =>
        new(name, name, type) { IsSystemManaged = true, Targets = targets };
}
