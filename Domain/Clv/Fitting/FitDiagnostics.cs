using System;
using System.Collections.Generic;
using System.Globalization;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Models;
using Rapport.Domain.Common;

namespace Rapport.Domain.Clv.Fitting;

/// <summary>Whether a fitted model may be used for scoring.</summary>
public enum FitVerdict
{
    Usable = 0,
    UsableWithWarnings = 1,
    Unusable = 2,
}

/// <summary>One fitted parameter: its value, standard error (null: not computable) and whether it ran to a bound.</summary>
public sealed record ParameterDiagnostic(string Name, double Value, double? StandardError, bool AtBound, bool NearBound)
{
    public bool StandardErrorFinite => StandardError is double se && !double.IsNaN(se) && !double.IsInfinity(se);
}

/// <summary>
/// What an admin needs before trusting a fit: convergence, iterations, parameters at a bound, standard errors,
/// log-likelihood, customers used, and a verdict with the reasons in words. All parameters are positive and fitted on a
/// log scale, so a "bound" is 0 or infinity: a value beyond 1e6 or below 1e-6 means the data pushed the parameter
/// out of reach; beyond 1e4 or below 1e-4 it is near one. Gamma-Gamma at a bound (q, γ → ∞: every customer's expected
/// spend collapses to the population mean) is unusable; a count model at a bound is usable with a warning.
/// </summary>
public sealed record FitDiagnostics(
    string Model,
    bool Converged,
    int Iterations,
    double LogLikelihood,
    double Customers,
    double RepeatCustomers,
    IReadOnlyList<ParameterDiagnostic> Parameters,
    FitVerdict Verdict,
    IReadOnlyList<string> Reasons)
{
    /// <summary>Below this many customers a fit is refused as unusable.</summary>
    public const int MinimumCustomers = 30;

    /// <summary>Below this many customers a fit is usable with a warning.</summary>
    public const int ComfortableCustomers = 200;

    private const double Bound = 1e6;
    private const double Near = 1e4;

    public bool StandardErrorsFinite
    {
        get
        {
            foreach (var p in Parameters)
            {
                if (!p.StandardErrorFinite)
                {
                    return false;
                }
            }

            return Parameters.Count > 0;
        }
    }

    public string VerdictLabel => Label(Verdict);

    /// <summary>The reasons as one paragraph ("Usable." when there are none).</summary>
    public string Summary => Reasons.Count == 0 ? $"{VerdictLabel}: no problem found." : $"{VerdictLabel}: {string.Join(" ", Reasons)}";

    public static string Label(FitVerdict verdict) => verdict switch
    {
        FitVerdict.Usable => "Usable",
        FitVerdict.UsableWithWarnings => "Usable with warnings",
        _ => "Unusable",
    };

    /// <summary>Judges a fit against the rows it was fitted on (weights count as customers).</summary>
    public static FitDiagnostics Assess(FitResult fit, IReadOnlyList<CustomerSummary> rows)
    {
        double customers = 0, repeaters = 0;
        var values = new List<double>();
        foreach (var row in rows)
        {
            customers += row.Weight;
            if (row.Frequency > 0)
            {
                repeaters += row.Weight;
                values.Add(row.MonetaryValue);
            }
        }

        return Assess(fit, customers, repeaters, values);
    }

    /// <summary>As <see cref="Assess(FitResult, IReadOnlyList{CustomerSummary})"/>, for customers read as columns.</summary>
    public static FitDiagnostics Assess(FitResult fit, SummaryColumns rows)
    {
        double customers = 0, repeaters = 0;
        var values = new List<double>();
        for (var i = 0; i < rows.Count; i++)
        {
            customers += rows.Weight[i];
            if (rows.Frequency[i] > 0)
            {
                repeaters += rows.Weight[i];
                values.Add(rows.MonetaryValue[i]);
            }
        }

        return Assess(fit, customers, repeaters, values);
    }

    private static FitDiagnostics Assess(FitResult fit, double customers, double repeaters, List<double> values)
    {
        var unusable = new List<string>();
        var warnings = new List<string>();
        var spend = ModelCatalog.IsSpendModel(fit.Model);

        var used = spend ? repeaters : customers;
        var who = spend ? "repeat customers" : "customers";
        if (used < MinimumCustomers)
        {
            unusable.Add($"Only {Count(used)} {who}: at least {MinimumCustomers} are needed before the {fit.Model} parameters mean anything.");
        }
        else if (used < ComfortableCustomers)
        {
            warnings.Add($"Only {Count(used)} {who}: estimates are rough below {ComfortableCustomers}.");
        }

        if (!spend && customers > 0 && repeaters == 0)
        {
            unusable.Add("No customer made a repeat purchase: the model cannot tell how often customers buy again or when they stop.");
        }

        if (spend && values.Count > 0 && NoSpread(values))
        {
            unusable.Add($"Every repeat customer's average spend is the same ({values[0].ToString("0.##", CultureInfo.InvariantCulture)}): there is no spread for the spend model to learn; score with the customers' own averages instead.");
        }

        if (!fit.Converged)
        {
            unusable.Add($"The optimiser stopped after {fit.Iterations} iterations without converging.");
        }

        if (double.IsNaN(fit.LogLikelihood) || double.IsInfinity(fit.LogLikelihood))
        {
            unusable.Add("The log-likelihood at the fitted parameters is not a finite number.");
        }

        var parameters = new List<ParameterDiagnostic>(fit.Names.Count);
        var uncertain = new List<string>();
        for (var i = 0; i < fit.Names.Count; i++)
        {
            var value = fit.Values[i];
            double? se = fit.StandardErrors?[i];
            var at = !(value < Bound && value > 1 / Bound);
            var near = !at && !(value < Near && value > 1 / Near);
            var p = new ParameterDiagnostic(fit.Names[i], value, se, at, near);
            parameters.Add(p);
            if (at)
            {
                // A spend model at a bound ignores what each customer spent (the failure the admin must not miss); a
                // count model at a bound has collapsed to a simpler one (same rate for all, nobody drops out), which
                // still predicts but no longer tells customers apart.
                (spend ? unusable : warnings).Add(BoundReason(fit.Model, p.Name, value));
            }
            else if (near)
            {
                warnings.Add($"Parameter {p.Name} = {Text(value)} is near a bound ({(value > 1 ? "very large" : "close to 0")}): the data barely determine it.");
            }

            if (p.StandardErrorFinite && se > value)
            {
                uncertain.Add(p.Name);
            }
        }

        if (fit.StandardErrors == null || !AllFinite(parameters))
        {
            warnings.Add("Standard errors could not be computed (the likelihood is flat in some direction at the optimum): the parameters are poorly determined.");
        }
        else if (uncertain.Count > 0)
        {
            warnings.Add($"The standard error of {string.Join(", ", uncertain)} exceeds the value itself: treat scores as rough.");
        }

        var verdict = unusable.Count > 0 ? FitVerdict.Unusable : warnings.Count > 0 ? FitVerdict.UsableWithWarnings : FitVerdict.Usable;
        unusable.AddRange(warnings);
        return new FitDiagnostics(fit.Model, fit.Converged, fit.Iterations, fit.LogLikelihood, customers, repeaters, parameters, verdict, unusable);
    }

    /// <summary>A fit that failed outright (the optimiser threw): unusable, with the failure in words.</summary>
    public static FitDiagnostics Failed(string model, double customers, string why) =>
        new(model, false, 0, double.NaN, customers, 0, Array.Empty<ParameterDiagnostic>(), FitVerdict.Unusable, new[] { why });

    /// <summary>
    /// <c>{"model","verdict","reasons":[..],"converged","iterations","logLikelihood","customers","repeatCustomers",
    /// "standardErrorsFinite","parameters":[{"name","value","standardError","atBound","nearBound"}]}</c>.
    /// </summary>
    public string ToJson() => Write(new JsonWriter()).ToString();

    public JsonWriter Write(JsonWriter w)
    {
        w.StartObject().Property("model", Model).Property("verdict", VerdictLabel).Name("reasons").StartArray();
        foreach (var reason in Reasons)
        {
            w.String(reason);
        }

        w.EndArray().Property("converged", Converged).Property("iterations", Iterations);
        JsonNumbers.Write(w, "logLikelihood", LogLikelihood);
        JsonNumbers.Write(w, "customers", Customers);
        JsonNumbers.Write(w, "repeatCustomers", RepeatCustomers);
        w.Property("standardErrorsFinite", StandardErrorsFinite).Name("parameters").StartArray();
        foreach (var p in Parameters)
        {
            w.StartObject().Property("name", p.Name);
            JsonNumbers.Write(w, "value", p.Value);
            JsonNumbers.Write(w, "standardError", p.StandardError);
            w.Property("atBound", p.AtBound).Property("nearBound", p.NearBound).EndObject();
        }

        return w.EndArray().EndObject();
    }

    private static string BoundReason(string model, string name, double value)
    {
        var where = value > 1 ? "ran off towards infinity" : "collapsed towards 0";
        var consequence = model == GammaGammaModel.ModelName && (name == "q" || name == "gamma")
            ? "every customer's expected spend collapses to the population mean, whatever the customer spent"
            : "the model has collapsed to a simpler one that no longer tells customers apart on this parameter";
        return $"Parameter {name} = {Text(value)} {where} (a boundary of what the data can identify): {consequence}.";
    }

    private static bool NoSpread(List<double> values)
    {
        double min = double.MaxValue, max = double.MinValue;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return max - min <= 1e-9 * Math.Max(1, Math.Abs(max));
    }

    private static bool AllFinite(List<ParameterDiagnostic> parameters)
    {
        foreach (var p in parameters)
        {
            if (!p.StandardErrorFinite)
            {
                return false;
            }
        }

        return true;
    }

    private static string Count(double n) => n.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Text(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
