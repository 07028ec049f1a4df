using System;
using System.Collections.Generic;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Models;

namespace Rapport.Domain.Clv.Crm;

/// <summary>
/// A model fitted from customers' ledgers: the spec to store, fit quality, the diagnostics and verdict, and the
/// holdout check (count models).
/// </summary>
public sealed record LedgerFit(ClvModelSpec Spec, double LogLikelihood, int SampleSize, double? HoldoutMae, bool Converged)
{
    public FitDiagnostics? Diagnostics { get; init; }

    public LedgerHoldout? Holdout { get; init; }
}

/// <summary>
/// Fits a model from stored ledgers, never from raw transactions, judges it (<see cref="FitDiagnostics"/>, standard
/// errors from the Hessian at the optimum) and runs the holdout check (<see cref="LedgerHoldout"/>); the stored
/// parameters come from the full period.
/// </summary>
public static class LedgerModelFitter
{
    /// <summary>Standard errors for the diagnostics; a fit at the edge of the parameter space is kept and judged, not thrown.</summary>
    public static FitOptions Judged { get; } = new(StandardErrors: true, RefuseBoundary: false);

    public static LedgerFit Fit(string kind, IReadOnlyList<KeyValuePair<string, CustomerLedger>> sample, DateTime asOf, string sampling, FitOptions? options = null, IReadOnlyDictionary<string, ClvSegment>? segments = null)
    {
        var name = ClvModelSpec.NormaliseKind(kind, "Kind");
        var template = new ClvModelSpec(name, new Dictionary<string, double>())
        {
            Unit = name == BgBbModel.ModelName ? ClvModelSpec.YearUnit : "week",
            Sampling = sampling,
        };
        options ??= Judged;
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
        var retention = new List<KeyValuePair<CustomerLedger, ClvSegment?>>(sample.Count);
        foreach (var customer in sample)
        {
            ClvSegment? segment = segments != null && segments.TryGetValue(customer.Key, out var s) ? s : null;
            retention.Add(new KeyValuePair<CustomerLedger, ClvSegment?>(customer.Value, segment));
        }

        var spec = template with { Parameters = fit.Parameters, FittedOn = asOf, Retention = RetentionRates.Measure(retention, asOf), Covariance = ParameterCovariance.From(fit) };
        var diagnostics = FitDiagnostics.Assess(fit, rows);
        if (diagnostics.Verdict != FitVerdict.Unusable)
        {
            // An Unusable fit (e.g. parameters run off to a bound) is stored with its reasons and can never score, so
            // its parameters are not held to the range a usable model must respect.
            spec.Validate($"The fitted {name} model");
        }

        var holdout = LedgerHoldout.Run(name, sample, asOf, template, options with { StandardErrors = false });
        return new LedgerFit(spec, fit.LogLikelihood, rows.Count, holdout.MeanAbsoluteError, fit.Converged)
        {
            Diagnostics = diagnostics,
            Holdout = holdout,
        };
    }
}
