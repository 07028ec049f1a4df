using System.Collections.Generic;

namespace Rapport.Emulator.Query;

/// <summary>An aggregate FetchXML query's columns: each a groupby or an aggregate (count, countcolumn, sum, avg, min, max).</summary>
internal sealed record FetchAggregate(IReadOnlyList<AggregateColumn> Columns, IReadOnlyList<(string Alias, bool Descending)> Orders);

/// <summary>One aggregate column: Slot is 0 for the root or the link entity's slot.</summary>
internal sealed record AggregateColumn(string Alias, string Attribute, string? EntityAlias, string Function, string? DateGrouping, bool Distinct)
{
    public bool IsGroupBy => Function == "groupby";
}
