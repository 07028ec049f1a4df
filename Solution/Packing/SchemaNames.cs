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

    public static string Of(string logicalName) => Standard.GetValueOrDefault(logicalName, logicalName);
}
