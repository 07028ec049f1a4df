using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Models;
using Rapport.Domain.Common;

namespace Rapport.Domain.Clv.Crm;

/// <summary>
/// A stored CLV model: its kind (a <see cref="ModelCatalog"/> name), fitted parameters and the scoring settings kept
/// with them in the parameters JSON: <c>{"unit":"week","parameters":{"r":0.24,...},"horizonMonths":36,
/// "annualDiscount":0.1,"margin":1,"highValueClv":0}</c>. BG/BB counts calendar years (unit "year").
/// </summary>
public sealed record ClvModelSpec(string Kind, IReadOnlyDictionary<string, double> Parameters)
{
    public const string YearUnit = "year";

    public Guid Id { get; init; }

    public DateTime? FittedOn { get; init; }

    /// <summary>day, week or month for the continuous models; "year" for BG/BB.</summary>
    public string Unit { get; init; } = "week";

    /// <summary>How far ahead the CLV looks.</summary>
    public double HorizonMonths { get; init; } = 36;

    public double AnnualDiscount { get; init; } = 0.10;

    /// <summary>Share of a transaction's value that is margin (1: CLV in revenue).</summary>
    public double Margin { get; init; } = 1;

    /// <summary>CLV from which a customer is "High value"; 0: three times a new customer's expected CLV.</summary>
    public double HighValueClv { get; init; }

    /// <summary>How the fitting sample was drawn (recorded for the model row).</summary>
    public string Sampling { get; init; } = "";

    /// <summary>Yearly retention measured on the sample when fitted, for the retention formulas ("retention").</summary>
    public RetentionRates? Retention { get; init; }

    /// <summary>The fit's covariance of the log-parameters, for intervals; null on hand-made or old models.</summary>
    public ParameterCovariance? Covariance { get; init; }

    public bool IsSpendModel => ModelCatalog.IsSpendModel(Kind);

    public bool IsYearly => Kind == BgBbModel.ModelName;

    /// <summary>The catalog name for a kind as an admin may type it ("BG/NBD", "Pareto-NBD", "bgbb"); unknown kinds are refused.</summary>
    public static string NormaliseKind(string? kind, string parameterName)
    {
        var name = (kind ?? string.Empty).Trim().ToLowerInvariant().Replace("/", string.Empty).Replace("-", string.Empty).Replace(" ", string.Empty);
        if (Array.IndexOf(ModelCatalog.Names, name) < 0)
        {
            throw new ClvInputException($"Unknown model kind '{kind}' ({parameterName}): use one of {string.Join(", ", ModelCatalog.Names)}.", parameterName);
        }

        return name;
    }

    public ITransactionModel TransactionModel() => ModelCatalog.CreateTransactionModel(Kind, Parameters);

    public GammaGammaModel SpendModel() => ModelCatalog.CreateSpendModel(Parameters);

    /// <summary>Days per model time unit (a year is 365.25 days).</summary>
    public double UnitDays => IsYearly ? 365.25 : TimeUnits.Parse(Unit).Days();

    public string ToJson()
    {
        var sb = new StringBuilder("{");
        Append(sb, "unit").Append(':');
        JsonWriter.AppendString(sb, Unit);
        sb.Append(',');
        Append(sb, "parameters").Append(":{");
        var first = true;
        foreach (var p in Parameters)
        {
            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            Append(sb, p.Key).Append(':').Append(Number(p.Value));
        }

        sb.Append('}');
        sb.Append(',');
        Append(sb, "horizonMonths").Append(':').Append(Number(HorizonMonths)).Append(',');
        Append(sb, "annualDiscount").Append(':').Append(Number(AnnualDiscount)).Append(',');
        Append(sb, "margin").Append(':').Append(Number(Margin)).Append(',');
        Append(sb, "highValueClv").Append(':').Append(Number(HighValueClv));
        if (Sampling.Length > 0)
        {
            sb.Append(',');
            Append(sb, "sampling").Append(':');
            JsonWriter.AppendString(sb, Sampling);
        }

        if (Retention != null)
        {
            sb.Append(',');
            Append(sb, "retention").Append(':').Append(Retention.Write(new JsonWriter()).ToString());
        }

        if (Covariance != null)
        {
            sb.Append(',');
            Append(sb, "logCovariance").Append(':').Append(Covariance.ToJson());
        }

        return sb.Append('}').ToString();
    }

    /// <summary>Reads a stored model; <paramref name="where"/> names the row in errors (e.g. "CLV model 'Q3 BG/NBD'").</summary>
    public static ClvModelSpec Parse(string kind, string? json, string where)
    {
        var name = NormaliseKind(kind, "rapport_kind");
        JsonValue root;
        try
        {
            root = JsonReader.Parse(json ?? string.Empty);
        }
        catch (FormatException error)
        {
            throw new ClvInputException($"{where}: the parameters (rapport_parameters) are not valid JSON: {error.Message}", "rapport_parameters");
        }

        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        var values = root.Get("parameters");
        if (values == null || values.Kind != JsonKind.Object)
        {
            throw new ClvInputException($"{where}: the parameters (rapport_parameters) have no \"parameters\" object.", "rapport_parameters");
        }

        foreach (var p in values.Properties)
        {
            parameters[p.Key] = Read(p.Value, where, "parameters." + p.Key) ?? double.NaN;
        }

        var spec = new ClvModelSpec(name, parameters)
        {
            Unit = root.GetString("unit") ?? (name == BgBbModel.ModelName ? YearUnit : "week"),
            HorizonMonths = Read(root.Get("horizonMonths"), where, "horizonMonths") ?? 36,
            AnnualDiscount = Read(root.Get("annualDiscount"), where, "annualDiscount") ?? 0.10,
            Margin = Read(root.Get("margin"), where, "margin") ?? 1,
            HighValueClv = Read(root.Get("highValueClv"), where, "highValueClv") ?? 0,
            Sampling = root.GetString("sampling") ?? string.Empty,
            Retention = RetentionRates.Read(root.Get("retention")),
            Covariance = ParameterCovariance.Read(root.Get("logCovariance")),
        };
        spec.Validate(where);
        return spec;
    }

    /// <summary>Refuses settings and parameters the scorer cannot use, naming the model and the setting.</summary>
    public void Validate(string where)
    {
        try
        {
            if (IsSpendModel)
            {
                SpendModel();
            }
            else
            {
                TransactionModel();
            }
        }
        catch (ClvInputException error)
        {
            throw new ClvInputException($"{where}: {error.Message}", "rapport_parameters");
        }

        if (IsYearly != (Unit == YearUnit))
        {
            throw new ClvInputException($"{where}: unit '{Unit}' does not suit {Kind} (BG/BB counts years; the others day, week or month).", "rapport_parameters");
        }

        if (!IsYearly)
        {
            TimeUnits.Parse(Unit);
        }

        if (!(HorizonMonths > 0 && HorizonMonths <= 1200) || !(AnnualDiscount >= 0 && AnnualDiscount < 10) || !(Margin >= 0 && Margin <= 1000) || !(HighValueClv >= 0) || double.IsInfinity(HighValueClv))
        {
            throw new ClvInputException($"{where}: horizonMonths must be in (0, 1200], annualDiscount in [0, 10), margin in [0, 1000] and highValueClv >= 0.", "rapport_parameters");
        }
    }

    private static double? Read(JsonValue? value, string where, string name)
    {
        if (value == null || value.Kind == JsonKind.Null)
        {
            return null;
        }

        if (value.Kind != JsonKind.Number || !double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            throw new ClvInputException($"{where}: '{name}' in the parameters (rapport_parameters) is not a number.", "rapport_parameters");
        }

        return number;
    }

    private static StringBuilder Append(StringBuilder sb, string name)
    {
        JsonWriter.AppendString(sb, name);
        return sb;
    }

    private static string Number(double value) =>
        double.IsNaN(value) || double.IsInfinity(value) ? "null" : value.ToString("R", CultureInfo.InvariantCulture);
}
