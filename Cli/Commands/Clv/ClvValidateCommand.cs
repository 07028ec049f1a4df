using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Models;

namespace Rapport.Cli.Commands.Clv;

/// <summary>What `clv validate --json` prints.</summary>
public sealed record ValidateOutput(
    string Model,
    Dictionary<string, double> Parameters,
    double LogLikelihood,
    bool Converged,
    string CalibrationEnd,
    string HoldoutEnd,
    string TimeUnit,
    int Customers,
    double HoldoutLength,
    double PredictedTotal,
    int ActualTotal,
    double MeanAbsoluteError,
    double? Correlation,
    IReadOnlyList<HoldoutComparison>? Rows);

/// <summary>`rapport clv validate`: fit on the calibration period of a transaction log, compare with the holdout.</summary>
public static class ClvValidateCommand
{
    public static Command Create()
    {
        var command = new Command("validate", "Fit on the calibration period of a transaction log and compare predicted with actual holdout purchases.");
        var model = new Option<string>("--model") { Description = "bgnbd | mbgnbd | paretonbd", DefaultValueFactory = _ => BgNbdModel.ModelName };
        var input = new Option<string>("--input") { Description = "Transaction log (CDNOW whitespace format or a 'date,id[,value]' CSV).", Required = true };
        var calibrationEnd = new Option<string>("--calibration-end") { Description = "Last day of calibration (YYYY-MM-DD).", Required = true };
        var holdoutEnd = new Option<string>("--holdout-end") { Description = "Last day of the holdout (YYYY-MM-DD).", Required = true };
        var timeUnit = new Option<string>("--time-unit") { Description = "day, week or month.", DefaultValueFactory = _ => "week" };
        var perCustomer = new Option<bool>("--per-customer") { Description = "Include every customer's predicted and actual count." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        foreach (var option in new Option[] { model, input, calibrationEnd, holdoutEnd, timeUnit, perCustomer, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult => ClvAction.Run(parseResult, output =>
        {
            var unit = TimeUnits.Parse(parseResult.GetValue(timeUnit)!);
            var calibration = TransactionLog.ParseDate(parseResult.GetValue(calibrationEnd)!, "--calibration-end");
            var holdout = TransactionLog.ParseDate(parseResult.GetValue(holdoutEnd)!, "--holdout-end");
            var rows = RfmSummary.Split(TransactionLog.Read(parseResult.GetValue(input)!), calibration, holdout, unit);
            var summaries = rows.ConvertAll(r => r.Calibration);
            var name = parseResult.GetValue(model)!;
            if (ModelCatalog.IsSpendModel(name) || name == BgBbModel.ModelName)
            {
                throw new ClvInputException("validate compares purchase counts in continuous time: use bgnbd, mbgnbd or paretonbd.", "model");
            }

            var fit = ModelCatalog.Fit(name, summaries, new FitOptions(StandardErrors: false, Parallel: true));
            var fitted = ModelCatalog.CreateTransactionModel(fit.Model, fit.Parameters);
            var report = HoldoutValidation.Validate(fitted, rows, TimeUnits.Between(calibration, holdout, unit));
            var result = new ValidateOutput(
                fit.Model,
                new Dictionary<string, double>(FitOutput.From(fit, 0, 0).Parameters),
                fit.LogLikelihood,
                fit.Converged,
                calibration.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                holdout.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                unit.ToString().ToLowerInvariant(),
                report.Customers,
                report.HoldoutLength,
                report.PredictedTotal,
                report.ActualTotal,
                report.MeanAbsoluteError,
                report.Correlation,
                parseResult.GetValue(perCustomer) ? report.Rows : null);
            if (parseResult.GetValue(json))
            {
                ClvJson.Write(output, result);
            }
            else
            {
                output.WriteLine($"{result.Model}: {result.Customers} customers, holdout {result.HoldoutLength.ToString("0.##", CultureInfo.InvariantCulture)} {result.TimeUnit}s");
                output.WriteLine($"  predicted total {result.PredictedTotal.ToString("F1", CultureInfo.InvariantCulture)}, actual total {result.ActualTotal}");
                output.WriteLine($"  MAE per customer {result.MeanAbsoluteError.ToString("F4", CultureInfo.InvariantCulture)}, correlation {result.Correlation?.ToString("F4", CultureInfo.InvariantCulture) ?? "n/a"}");
            }

            return 0;
        }));
        return command;
    }
}
