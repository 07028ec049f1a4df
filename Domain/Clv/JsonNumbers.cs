using System;
using Rapport.Domain.Common;

namespace Rapport.Domain.Clv;

/// <summary>Doubles in the CLV reports' JSON: rounded to 6 significant digits; NaN, infinity and null as null.</summary>
public static class JsonNumbers
{
    public static JsonWriter Write(JsonWriter w, string name, double? value) => Value(w.Name(name), value);

    public static JsonWriter Value(JsonWriter w, double? value)
    {
        if (value is double v && !double.IsNaN(v) && !double.IsInfinity(v) && Math.Abs(v) < 7.9e27)
        {
            return w.Number(Round(v));
        }

        return w.Null();
    }

    private static decimal Round(double v)
    {
        if (v == 0)
        {
            return 0;
        }

        var digits = 5 - (int)Math.Floor(Math.Log10(Math.Abs(v)));
        return digits >= 0 ? Math.Round((decimal)v, Math.Min(digits, 28)) : (decimal)(Math.Round(v / Math.Pow(10, -digits)) * Math.Pow(10, -digits));
    }
}
