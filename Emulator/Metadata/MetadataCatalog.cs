using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Emulator.Faults;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Metadata;

/// <summary>
/// Every table, relationship and key the emulator knows: the standard catalogue merged with the solution's
/// declarations (a solution table with a standard name adds its columns and keys to the standard one).
/// </summary>
public sealed class MetadataCatalog
{
    /// <summary>A table can have up to ten alternate keys.</summary>
    public const int MaxKeysPerTable = 10;

    /// <summary>SQL's index limit: 16 columns per key.</summary>
    public const int MaxKeyColumns = 16;

    private readonly Dictionary<string, TableMetadata> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ManyToManyRelationship> _manyToMany = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OneToManyRelationship> _oneToMany = new(StringComparer.Ordinal);

    public MetadataCatalog(SolutionDefinition? solution)
    {
        var definitions = StandardTables.All.ToDictionary(t => t.LogicalName, StringComparer.Ordinal);
        foreach (var table in solution?.Tables ?? [])
        {
            definitions[table.LogicalName] = definitions.TryGetValue(table.LogicalName, out var standard) ? Merge(standard, table) : table;
        }

        var manyToMany = StandardTables.ManyToMany.Concat(solution?.ManyToManyRelationships ?? []).ToList();
        foreach (var relationship in manyToMany)
        {
            _manyToMany[relationship.SchemaName] = relationship;
            if (!definitions.ContainsKey(relationship.IntersectEntity))
            {
                definitions[relationship.IntersectEntity] = IntersectTable(relationship, definitions);
            }
        }

        foreach (var definition in definitions.Values)
        {
            _tables[definition.LogicalName] = new TableMetadata(definition);
        }

        foreach (var relationship in StandardTables.OneToMany.Concat(solution?.Relationships ?? []))
        {
            _oneToMany[relationship.SchemaName] = relationship;
        }

        // Lookups without a declared relationship still get one (RemoveLink), so deletes clear them as Dataverse does.
        foreach (var table in _tables.Values)
        {
            foreach (var column in table.Columns.Where(c => c.Type is ColumnType.Lookup or ColumnType.Customer && !c.IsSystemManaged))
            {
                foreach (var target in column.Targets)
                {
                    var exists = _oneToMany.Values.Any(r => r.ReferencingEntity == table.LogicalName && r.ReferencingAttribute == column.LogicalName && r.ReferencedEntity == target);
                    if (!exists)
                    {
                        var name = $"{target}_{table.LogicalName}_{column.LogicalName}";
                        _oneToMany[name] = new OneToManyRelationship(name, target, table.LogicalName, column.LogicalName);
                    }
                }
            }
        }
    }

    public IEnumerable<TableMetadata> Tables => _tables.Values;

    /// <summary>Labels in languages other than 1033 (RetrieveEntity returns them beside the base language's).</summary>
    public Translations Translations { get; } = new();

    public IEnumerable<OneToManyRelationship> OneToMany => _oneToMany.Values;

    public TableMetadata? Find(string? logicalName) =>
        logicalName is not null && _tables.TryGetValue(logicalName, out var table) ? table : null;

    /// <summary>The table, or the fault Dataverse raises for an unknown table name.</summary>
    public TableMetadata Table(string? logicalName) =>
        string.IsNullOrEmpty(logicalName) ? throw Fault.MissingArgument("EntityName") : Find(logicalName) ?? throw Fault.NoEntity(logicalName);

    public ManyToManyRelationship? ManyToManyNamed(string schemaName) => _manyToMany.TryGetValue(schemaName, out var r) ? r : null;

    public OneToManyRelationship? OneToManyNamed(string schemaName) => _oneToMany.TryGetValue(schemaName, out var r) ? r : null;

    public IEnumerable<ManyToManyRelationship> ManyToManyOf(string table) =>
        _manyToMany.Values.Where(r => r.Entity1 == table || r.Entity2 == table);

    /// <summary>Checks a key declared at run time against the table (columns exist, name unused) and returns the table
    /// with the key added; the catalogue changes only in <see cref="ReplaceTable"/>, once the rows are indexed.</summary>
    internal TableMetadata WithKey(string tableName, AlternateKeyDefinition key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = Table(tableName);
        if (key.Columns.Count == 0 || string.IsNullOrWhiteSpace(key.LogicalName))
        {
            throw Fault.InvalidArgument($"An alternate key on '{table.LogicalName}' needs a logical name and at least one column.");
        }

        if (table.Keys.Any(k => string.Equals(k.LogicalName, key.LogicalName, StringComparison.OrdinalIgnoreCase)))
        {
            throw Fault.InvalidArgument($"The table '{table.LogicalName}' already has an alternate key named '{key.LogicalName}'.");
        }

        // Constraints of learn.microsoft.com/power-apps/developer/data-platform/define-alternate-keys-entity#create-alternate-keys
        if (table.Keys.Count >= MaxKeysPerTable)
        {
            throw Fault.InvalidArgument($"The table '{table.LogicalName}' already has {MaxKeysPerTable} alternate keys, the most a table can have.");
        }

        if (key.Columns.Count > MaxKeyColumns)
        {
            throw Fault.InvalidArgument($"An alternate key can have at most {MaxKeyColumns} columns; '{key.LogicalName}' has {key.Columns.Count}.");
        }

        foreach (var column in key.Columns)
        {
            var definition = table.Column(column) ?? throw Fault.NoAttribute(table.LogicalName, column);
            if (definition.Type is not (ColumnType.Decimal or ColumnType.Integer or ColumnType.String or ColumnType.DateTime
                or ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner or ColumnType.Picklist))
            {
                throw Fault.InvalidArgument(
                    $"The column '{column}' ({definition.Type}) cannot be part of an alternate key: only Decimal, Whole Number, Single line of text, Date Time, Lookup and Choice columns can.");
            }
        }

        return new TableMetadata(table.Definition with { Keys = table.Keys.Append(key).ToArray() });
    }

    internal void ReplaceTable(TableMetadata table) => _tables[table.LogicalName] = table;

    private static TableDefinition Merge(TableDefinition standard, TableDefinition declared)
    {
        var columns = standard.Columns.ToList();
        foreach (var column in declared.Columns)
        {
            columns.RemoveAll(c => c.LogicalName == column.LogicalName);
            columns.Add(column);
        }

        return standard with
        {
            Columns = columns,
            Keys = standard.Keys.Concat(declared.Keys).ToArray(),
            States = declared.States.Count > 0 ? declared.States : standard.States,
        };
    }

    private static TableDefinition IntersectTable(ManyToManyRelationship relationship, Dictionary<string, TableDefinition> definitions)
    {
        var first = definitions.TryGetValue(relationship.Entity1, out var e1) ? e1.PrimaryIdAttribute : relationship.Entity1 + "id";
        var second = definitions.TryGetValue(relationship.Entity2, out var e2) ? e2.PrimaryIdAttribute : relationship.Entity2 + "id";
        var id = relationship.IntersectEntity + "id";
        return new TableDefinition(relationship.IntersectEntity, relationship.IntersectEntity, relationship.IntersectEntity)
        {
            Ownership = Ownership.None,
            PrimaryIdAttribute = id,
            PrimaryNameAttribute = id,
            Columns =
            [
                new ColumnDefinition(id, id, ColumnType.Uniqueidentifier) { IsPrimaryId = true },
                new ColumnDefinition(first, first, ColumnType.Uniqueidentifier),
                new ColumnDefinition(second, second, ColumnType.Uniqueidentifier),
            ],
        };
    }
}
