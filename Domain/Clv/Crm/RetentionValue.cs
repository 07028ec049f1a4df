using System;
using System.Collections.Generic;
using System.Globalization;
using Rapport.Domain.Common;

namespace Rapport.Domain.Clv.Crm;

/// <summary>
/// Yearly retention measured on the stored ledgers when a model is fitted: of the customers with a transaction in the
/// year before last (the 365 days before the last 365), the share with one in the last 365 days; overall and per CLV
/// segment. Stored with the model (its parameters JSON, "retention") so the retention formulas can be shown beside it.
/// </summary>
public sealed record RetentionRates(double? Overall, int OverallBase, IReadOnlyDictionary<ClvSegment, RetentionRates.Rate> Segments)
{
    /// <summary>Fewest customers a segment's own rate is used on; below it the overall rate stands in.</summary>
    public const int MinimumBase = 30;

    public sealed record Rate(double Value, int Base);

    public static RetentionRates Measure(IEnumerable<KeyValuePair<CustomerLedger, ClvSegment?>> customers, DateTime asOf)
    {
        var current = asOf.Date.AddDays(-365);
        var previous = current.AddDays(-365);
        int overallBase = 0, overallKept = 0;
        var bases = new Dictionary<ClvSegment, int[]>();
        foreach (var customer in customers)
        {
            bool before = false, after = false;
            foreach (var day in customer.Key.DayTotals(asOf))
            {
                before |= day.Key >= previous && day.Key < current;
                after |= day.Key >= current;
            }

            if (!before)
            {
                continue;
            }

            overallBase++;
            overallKept += after ? 1 : 0;
            if (customer.Value is ClvSegment segment)
            {
                if (!bases.TryGetValue(segment, out var counts))
                {
                    bases[segment] = counts = new int[2];
                }

                counts[0]++;
                counts[1] += after ? 1 : 0;
            }
        }

        var segments = new SortedDictionary<ClvSegment, Rate>();
        foreach (var b in bases)
        {
            segments[b.Key] = new Rate((double)b.Value[1] / b.Value[0], b.Value[0]);
        }

        return new RetentionRates(overallBase > 0 ? (double)overallKept / overallBase : null, overallBase, segments);
    }

    /// <summary>The segment's rate when it rests on at least <see cref="MinimumBase"/> customers, else the overall rate; with where it came from.</summary>
    public KeyValuePair<double, string>? For(ClvSegment? segment)
    {
        if (segment is ClvSegment s && Segments.TryGetValue(s, out var own) && own.Base >= MinimumBase)
        {
            return new KeyValuePair<double, string>(own.Value, string.Format(CultureInfo.InvariantCulture, "the {0} segment's ({1} customers)", CustomerInsights.SegmentLabel(s), own.Base));
        }

        return Overall is double overall
            ? new KeyValuePair<double, string>(overall, string.Format(CultureInfo.InvariantCulture, "all customers' ({0} customers)", OverallBase))
            : null;
    }

    public JsonWriter Write(JsonWriter w)
    {
        w.StartObject();
        JsonNumbers.Write(w, "overall", Overall);
        w.Property("base", OverallBase).Name("segments").StartObject();
        foreach (var s in Segments)
        {
            w.Name(s.Key.ToString()).StartObject();
            JsonNumbers.Write(w, "rate", s.Value.Value);
            w.Property("base", s.Value.Base).EndObject();
        }

        return w.EndObject().EndObject();
    }

    public static RetentionRates? Read(JsonValue? value)
    {
        if (value == null || value.Kind != JsonKind.Object)
        {
            return null;
        }

        var segments = new SortedDictionary<ClvSegment, Rate>();
        var list = value.Get("segments");
        if (list != null && list.Kind == JsonKind.Object)
        {
            foreach (var p in list.Properties)
            {
                if (Enum.TryParse<ClvSegment>(p.Key, out var segment) && Number(p.Value.Get("rate")) is double rate)
                {
                    segments[segment] = new Rate(rate, (int)(Number(p.Value.Get("base")) ?? 0));
                }
            }
        }

        return new RetentionRates(Number(value.Get("overall")), (int)(Number(value.Get("base")) ?? 0), segments);
    }

    private static double? Number(JsonValue? value) =>
        value != null && value.Kind == JsonKind.Number && double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
}

/// <summary>
/// The retention formulas for one customer, with their inputs, so staff can see how the figure is made:
/// Gupta &amp; Lehmann (2003) CLV = m · r / (1 + i − r), with m the yearly margin (average gift × gifts per year ×
/// margin share), r the yearly retention rate and i the yearly discount rate; donor lifetime value = g · f / (1 − r)
/// (average gift × gifts per year × expected lifespan in years). Values are null where a formula has no finite value
/// (r = 1).
/// </summary>
public sealed record RetentionValue(double RetentionRate, string RateSource, double AverageGift, double GiftsPerYear, double Margin, double Discount, double? GuptaLehmannClv, double? DonorLifetimeValue)
{
    public const string GuptaLehmannFormula = "m · r / (1 + i − r), m = g · f · margin";
    public const string DonorLifetimeValueFormula = "g · f / (1 − r)";

    /// <summary>Null when the customer has no transaction or the model carries no retention rate.</summary>
    public static RetentionValue? For(CustomerLedger ledger, DateTime asOf, ClvSegment? segment, ClvModelSpec model)
    {
        var days = ledger.DayTotals(asOf);
        var rate = model.Retention?.For(segment);
        if (days.Count == 0 || rate == null)
        {
            return null;
        }

        double total = 0;
        foreach (var day in days)
        {
            total += day.Value;
        }

        var g = total / days.Count;
        var f = days.Count / Math.Max(1, (asOf.Date - days[0].Key).TotalDays / 365.25);
        return From(g, f, rate.Value.Key, rate.Value.Value, model);
    }

    /// <summary>Both formulas at average gift <paramref name="g"/>, gifts per year <paramref name="f"/> and retention <paramref name="r"/> (from <paramref name="source"/>).</summary>
    public static RetentionValue From(double g, double f, double r, string source, ClvModelSpec model)
    {
        double? gl = r < 1 || model.AnnualDiscount > 0 ? RetentionFormulas.GuptaLehmannClv(g * f * model.Margin, r, model.AnnualDiscount) : null;
        double? dlv = r < 1 ? RetentionFormulas.DonorLifetimeValue(g, f, r) : null;
        return new RetentionValue(r, source, g, f, model.Margin, model.AnnualDiscount, gl, dlv);
    }

    /// <summary>The formulas with their inputs filled in, in words: what the card, API and activity show.</summary>
    public string Explain()
    {
        var c = CultureInfo.InvariantCulture;
        var m = AverageGift * GiftsPerYear * Margin;
        var gl = GuptaLehmannClv is double v ? v.ToString("0.00", c) : "no finite value";
        var dlv = DonorLifetimeValue is double d ? d.ToString("0.00", c) : "no finite value";
        return string.Format(
            c,
            "Gupta-Lehmann CLV = m·r/(1+i−r) with m = g·f·margin = {0:0.00}·{1:0.###}·{2:0.###} = {3:0.00}, r = {4:0.###}, i = {5:0.###}: {6}. Donor lifetime value = g·f/(1−r) = {0:0.00}·{1:0.###}/(1−{4:0.###}): {7}. r is the yearly retention rate measured on {8} gifts and purchases.",
            AverageGift,
            GiftsPerYear,
            Margin,
            m,
            RetentionRate,
            Discount,
            gl,
            dlv,
            RateSource);
    }

    /// <summary><c>{"rate","rateSource","inputs":{"g","f","margin","i"},"formulas":[{"name","formula","value"}]}</c>.</summary>
    public JsonWriter Write(JsonWriter w)
    {
        w.StartObject();
        JsonNumbers.Write(w, "rate", RetentionRate);
        w.Property("rateSource", $"yearly retention rate r = {RetentionRate.ToString("0.###", CultureInfo.InvariantCulture)}, measured on {RateSource} gifts and purchases when the model was fitted").Name("inputs").StartObject();
        JsonNumbers.Write(w, "g", AverageGift);
        JsonNumbers.Write(w, "f", GiftsPerYear);
        JsonNumbers.Write(w, "margin", Margin);
        JsonNumbers.Write(w, "i", Discount);
        w.EndObject().Name("formulas").StartArray();
        Formula(w, "Gupta–Lehmann CLV", GuptaLehmannFormula, GuptaLehmannClv);
        Formula(w, "Donor lifetime value", DonorLifetimeValueFormula, DonorLifetimeValue);
        return w.EndArray().EndObject();
    }

    private static void Formula(JsonWriter w, string name, string formula, double? value)
    {
        w.StartObject().Property("name", name).Property("formula", formula);
        JsonNumbers.Write(w, "value", value.HasValue ? Math.Round(value.Value, 2) : null);
        w.EndObject();
    }
}
