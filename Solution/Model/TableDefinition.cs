using System;
using System.Collections.Generic;
using System.Linq;

namespace Rapport.Solution.Model;

/// <summary>An alternate key: a unique combination of columns that can identify a row (Upsert, duplicate refusal).</summary>
public sealed record AlternateKeyDefinition(string LogicalName, string DisplayName, IReadOnlyList<string> Columns);

/// <summary>
/// A table. Rapport's own tables (IsCustom) are packed into the solution with every column; standard tables
/// appear with the columns Rapport touches, and only the columns flagged as added by Rapport are packed.
/// </summary>
public sealed record TableDefinition(string LogicalName, string DisplayName, string PluralName)
{
    public string Description { get; init; } = "";
    public Ownership Ownership { get; init; } = Ownership.UserOwned;
    public bool IsCustom { get; init; }
    public int? ObjectTypeCode { get; init; }
    public string PrimaryIdAttribute { get; init; } = LogicalName + "id";
    public string PrimaryNameAttribute { get; init; } = "name";
    public string? EntitySetName { get; init; }
    public IReadOnlyList<ColumnDefinition> Columns { get; init; } = [];
    public IReadOnlyList<AlternateKeyDefinition> Keys { get; init; } = [];

    /// <summary>Columns Rapport adds to a standard table (packed as custom attributes of that table).</summary>
    public IReadOnlyList<string> AddedColumns { get; init; } = [];

    /// <summary>Status columns: statecode values with their default statuscode; null for tables without state.</summary>
    public IReadOnlyList<StateDefinition> States { get; init; } = [];

    /// <summary>Columns shown in the main form and the active view (packer emits FormXml/SavedQuery from these).</summary>
    public IReadOnlyList<string> FormColumns { get; init; } = [];
    public IReadOnlyList<string> ViewColumns { get; init; } = [];

    /// <summary>Further public views of a Rapport table (packed after the active view).</summary>
    public IReadOnlyList<ViewDefinition> Views { get; init; } = [];

    public string SetName => EntitySetName ?? LogicalName + "s";

    public ColumnDefinition? Column(string logicalName) =>
        Columns.FirstOrDefault(c => string.Equals(c.LogicalName, logicalName, StringComparison.Ordinal));

    public bool HasColumn(string logicalName) => Column(logicalName) is not null;
}

/// <summary>
/// A further public view of a Rapport table (besides its active view): columns, an optional whole-number or choice
/// filter (column = value) and the order. Subgrids and their charts name it.
/// </summary>
public sealed record ViewDefinition(string Name, string DisplayName, IReadOnlyList<string> Columns)
{
    public string? FilterColumn { get; init; }
    public int FilterValue { get; init; }
    public string? OrderBy { get; init; }
}

/// <summary>A statecode value, its label and the statuscode values allowed with it (first is the default).</summary>
public sealed record StateDefinition(int Value, string Label, IReadOnlyList<OptionDefinition> Statuses);
