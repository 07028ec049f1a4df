using System;
using System.Collections.Generic;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Fitting;

namespace Rapport.Domain.Clv.Models;

/// <summary>The models by their command-line names: fit one, or rebuild a fitted one from its named parameters.</summary>
public static class ModelCatalog
{
    public static readonly string[] Names = { BgNbdModel.ModelName, MbgNbdModel.ModelName, ParetoNbdModel.ModelName, GammaGammaModel.ModelName, BgBbModel.ModelName };

    public static FitResult Fit(string model, IReadOnlyList<CustomerSummary> customers, FitOptions? options = null) => Normalise(model) switch
    {
        BgNbdModel.ModelName => BgNbdModel.Fit(customers, options),
        MbgNbdModel.ModelName => MbgNbdModel.Fit(customers, options),
        ParetoNbdModel.ModelName => ParetoNbdModel.Fit(customers, options),
        GammaGammaModel.ModelName => GammaGammaModel.Fit(customers, options),
        BgBbModel.ModelName => BgBbModel.Fit(customers, options),
        _ => throw Unknown(model),
    };

    /// <summary>Fits from columns (a streamed summary file): no per-customer objects.</summary>
    public static FitResult Fit(string model, SummaryColumns customers, FitOptions? options = null) => Normalise(model) switch
    {
        BgNbdModel.ModelName => BgNbdModel.Fit(customers, options),
        MbgNbdModel.ModelName => MbgNbdModel.Fit(customers, options),
        ParetoNbdModel.ModelName => ParetoNbdModel.Fit(customers, options),
        GammaGammaModel.ModelName => GammaGammaModel.Fit(customers, options),
        BgBbModel.ModelName => BgBbModel.Fit(customers, options),
        _ => throw Unknown(model),
    };

    /// <summary>A purchase-count model from saved parameters; Gamma-Gamma is a spend model, see <see cref="CreateSpendModel"/>.</summary>
    public static ITransactionModel CreateTransactionModel(string model, IReadOnlyDictionary<string, double> p) => Normalise(model) switch
    {
        BgNbdModel.ModelName => new BgNbdModel(Get(p, "r"), Get(p, "alpha"), Get(p, "a"), Get(p, "b")),
        MbgNbdModel.ModelName => new MbgNbdModel(Get(p, "r"), Get(p, "alpha"), Get(p, "a"), Get(p, "b")),
        ParetoNbdModel.ModelName => new ParetoNbdModel(Get(p, "r"), Get(p, "alpha"), Get(p, "s"), Get(p, "beta")),
        BgBbModel.ModelName => new BgBbModel(Get(p, "alpha"), Get(p, "beta"), Get(p, "gamma"), Get(p, "delta")),
        GammaGammaModel.ModelName => throw new ClvInputException("gammagamma is a spend model: pass it as the spend model, with a purchase-count model alongside.", "model"),
        _ => throw Unknown(model),
    };

    public static GammaGammaModel CreateSpendModel(IReadOnlyDictionary<string, double> p) => new(Get(p, "p"), Get(p, "q"), Get(p, "gamma"));

    public static bool IsSpendModel(string model) => Normalise(model) == GammaGammaModel.ModelName;

    private static string Normalise(string model) => (model ?? string.Empty).Trim().ToLowerInvariant().Replace("/", string.Empty).Replace("-", string.Empty);

    private static double Get(IReadOnlyDictionary<string, double> parameters, string name)
    {
        if (!parameters.TryGetValue(name, out var v) || !(v > 0) || double.IsInfinity(v))
        {
            throw new ClvInputException($"Model parameter '{name}' is missing or not a finite positive number.", name);
        }

        return v;
    }

    /// <summary>
    /// Refuses a saved model whose parameters lie beyond what a fit accepts as an estimate (e^±23: the likelihood had no
    /// maximum). The command line applies it to model files; the CRM judges such fits with their diagnostics instead
    /// (a collapsed BG/NBD with a → 0 still predicts, with a warning).
    /// </summary>
    public static void RequireEstimates(IReadOnlyDictionary<string, double> parameters)
    {
        foreach (var p in parameters)
        {
            if (p.Value < 1e-10 || p.Value > 1e10)
            {
                throw new ClvInputException(
                    $"Model parameter '{p.Key}' = {p.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} is outside 1e-10 to 1e10: it comes from a fit whose likelihood had no maximum, not from an estimate. Refit on more customers.",
                    p.Key);
            }
        }
    }

    private static ClvInputException Unknown(string model) =>
        new($"Unknown model '{model}': use one of {string.Join(", ", Names)}.", "model");
}
