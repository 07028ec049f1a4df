using Rapport.Solution.Declarations.Tables;
using Rapport.Solution.Model;

namespace Rapport.Solution.Declarations.Ui;

/// <summary>The "CLV Model Holdout" form of a fitted model: its holdout rows charted through two subgrids.</summary>
public static class ClvModelForms
{
    public const string HoldoutForm = "rapport_clvmodel_holdout";

    public static FormDefinition Holdout() =>
        new(HoldoutForm, ClvTables.Model, "CLV Model Holdout",
        [
            new("rapport_holdout_tab", "Holdout",
            [
                new("rapport_holdout_section", "Predicted vs actual in the holdout period", [])
                {
                    Subgrids =
                    [
                        new("rapport_holdout_byfrequency", "By calibration frequency", ClvHoldoutTables.HoldoutRow, ClvHoldoutTables.ModelRelationship)
                        {
                            View = ClvHoldoutTables.ByFrequencyView, Chart = ClvHoldoutTables.ByFrequencyChart, RecordsPerPage = 10,
                        },
                        new("rapport_holdout_tracking", "Cumulative repeat transactions by week", ClvHoldoutTables.HoldoutRow, ClvHoldoutTables.ModelRelationship)
                        {
                            View = ClvHoldoutTables.TrackingView, Chart = ClvHoldoutTables.TrackingChart, RecordsPerPage = 250,
                        },
                    ],
                },
            ]),
        ])
        {
            Description = "The model's holdout check as the papers draw it: predicted vs actual by calibration frequency and week by week.",
        };
}
