using System.Collections.Generic;

namespace Rapport.Emulator.Query;

/// <summary>An aggregate FetchXML query's columns: each a groupby or an aggregate (count, countcolumn, sum, avg, min, max).</summary>
internal sealed record FetchAggregate(IReadOnlyList<AggregateColumn> Columns, IReadOnlyList<(string Alias, bool Descending)> Orders)
{
    /// <summary>Dataverse aggregates at most 50,000 rows; a fetch's aggregatelimit may set a lower cap.</summary>
    public const int DefaultLimit = 50_000;

    /// <summary>The most rows this query may aggregate (fetch aggregatelimit, else the default).</summary>
    public int Limit { get; init; } = DefaultLimit;
}

/// <summary>One aggregate column: Slot is 0 for the root or the link entity's slot.</summary>
internal sealed record AggregateColumn(string Alias, string Attribute, string? EntityAlias, string Function, string? DateGrouping, bool Distinct)
{
    public bool IsGroupBy => Function == "groupby";
}
