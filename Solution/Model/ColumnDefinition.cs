using System.Collections.Generic;

namespace Rapport.Solution.Model;

/// <summary>
/// One column of a table. Only the facets a type uses are set: MaxLength for text, Min/Max/Precision for numbers,
/// Targets for lookups, OptionSet for choices.
/// </summary>
public sealed record ColumnDefinition(string LogicalName, string DisplayName, ColumnType Type)
{
    public string Description { get; init; } = "";
    public RequiredLevel RequiredLevel { get; init; } = RequiredLevel.None;
    public int? MaxLength { get; init; }
    public double? MinValue { get; init; }
    public double? MaxValue { get; init; }
    public int? Precision { get; init; }
    public IReadOnlyList<string> Targets { get; init; } = [];
    public OptionSetDefinition? OptionSet { get; init; }
    public bool IsPrimaryName { get; init; }
    public bool IsPrimaryId { get; init; }

    /// <summary>True for columns the platform maintains (createdon, versionnumber, ...): never written by callers.</summary>
    public bool IsSystemManaged { get; init; }

    /// <summary>Date only columns keep no time part (DateTimeBehavior DateOnly).</summary>
    public bool DateOnly { get; init; }
}
