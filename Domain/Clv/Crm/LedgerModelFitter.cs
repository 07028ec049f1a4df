using System;
using System.Collections.Generic;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Models;

namespace Rapport.Domain.Clv.Crm;

/// <summary>A model fitted from customers' ledgers: the spec to store, fit quality and the holdout error (count models).</summary>
public sealed record LedgerFit(ClvModelSpec Spec, double LogLikelihood, int SampleSize, double? HoldoutMae, bool Converged);

/// <summary>
/// Fits a model from stored ledgers, never from raw transactions. Count models are also fitted on a calibration
/// period (up to one year before the fit date; for BG/BB, up to the end of the year before last) and scored on the
/// following year, giving the holdout mean absolute error; the stored parameters come from the full period.
/// </summary>
public static class LedgerModelFitter
{
    public static LedgerFit Fit(string kind, IReadOnlyList<KeyValuePair<string, CustomerLedger>> sample, DateTime asOf, string sampling, FitOptions? options = null)
    {
        var name = ClvModelSpec.NormaliseKind(kind, "Kind");
        var template = new ClvModelSpec(name, new Dictionary<string, double>())
        {
            Unit = name == BgBbModel.ModelName ? ClvModelSpec.YearUnit : "week",
            Sampling = sampling,
        };
        options ??= new FitOptions(StandardErrors: false);
        var rows = new List<CustomerSummary>(sample.Count);
        foreach (var customer in sample)
        {
            var row = LedgerSummary.At(customer.Value, customer.Key, asOf, template);
            if (row != null && row.T > 0)
            {
                rows.Add(row);
            }
        }

        if (rows.Count == 0)
        {
            throw new ClvInputException(
                $"No customer in the sample has a transaction history before {asOf:yyyy-MM-dd}{(template.IsYearly ? " (BG/BB needs gifts in an earlier year)" : string.Empty)}: nothing to fit.",
                "Kind");
        }

        var fit = ModelCatalog.Fit(name, rows, options);
        var spec = template with { Parameters = fit.Parameters, FittedOn = asOf };
        spec.Validate($"The fitted {name} model");
        var holdout = template.IsSpendModel ? null : HoldoutError(name, sample, asOf, template, options);
        return new LedgerFit(spec, fit.LogLikelihood, rows.Count, holdout, fit.Converged);
    }

    private static double? HoldoutError(string name, IReadOnlyList<KeyValuePair<string, CustomerLedger>> sample, DateTime asOf, ClvModelSpec template, FitOptions options)
    {
        var calibrationEnd = template.IsYearly ? new DateTime(asOf.Year - 2, 12, 31) : asOf.Date.AddDays(-365);
        var holdoutEnd = template.IsYearly ? new DateTime(asOf.Year - 1, 12, 31) : asOf.Date;
        var length = template.IsYearly ? 1 : 365 / template.UnitDays;
        var rows = new List<CalibrationHoldoutRow>();
        foreach (var customer in sample)
        {
            var row = LedgerSummary.Split(customer.Value, customer.Key, calibrationEnd, holdoutEnd, template);
            if (row != null && row.Calibration.T > 0)
            {
                rows.Add(row);
            }
        }

        var calibration = new List<CustomerSummary>(rows.Count);
        foreach (var row in rows)
        {
            calibration.Add(row.Calibration);
        }

        try
        {
            var fit = ModelCatalog.Fit(name, calibration, options);
            var model = ModelCatalog.CreateTransactionModel(name, fit.Parameters);
            return HoldoutValidation.Validate(model, rows, length).MeanAbsoluteError;
        }
        catch (ClvInputException)
        {
            return null;
        }
        catch (ClvNumericException)
        {
            return null;
        }
    }
}
