using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Models;

namespace Rapport.Clv.Tests;

/// <summary>
/// The holdout report on CDNOW's 39/39-week split (calibration to 1997-09-30, holdout to 1998-06-30), the setting of
/// Fader, Hardie &amp; Lee (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2) 275–284, at the
/// paper's BG/NBD parameters (r = 0.243, α = 4.414, a = 0.793, b = 2.426). The paper shows the conditional
/// expectations by calibration frequency (0 … 7+) only as a figure; its plotted values could not be found in text
/// form, so both sides of the table are checked against independent computations instead:
/// the actual side by counting purchase days straight from CDNOW_sample.txt, the predicted side by Monte Carlo
/// integration of the BG/NBD's definition over each customer's posterior (no hypergeometric function involved).
/// The holdout totals: 1,882 repeat purchase days happened in weeks 40–78.
/// </summary>
public class CdnowHoldoutTests
{
    private static readonly DateTime CalibrationEnd = new(1997, 9, 30);
    private static readonly DateTime HoldoutEnd = new(1998, 6, 30);
    private static readonly BgNbdModel Published = new(0.243, 4.414, 0.793, 2.426);

    [Test]
    public void Actual_side_matches_purchase_days_counted_straight_from_the_file()
    {
        var (rows, report, table) = Report();
        var counted = CountFromFile();

        Assert.Multiple(() =>
        {
            Assert.That(report.Customers, Is.EqualTo(2357));
            Assert.That(report.ActualTotal, Is.EqualTo(counted.Values.Sum(c => c.Holdout)));
            Assert.That(table.Select(b => b.Label), Is.EqualTo(new[] { "0", "1", "2", "3", "4", "5", "6", "7+" }));
            foreach (var bin in table)
            {
                var members = counted.Values.Where(c => Math.Min(7, c.Calibration) == bin.Frequency).ToList();
                Assert.That(bin.Customers, Is.EqualTo(members.Count), bin.Label);
                Assert.That(bin.MeanActual, Is.EqualTo(members.Average(c => c.Holdout)).Within(1e-12), bin.Label);
            }
        });
        Assert.That(rows, Has.Count.EqualTo(2357));
    }

    [Test]
    public void Predicted_side_matches_a_Monte_Carlo_integration_of_the_model_definition()
    {
        var (rows, report, table) = Report();
        var random = new Random(20050401);
        var byBin = new double[8];
        var count = new int[8];
        double total = 0;
        foreach (var row in rows)
        {
            var c = row.Calibration;
            var value = MonteCarloConditionalExpectation(random, c.Frequency, c.Recency, c.T, 39, 4000);
            total += value;
            byBin[Math.Min(7, c.Frequency)] += value;
            count[Math.Min(7, c.Frequency)]++;
        }

        Assert.Multiple(() =>
        {
            Assert.That(report.PredictedTotal, Is.EqualTo(total).Within(1).Percent);
            foreach (var bin in table)
            {
                Assert.That(bin.MeanPredicted, Is.EqualTo(byBin[bin.Frequency] / count[bin.Frequency]).Within(3).Percent, bin.Label);
            }

            // The papers' reading of the figure: the model tracks the holdout closely for every calibration frequency.
            Assert.That(report.PredictedTotal, Is.EqualTo(report.ActualTotal).Within(15).Percent);
        });
    }

    private static (List<CalibrationHoldoutRow> Rows, HoldoutReport Report, List<CalibrationBin> Table) Report()
    {
        var rows = RfmSummary.Split(TransactionLog.Read(GoldenData.PathOf("CDNOW_sample.txt")), CalibrationEnd, HoldoutEnd, TimeUnit.Week);
        var report = HoldoutValidation.Validate(Published, rows, 39);
        return (rows, report, CalibrationTable.Build(rows, report));
    }

    /// <summary>Per customer: repeat purchase days in calibration, purchase days in the holdout (several purchases on one day are one).</summary>
    private static Dictionary<string, (int Calibration, int Holdout)> CountFromFile()
    {
        var days = new Dictionary<string, SortedSet<DateTime>>();
        foreach (var line in File.ReadLines(GoldenData.PathOf("CDNOW_sample.txt")))
        {
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3)
            {
                continue;
            }

            var day = DateTime.ParseExact(parts[2], "yyyyMMdd", CultureInfo.InvariantCulture);
            if (!days.TryGetValue(parts[1], out var set))
            {
                days[parts[1]] = set = new SortedSet<DateTime>();
            }

            set.Add(day);
        }

        return days.ToDictionary(d => d.Key, d => (d.Value.Count(x => x <= CalibrationEnd) - 1, d.Value.Count(x => x > CalibrationEnd && x <= HoldoutEnd)));
    }

    /// <summary>
    /// E[Y(t) | x, t_x, T] without the hypergeometric function. Given λ and p, a customer alive at T buys
    /// (1 − e^(−λpt)) / p times in the next t; the history's likelihood is (1−p)^x λ^x e^(−λT) (still alive) +
    /// [x &gt; 0] p (1−p)^(x−1) λ^x e^(−λ t_x) (dropped out after the last purchase) (FHL 2005, eqs. 3–4). Drawing
    /// λ ~ Gamma(r + x, α + T) and p ~ Beta(a, b + x) samples the "alive" term exactly, so the numerator is a plain
    /// mean; the "dropped out" term's weight relative to it is the elementary Beta and Gamma integral
    /// a / (b + x − 1) · ((α + T) / (α + t_x))^(r + x) (sampling it would need weights of infinite variance).
    /// </summary>
    private static double MonteCarloConditionalExpectation(Random random, int x, double tx, double T, double t, int draws)
    {
        double numerator = 0;
        for (var i = 0; i < draws; i++)
        {
            var lambda = Gamma(random, Published.R + x) / (Published.Alpha + T);
            var g1 = Gamma(random, Published.A);
            var p = g1 / (g1 + Gamma(random, Published.B + x));
            numerator += (1 - Math.Exp(-lambda * p * t)) / p;
        }

        var dead = x > 0 ? Published.A / (Published.B + x - 1) * Math.Pow((Published.Alpha + T) / (Published.Alpha + tx), Published.R + x) : 0;
        return numerator / draws / (1 + dead);
    }

    /// <summary>Marsaglia &amp; Tsang (2000) gamma(shape, 1) variates; shape &lt; 1 by the U^(1/shape) boost.</summary>
    private static double Gamma(Random random, double shape)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                var u1 = 1 - random.NextDouble();
                var u2 = random.NextDouble();
                z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                v = 1 + (c * z);
            }
            while (v <= 0);

            v = v * v * v;
            var u = random.NextDouble();
            if (Math.Log(u) < (0.5 * z * z) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }
}
