using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Metadata;

/// <summary>One table as the emulator sees it: the declaration plus the platform's system columns, indexed by name.</summary>
public sealed class TableMetadata
{
    private readonly Dictionary<string, ColumnDefinition> _columns;

    internal TableMetadata(TableDefinition definition)
    {
        Definition = definition;
        _columns = new Dictionary<string, ColumnDefinition>(StringComparer.Ordinal);
        foreach (var column in definition.Columns)
        {
            _columns[column.LogicalName] = column;
        }

        if (!_columns.ContainsKey(definition.PrimaryIdAttribute))
        {
            _columns[definition.PrimaryIdAttribute] = new ColumnDefinition(definition.PrimaryIdAttribute, definition.PrimaryIdAttribute, ColumnType.Uniqueidentifier) { IsPrimaryId = true };
        }

        foreach (var column in SystemColumns.For(definition))
        {
            _columns.TryAdd(column.LogicalName, column);
        }
    }

    public TableDefinition Definition { get; }

    public string LogicalName => Definition.LogicalName;

    public string PrimaryIdAttribute => Definition.PrimaryIdAttribute;

    public string PrimaryNameAttribute => Definition.PrimaryNameAttribute;

    public bool IsUserOwned => Definition.Ownership == Ownership.UserOwned;

    public bool HasState => Definition.States.Count > 0;

    public IReadOnlyCollection<ColumnDefinition> Columns => _columns.Values;

    public IReadOnlyList<AlternateKeyDefinition> Keys => Definition.Keys;

    public ColumnDefinition? Column(string name) => _columns.TryGetValue(name, out var column) ? column : null;

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    public StateDefinition? State(int value) => Definition.States.FirstOrDefault(s => s.Value == value);

    /// <summary>The statecode a row of this table starts in (the first declared state).</summary>
    public StateDefinition? DefaultState => Definition.States.Count > 0 ? Definition.States[0] : null;
}
