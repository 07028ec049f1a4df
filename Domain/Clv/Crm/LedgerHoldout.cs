using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Models;
using Rapport.Domain.Common;

namespace Rapport.Domain.Clv.Crm;

/// <summary>
/// The holdout check run when a count model is fitted in the CRM: fitted on the calibration period, scored on the
/// following year. <see cref="Summary"/> says in words what was measured, or why nothing could be (too few customers,
/// no history before the split, a calibration fit that is itself unusable, a spend model).
/// </summary>
public sealed record LedgerHoldout(bool Measured, string Summary)
{
    /// <summary>Fewest calibration customers a holdout is run on.</summary>
    public const int MinimumCustomers = FitDiagnostics.MinimumCustomers;

    public DateTime? CalibrationEnd { get; init; }

    public DateTime? HoldoutEnd { get; init; }

    /// <summary>Holdout length in model time units (weeks, or years for BG/BB).</summary>
    public double HoldoutLength { get; init; }

    public string Unit { get; init; } = "week";

    public HoldoutReport? Report { get; init; }

    public IReadOnlyList<CalibrationBin> Table { get; init; } = Array.Empty<CalibrationBin>();

    /// <summary>Cumulative repeat transactions by week from the first customer's first purchase to the holdout end (empty for BG/BB, which counts years).</summary>
    public IReadOnlyList<TrackingPoint> Tracking { get; init; } = Array.Empty<TrackingPoint>();

    /// <summary>The parameters fitted on the calibration period (what the holdout predictions use); null when no fit was made.</summary>
    public IReadOnlyDictionary<string, double>? CalibrationParameters { get; init; }

    /// <summary>The day week 1 of <see cref="Tracking"/> starts on.</summary>
    public DateTime? TrackingOrigin { get; init; }

    public double? MeanAbsoluteError => Measured ? Report?.MeanAbsoluteError : null;

    /// <summary>Calibration up to one year before <paramref name="asOf"/> (BG/BB: to the end of the year before last), holdout to it.</summary>
    public static LedgerHoldout Run(string kind, IReadOnlyList<KeyValuePair<string, CustomerLedger>> sample, DateTime asOf, ClvModelSpec template, FitOptions options)
    {
        if (template.IsSpendModel)
        {
            return new LedgerHoldout(false, "Not run: Gamma-Gamma models spend, and the holdout compares purchase counts.");
        }

        var calibrationEnd = template.IsYearly ? new DateTime(asOf.Year - 2, 12, 31) : asOf.Date.AddDays(-365);
        var holdoutEnd = template.IsYearly ? new DateTime(asOf.Year - 1, 12, 31) : asOf.Date;
        return Run(kind, sample, calibrationEnd, holdoutEnd, template, options);
    }

    /// <summary>
    /// The holdout on an explicit split: fitted on the summaries at <paramref name="calibrationEnd"/>, scored on the
    /// transactions after it up to <paramref name="holdoutEnd"/> (BG/BB: whole calendar years). Count models in
    /// continuous time also get the weekly tracking curve.
    /// </summary>
    public static LedgerHoldout Run(string kind, IReadOnlyList<KeyValuePair<string, CustomerLedger>> sample, DateTime calibrationEnd, DateTime holdoutEnd, ClvModelSpec template, FitOptions options)
    {
        if (template.IsSpendModel)
        {
            return new LedgerHoldout(false, "Not run: Gamma-Gamma models spend, and the holdout compares purchase counts.");
        }

        calibrationEnd = calibrationEnd.Date;
        holdoutEnd = holdoutEnd.Date;
        if (holdoutEnd <= calibrationEnd)
        {
            throw new ClvInputException($"The holdout must end after the calibration period ({holdoutEnd:yyyy-MM-dd} is not after {calibrationEnd:yyyy-MM-dd}).", "holdout-end");
        }

        var length = template.IsYearly ? holdoutEnd.Year - calibrationEnd.Year : (holdoutEnd - calibrationEnd).TotalDays / template.UnitDays;
        var rows = new List<CalibrationHoldoutRow>();
        var firstDays = new List<DateTime>();
        var repeatDays = new List<DateTime>();
        foreach (var customer in sample)
        {
            var row = LedgerSummary.Split(customer.Value, customer.Key, calibrationEnd, holdoutEnd, template);
            if (row != null && row.Calibration.T > 0)
            {
                rows.Add(row);
                if (!template.IsYearly)
                {
                    var days = customer.Value.DayTotals(holdoutEnd);
                    firstDays.Add(days[0].Key);
                    for (var i = 1; i < days.Count; i++)
                    {
                        repeatDays.Add(days[i].Key);
                    }
                }
            }
        }

        var period = string.Format(CultureInfo.InvariantCulture, "calibration to {0:yyyy-MM-dd}, holdout to {1:yyyy-MM-dd}", calibrationEnd, holdoutEnd);
        var dates = new LedgerHoldout(false, string.Empty) { CalibrationEnd = calibrationEnd, HoldoutEnd = holdoutEnd, HoldoutLength = length, Unit = template.IsYearly ? "year" : template.Unit };
        if (rows.Count < MinimumCustomers)
        {
            return dates with
            {
                Summary = string.Format(CultureInfo.InvariantCulture, "Too small for a holdout: only {0} customers had transactions before {1:yyyy-MM-dd} ({2} needed; {3}).", rows.Count, calibrationEnd, MinimumCustomers, period),
            };
        }

        var calibration = rows.ConvertAll(r => r.Calibration);
        FitResult fit;
        try
        {
            fit = ModelCatalog.Fit(kind, calibration, options);
        }
        catch (Exception error) when (error is ClvInputException || error is ClvNumericException)
        {
            return dates with { Summary = $"Too small for a holdout: the calibration fit failed ({error.Message})." };
        }

        var diagnostics = FitDiagnostics.Assess(fit, calibration);
        if (diagnostics.Verdict == FitVerdict.Unusable)
        {
            return dates with { Summary = $"Too small for a holdout: the model fitted on the calibration period ({period}) is unusable. {string.Join(" ", diagnostics.Reasons)}" };
        }

        HoldoutReport report;
        var model = ModelCatalog.CreateTransactionModel(kind, fit.Parameters);
        IReadOnlyList<TrackingPoint> tracking = Array.Empty<TrackingPoint>();
        DateTime? origin = null;
        try
        {
            report = HoldoutValidation.Validate(model, rows, length);
            if (!template.IsYearly)
            {
                // Week 1 starts on the earliest first purchase (or a few days before, so the last week ends on the holdout end).
                var earliest = firstDays.Min();
                var weeks = ((holdoutEnd - earliest).Days / 7) + 1;
                origin = holdoutEnd.AddDays(1 - (7 * weeks));
                var start = origin.Value;
                tracking = TrackingCurve.Build(model, template.UnitDays, firstDays.ConvertAll(d => (d - start).Days), repeatDays.ConvertAll(d => (d - start).Days), weeks);
            }
        }
        catch (Exception error) when (error is ClvInputException || error is ClvNumericException)
        {
            return dates with { Summary = $"Not measured: the model fitted on the calibration period ({period}) could not predict the holdout ({error.Message})." };
        }

        var summary = string.Format(
            CultureInfo.InvariantCulture,
            "{0} customers, {1}: predicted {2:0.#} repeat transactions in the holdout, actual {3} ({4:+0.#;-0.#;0}%); mean absolute error {5:0.###} per customer.",
            report.Customers,
            period,
            report.PredictedTotal,
            report.ActualTotal,
            report.ActualTotal > 0 ? 100 * (report.PredictedTotal - report.ActualTotal) / report.ActualTotal : 0,
            report.MeanAbsoluteError);
        return dates with { Measured = true, Summary = summary, Report = report, Table = CalibrationTable.Build(rows, report), Tracking = tracking, TrackingOrigin = origin, CalibrationParameters = fit.Parameters };
    }

    /// <summary>The figures as rows for the model form's charts: the calibration table, then the tracking curve.</summary>
    public List<HoldoutChartRow> ChartRows()
    {
        var list = new List<HoldoutChartRow>(Table.Count + Tracking.Count);
        foreach (var bin in Table)
        {
            list.Add(new HoldoutChartRow(HoldoutChartKind.ByFrequency, bin.Frequency, "Frequency " + bin.Label, bin.MeanPredicted, bin.MeanActual, bin.Customers));
        }

        var customers = Report?.Customers ?? 0;
        foreach (var point in Tracking)
        {
            list.Add(new HoldoutChartRow(HoldoutChartKind.TrackingWeek, point.Week, "Week " + point.Week.ToString(CultureInfo.InvariantCulture), point.Predicted, point.Actual, customers));
        }

        return list;
    }

    /// <summary>
    /// <c>{"measured","summary","calibrationEnd","holdoutEnd","holdoutLength","unit","customers","predictedTotal",
    /// "actualTotal","meanAbsoluteError","correlation","byFrequency":[{"frequency","label","customers","actual","predicted"}],
    /// "calibrationParameters":{…},"trackingOrigin","tracking":[{"week","actual","predicted"}]}</c>.
    /// </summary>
    public string ToJson() => Write(new JsonWriter()).ToString();

    public JsonWriter Write(JsonWriter w)
    {
        w.StartObject().Property("measured", Measured).Property("summary", Summary).Property("calibrationEnd", CalibrationEnd).Property("holdoutEnd", HoldoutEnd);
        JsonNumbers.Write(w, "holdoutLength", CalibrationEnd.HasValue ? HoldoutLength : null);
        w.Property("unit", Unit);
        JsonNumbers.Write(w, "customers", Report?.Customers);
        JsonNumbers.Write(w, "predictedTotal", Report?.PredictedTotal);
        JsonNumbers.Write(w, "actualTotal", Report?.ActualTotal);
        JsonNumbers.Write(w, "meanAbsoluteError", MeanAbsoluteError);
        JsonNumbers.Write(w, "correlation", Report?.Correlation);
        w.Name("byFrequency").StartArray();
        foreach (var bin in Table)
        {
            w.StartObject().Property("frequency", bin.Frequency).Property("label", bin.Label).Property("customers", bin.Customers);
            JsonNumbers.Write(w, "actual", bin.MeanActual);
            JsonNumbers.Write(w, "predicted", bin.MeanPredicted).EndObject();
        }

        w.EndArray().Name("calibrationParameters");
        if (CalibrationParameters is null)
        {
            w.Null();
        }
        else
        {
            w.StartObject();
            foreach (var parameter in CalibrationParameters)
            {
                JsonNumbers.Write(w, parameter.Key, parameter.Value);
            }

            w.EndObject();
        }

        w.Property("trackingOrigin", TrackingOrigin).Name("tracking").StartArray();
        foreach (var point in Tracking)
        {
            w.StartObject().Property("week", point.Week).Property("actual", point.Actual);
            JsonNumbers.Write(w, "predicted", point.Predicted).EndObject();
        }

        return w.EndArray().EndObject();
    }
}

/// <summary>Which figure a chart row belongs to (the choice values of rapport_clvholdoutrow.rapport_rowkind, less the prefix).</summary>
public enum HoldoutChartKind
{
    ByFrequency = 0,
    TrackingWeek = 1,
}

/// <summary>One point of the holdout figures: x is the calibration frequency (last bin: that many or more) or the week.</summary>
public sealed record HoldoutChartRow(HoldoutChartKind Kind, int X, string Label, double Predicted, double Actual, int Customers);
