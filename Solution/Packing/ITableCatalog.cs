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
    /// <summary>The platform's standard tables as the emulator knows them (Model/StandardTables).</summary>
    public static ITableCatalog Standard { get; } = From(StandardTables.Find);

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
