using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Rapport.Domain.Common;

namespace Rapport.Domain.Clv.Crm;

/// <summary>
/// A fitted model's asymptotic covariance of its log-parameters (inverse Hessian), stored with the model
/// ("logCovariance" in its parameters JSON) so a customer's CLV can carry an interval for the parameters' uncertainty.
/// </summary>
public sealed record ParameterCovariance(IReadOnlyList<string> Names, double[,] LogScale)
{
    /// <summary><c>{"names":[…],"matrix":[[…],…]}</c>, full precision.</summary>
    public string ToJson()
    {
        var sb = new StringBuilder("{\"names\":[");
        for (var i = 0; i < Names.Count; i++)
        {
            sb.Append(i > 0 ? "," : string.Empty);
            JsonWriter.AppendString(sb, Names[i]);
        }

        sb.Append("],\"matrix\":[");
        for (var i = 0; i < Names.Count; i++)
        {
            sb.Append(i > 0 ? ",[" : "[");
            for (var j = 0; j < Names.Count; j++)
            {
                sb.Append(j > 0 ? "," : string.Empty).Append(LogScale[i, j].ToString("R", CultureInfo.InvariantCulture));
            }

            sb.Append(']');
        }

        return sb.Append("]}").ToString();
    }

    /// <summary>Null when absent or not a square matrix of numbers matching the names (then no interval is shown).</summary>
    public static ParameterCovariance? Read(JsonValue? value)
    {
        var names = value?.Get("names");
        var matrix = value?.Get("matrix");
        if (names == null || matrix == null || names.Kind != JsonKind.Array || matrix.Kind != JsonKind.Array || matrix.Items.Count != names.Items.Count)
        {
            return null;
        }

        var n = names.Items.Count;
        var list = new List<string>(n);
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            var row = matrix.Items[i];
            if (names.Items[i].Kind != JsonKind.String || row.Kind != JsonKind.Array || row.Items.Count != n)
            {
                return null;
            }

            list.Add(names.Items[i].Text!);
            for (var j = 0; j < n; j++)
            {
                if (row.Items[j].Kind != JsonKind.Number || !double.TryParse(row.Items[j].Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || double.IsNaN(v) || double.IsInfinity(v))
                {
                    return null;
                }

                m[i, j] = v;
            }
        }

        return new ParameterCovariance(list, m);
    }

    public static ParameterCovariance? From(Fitting.FitResult fit) =>
        fit.LogCovariance == null ? null : new ParameterCovariance(fit.Names, fit.LogCovariance);
}
