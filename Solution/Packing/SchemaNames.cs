using System.Collections.Generic;

namespace Rapport.Solution.Packing;

/// <summary>
/// Schema names as exports write them. Rapport declares its names in lower case, so its schema name is its logical
/// name; the platform's standard tables carry Pascal-case schema names (Account, Contact, ...).
/// </summary>
internal static class SchemaNames
{
    private static readonly Dictionary<string, string> Standard = new(System.StringComparer.Ordinal)
    {
        ["account"] = "Account",
        ["contact"] = "Contact",
        ["systemuser"] = "SystemUser",
        ["team"] = "Team",
        ["businessunit"] = "BusinessUnit",
        ["campaign"] = "Campaign",
        ["lead"] = "Lead",
        ["opportunity"] = "Opportunity",
        ["activitypointer"] = "ActivityPointer",
        ["annotation"] = "Annotation",
        ["transactioncurrency"] = "TransactionCurrency",
    };

    /// <summary>The platform's own columns keep the platform's schema names in exports (CreatedBy, OwnerId, ...).</summary>
    private static readonly Dictionary<string, string> SystemColumns = new(System.StringComparer.Ordinal)
    {
        ["createdby"] = "CreatedBy",
        ["createdon"] = "CreatedOn",
        ["createdonbehalfby"] = "CreatedOnBehalfBy",
        ["modifiedby"] = "ModifiedBy",
        ["modifiedon"] = "ModifiedOn",
        ["modifiedonbehalfby"] = "ModifiedOnBehalfBy",
        ["ownerid"] = "OwnerId",
        ["owningbusinessunit"] = "OwningBusinessUnit",
        ["owningteam"] = "OwningTeam",
        ["owninguser"] = "OwningUser",
        ["organizationid"] = "OrganizationId",
        ["importsequencenumber"] = "ImportSequenceNumber",
        ["overriddencreatedon"] = "OverriddenCreatedOn",
        ["timezoneruleversionnumber"] = "TimeZoneRuleVersionNumber",
        ["utcconversiontimezonecode"] = "UTCConversionTimeZoneCode",
        ["versionnumber"] = "VersionNumber",
    };

    public static string Of(string logicalName) => Standard.GetValueOrDefault(logicalName, logicalName);

    /// <summary>
    /// A column's PhysicalName: the platform's name for system columns, table schema name + "Id" for the primary key
    /// (ppds_City → ppds_CityId in exports), else the declared (lower-case) name.
    /// </summary>
    public static string OfColumn(Model.TableDefinition table, Model.ColumnDefinition column)
    {
        if (column.IsPrimaryId && column.LogicalName == table.LogicalName + "id")
        {
            return Of(table.LogicalName) + "Id";
        }

        return SystemColumns.GetValueOrDefault(column.LogicalName, column.LogicalName);
    }
}
