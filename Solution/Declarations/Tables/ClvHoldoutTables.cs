using System.Collections.Generic;
using System.Linq;
using Rapport.Solution.Model;

namespace Rapport.Solution.Declarations.Tables;

/// <summary>
/// The holdout report of a fitted CLV model as rows the model form can chart: the calibration table by frequency
/// (mean holdout transactions per customer, actual vs predicted, for 0, 1, …, 7+ calibration repeats) and the
/// tracking curve (cumulative repeat transactions by week, actual vs predicted), the two figures of Fader, Hardie
/// &amp; Lee (2005). Written once per fit with one CreateMultiple; deleted with their model.
/// </summary>
public static class ClvHoldoutTables
{
    public const string HoldoutRow = "rapport_clvholdoutrow";
    public const string ModelRelationship = "rapport_clvmodel_rapport_clvholdoutrow";
    public const string ByFrequencyView = "byfrequency";
    public const string TrackingView = "tracking";
    public const string ByFrequencyChart = "rapport_clvholdout_byfrequency";
    public const string TrackingChart = "rapport_clvholdout_tracking";

    public static OptionSetDefinition RowKind { get; } = new("rapport_clvholdoutrow_rapport_rowkind",
    [
        new(107850000, "Calibration by frequency"),
        new(107850001, "Tracking by week"),
    ]);

    public static IEnumerable<TableDefinition> Tables()
    {
        var columns = SystemColumns.For(HoldoutRow, "CLV Holdout Row", Ownership.OrganizationOwned).Concat(
        [
            new ColumnDefinition("rapport_name", "Name", ColumnType.String) { MaxLength = 100, RequiredLevel = RequiredLevel.ApplicationRequired, IsPrimaryName = true },
            new ColumnDefinition("rapport_clvmodelid", "CLV Model", ColumnType.Lookup) { Targets = [ClvTables.Model], RequiredLevel = RequiredLevel.ApplicationRequired },
            new ColumnDefinition("rapport_rowkind", "Row Kind", ColumnType.Picklist) { OptionSet = RowKind, RequiredLevel = RequiredLevel.ApplicationRequired },
            new ColumnDefinition("rapport_x", "Frequency or Week", ColumnType.Integer) { MinValue = 0, MaxValue = 100000, Description = "Calibration repeat transactions (7 = 7 or more), or the week of the tracking curve." },
            new ColumnDefinition("rapport_predicted", "Predicted", ColumnType.Double) { MinValue = 0, MaxValue = 1e12, Precision = 4, Description = "Mean holdout transactions per customer (by frequency), or cumulative repeat transactions (tracking)." },
            new ColumnDefinition("rapport_actual", "Actual", ColumnType.Double) { MinValue = 0, MaxValue = 1e12, Precision = 4 },
            new ColumnDefinition("rapport_customers", "Customers", ColumnType.Integer) { MinValue = 0, MaxValue = int.MaxValue },
        ]);
        List<string> shown = ["rapport_name", "rapport_x", "rapport_predicted", "rapport_actual", "rapport_customers"];
        yield return new TableDefinition(HoldoutRow, "CLV Holdout Row", "CLV Holdout Rows")
        {
            Description = "One point of a CLV model's holdout figures: predicted vs actual by calibration frequency or by week.",
            IsCustom = true,
            Ownership = Ownership.OrganizationOwned,
            PrimaryNameAttribute = "rapport_name",
            Columns = columns.ToList(),
            States = SystemColumns.ActiveInactive,
            FormColumns = ["rapport_name", "rapport_clvmodelid", "rapport_rowkind", "rapport_x", "rapport_predicted", "rapport_actual", "rapport_customers"],
            ViewColumns = ["rapport_name", "rapport_clvmodelid", "rapport_rowkind", "rapport_x", "rapport_predicted", "rapport_actual"],
            Views =
            [
                new(ByFrequencyView, "Holdout by Calibration Frequency", shown) { FilterColumn = "rapport_rowkind", FilterValue = 107850000, OrderBy = "rapport_x" },
                new(TrackingView, "Holdout Tracking by Week", shown) { FilterColumn = "rapport_rowkind", FilterValue = 107850001, OrderBy = "rapport_x" },
            ],
        };
    }

    /// <summary>Rows go with their model.</summary>
    public static IEnumerable<OneToManyRelationship> Relationships()
    {
        yield return new(ModelRelationship, ClvTables.Model, HoldoutRow, "rapport_clvmodelid", CascadeDelete.Cascade);
    }

    /// <summary>Predicted vs actual, grouped by the x of the row (one row per x and model, so the sums are the values).</summary>
    public static IEnumerable<ChartDefinition> Charts()
    {
        yield return new ChartDefinition(ByFrequencyChart, "Holdout: Predicted vs Actual by Calibration Frequency", HoldoutRow, "rapport_predicted", ChartAggregate.Sum, "rapport_x")
        {
            Description = "Mean holdout transactions per customer for 0, 1, ..., 7+ repeat transactions in calibration: predicted, then actual.",
            SecondSeries = new ChartSeries("rapport_actual", ChartAggregate.Sum),
        };
        yield return new ChartDefinition(TrackingChart, "Holdout: Cumulative Repeat Transactions by Week", HoldoutRow, "rapport_predicted", ChartAggregate.Sum, "rapport_x")
        {
            Description = "Cumulative repeat transactions week by week through calibration and holdout: predicted, then actual.",
            SecondSeries = new ChartSeries("rapport_actual", ChartAggregate.Sum),
            Kind = ChartKind.Line,
        };
    }
}
