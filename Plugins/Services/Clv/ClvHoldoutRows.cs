using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Rapport.Domain.Clv.Crm;

namespace Rapport.Plugins.Services.Clv;

/// <summary>
/// Writes a fitted model's holdout figures as rapport_clvholdoutrow rows (what the model form's chart subgrids show):
/// one CreateMultiple per fit, nothing when the holdout was not measured. Each fit makes a new model row, so there are
/// never older rows of the same model to replace; rows are deleted with their model (cascade).
/// </summary>
public static class ClvHoldoutRows
{
    public const string Table = "rapport_clvholdoutrow";

    /// <summary>The number of rows written (0: no request sent).</summary>
    public static int Write(IOrganizationService service, Guid modelId, LedgerHoldout holdout)
    {
        var rows = holdout.ChartRows();
        if (rows.Count == 0)
        {
            return 0;
        }

        var targets = new EntityCollection { EntityName = Table };
        foreach (var row in rows)
        {
            targets.Entities.Add(new Entity(Table)
            {
                ["rapport_name"] = row.Label,
                ["rapport_clvmodelid"] = new EntityReference(ClvSchema.Model, modelId),
                ["rapport_rowkind"] = new OptionSetValue(ClvSchema.OptionPrefix + (int)row.Kind),
                ["rapport_x"] = row.X,
                ["rapport_predicted"] = Round(row.Predicted),
                ["rapport_actual"] = Round(row.Actual),
                ["rapport_customers"] = row.Customers,
            });
        }

        service.Execute(new CreateMultipleRequest { Targets = targets });
        return rows.Count;
    }

    /// <summary>The column keeps 4 decimals.</summary>
    private static double Round(double value) => Math.Round(value, 4);
}
