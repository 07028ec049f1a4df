using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Solution.Model;

namespace Rapport.Solution.Packing;

/// <summary>The platform's standard tables (contact, account, ...) a step, lookup or API may name besides Rapport's own.</summary>
public interface ITableCatalog
{
    /// <summary>The standard table, or null when the platform has no such table. Columns may be empty when unknown.</summary>
    TableDefinition? Find(string logicalName);
}

/// <summary>Catalogue adapters: from a lookup function (e.g. the emulator's StandardTables) or from a fixed list.</summary>
public static class TableCatalog
{
    /// <summary>
    /// Names only, used until the full standard-table catalogue is plugged in: tables Rapport's features touch.
    /// Their columns are unknown here, so image and filtering columns on them are not checked by this fallback.
    /// </summary>
    public static ITableCatalog Fallback { get; } = FromNames(
        "account", "contact", "systemuser", "team", "businessunit", "campaign", "lead", "opportunity",
        "activitypointer", "annotation", "email", "phonecall", "task", "appointment", "queue", "transactioncurrency");

    public static ITableCatalog From(Func<string, TableDefinition?> find) => new FunctionCatalog(find);

    public static ITableCatalog FromTables(IEnumerable<TableDefinition> tables)
    {
        var byName = tables.ToDictionary(t => t.LogicalName, StringComparer.Ordinal);
        return new FunctionCatalog(name => byName.GetValueOrDefault(name));
    }

    public static ITableCatalog FromNames(params string[] names) =>
        FromTables(names.Select(n => new TableDefinition(n, n, n + "s")));

    private sealed class FunctionCatalog(Func<string, TableDefinition?> find) : ITableCatalog
    {
        public TableDefinition? Find(string logicalName) => find(logicalName);
    }
}
