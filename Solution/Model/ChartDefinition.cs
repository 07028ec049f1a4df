namespace Rapport.Solution.Model;

/// <summary>How a chart series aggregates its column (savedqueryvisualization's fetch aggregate).</summary>
public enum ChartAggregate
{
    Count,
    Sum,
    Avg,
    Min,
    Max,
}

/// <summary>How the series are drawn (the presentation's Series ChartType).</summary>
public enum ChartKind
{
    Column,
    Line,
}

/// <summary>A further series on the same grouping.</summary>
public sealed record ChartSeries(string Column, ChartAggregate Aggregate);

/// <summary>
/// A system chart (savedqueryvisualization): a column chart of <paramref name="Column"/> aggregated by
/// <paramref name="Aggregate"/>, grouped by the choice or value of <paramref name="GroupBy"/>, on <paramref name="Table"/>.
/// The packer emits the data description (fetch with aggregate) and a column presentation from this.
/// </summary>
public sealed record ChartDefinition(string Name, string DisplayName, string Table, string Column, ChartAggregate Aggregate, string GroupBy)
{
    public string Description { get; init; } = "";

    public ChartSeries? SecondSeries { get; init; }

    public ChartKind Kind { get; init; } = ChartKind.Column;
}
