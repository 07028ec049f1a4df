using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Models;

namespace Rapport.Cli.Commands.Clv;

/// <summary>What `clv predict --json` prints.</summary>
public sealed record PredictOutput(
    string? Model,
    string? SpendModel,
    double Horizon,
    double Margin,
    double Discount,
    int Customers,
    double? TotalExpectedTransactions,
    double? TotalClv,
    IReadOnlyList<CustomerPrediction> Predictions);

/// <summary>`rapport clv predict`: score customers with a model written by `clv fit --json`.</summary>
public static class ClvPredictCommand
{
    public static Command Create()
    {
        var command = new Command("predict", "Per-customer expected transactions, P(alive), expected value and discounted CLV over a horizon.");
        var modelFile = new Option<string?>("--model-file") { Description = "JSON written by `clv fit --json` (a purchase-count model, or gammagamma alone)." };
        var spendFile = new Option<string?>("--spend-model-file") { Description = "JSON of a fitted gammagamma model, for expected value and CLV." };
        var horizon = new Option<double>("--horizon") { Description = "Horizon in the data's time unit (whole periods for bgbb).", Required = true };
        var margin = new Option<double>("--margin") { Description = "Margin applied to value (0.3 = 30%).", DefaultValueFactory = _ => 1 };
        var discount = new Option<double>("--discount") { Description = "Discount rate per time unit.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var inputs = new ClvInputOptions();
        command.Options.Add(modelFile);
        command.Options.Add(spendFile);
        inputs.AddTo(command);
        command.Options.Add(horizon);
        command.Options.Add(margin);
        command.Options.Add(discount);
        command.Options.Add(json);
        command.SetAction(parseResult => ClvAction.Run(parseResult, output =>
        {
            ITransactionModel? model = null;
            GammaGammaModel? spend = null;
            var first = Read(parseResult.GetValue(modelFile));
            if (first != null && ModelCatalog.IsSpendModel(first.Model))
            {
                spend = ModelCatalog.CreateSpendModel(first.Parameters);
            }
            else if (first != null)
            {
                model = ModelCatalog.CreateTransactionModel(first.Model, first.Parameters);
            }

            var second = Read(parseResult.GetValue(spendFile));
            if (second != null)
            {
                spend = ModelCatalog.CreateSpendModel(second.Parameters);
            }

            var customers = inputs.Load(parseResult);
            var h = parseResult.GetValue(horizon);
            var predictions = Prediction.Score(model, spend, customers, h, parseResult.GetValue(margin), parseResult.GetValue(discount));
            double? totalTransactions = model == null ? null : 0;
            double? totalClv = model != null && spend != null ? 0 : null;
            foreach (var p in predictions)
            {
                totalTransactions += p.ExpectedTransactions ?? 0;
                totalClv += p.Clv ?? 0;
            }

            var result = new PredictOutput(model?.Name, spend == null ? null : GammaGammaModel.ModelName, h, parseResult.GetValue(margin), parseResult.GetValue(discount), predictions.Count, totalTransactions, totalClv, predictions);
            if (parseResult.GetValue(json))
            {
                ClvJson.Write(output, result);
            }
            else
            {
                WriteText(output, result);
            }

            return 0;
        }));
        return command;
    }

    private static ModelFile? Read(string? path)
    {
        if (path == null)
        {
            return null;
        }

        var file = JsonSerializer.Deserialize<ModelFile>(File.ReadAllText(path), ClvJson.Options);
        if (file?.Model == null || file.Parameters == null)
        {
            throw new ClvInputException($"Model file '{path}' has no 'model' and 'parameters' (write it with `rapport clv fit --json`).", "model-file");
        }

        if (file.Converged == false)
        {
            throw new ClvInputException($"Model file '{path}' is from a fit that did not converge (converged: false); its parameters are not estimates. Refit before predicting.", "model-file");
        }

        ModelCatalog.RequireEstimates(file.Parameters);
        return file;
    }

    private static void WriteText(TextWriter output, PredictOutput result)
    {
        output.WriteLine("id,expected_transactions,p_alive,expected_value,clv");
        foreach (var p in result.Predictions)
        {
            output.WriteLine(string.Join(",", p.Id, Text(p.ExpectedTransactions), Text(p.ProbabilityAlive), Text(p.ExpectedValue), Text(p.Clv)));
        }
    }

    private static string Text(double? v) => v?.ToString("G6", CultureInfo.InvariantCulture) ?? string.Empty;

    private sealed record ModelFile(string Model, Dictionary<string, double> Parameters, bool? Converged);
}
