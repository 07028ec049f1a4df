using System;
using System.Collections.Generic;
using Rapport.Domain.Clv.Models;

namespace Rapport.Domain.Clv;

/// <summary>Cumulative repeat transactions up to the end of week <see cref="Week"/>: the model's expectation and the count.</summary>
public sealed record TrackingPoint(int Week, double Predicted, int Actual);

/// <summary>
/// The weekly tracking figure of Fader, Hardie &amp; Lee (2005), "Counting Your Customers the Easy Way", Marketing
/// Science 24(2), Figure 1: cumulative repeat transactions of a cohort week by week through calibration and holdout,
/// actual against Σ_i E[X(t − s_i)], each customer's unconditional expectation from their first purchase s_i.
/// Days are counted from an origin; week w ends on day 7w − 1 (inclusive), so week 39 of CDNOW ends on 30 September
/// 1997, the end of its calibration period.
/// </summary>
public static class TrackingCurve
{
    /// <summary>Most points a curve gets: longer spans are drawn every few weeks, always ending on the last one.</summary>
    public const int MaxPoints = 160;

    /// <param name="model">the fitted count model (time in its units)</param>
    /// <param name="unitDays">days per model time unit (7 for weeks)</param>
    /// <param name="birthDays">each customer's first purchase, in days from the origin</param>
    /// <param name="repeatDays">every repeat purchase day of those customers, in days from the origin</param>
    /// <param name="weeks">weeks from the origin to the end of the holdout</param>
    public static List<TrackingPoint> Build(ITransactionModel model, double unitDays, IReadOnlyList<int> birthDays, IReadOnlyList<int> repeatDays, int weeks)
    {
        if (weeks < 1 || !(unitDays > 0))
        {
            throw new ClvInputException($"A tracking curve needs at least one week and a positive time unit, got {weeks} weeks of {unitDays}-day units.");
        }

        var lastDay = (7 * weeks) - 1;
        var births = new int[lastDay + 1];
        foreach (var day in birthDays)
        {
            if (day < 0 || day > lastDay)
            {
                throw new ClvInputException($"A first purchase on day {day} lies outside the tracked span (0 to {lastDay}).");
            }

            births[day]++;
        }

        var repeats = new int[lastDay + 1];
        foreach (var day in repeatDays)
        {
            if (day >= 0 && day <= lastDay)
            {
                repeats[day]++;
            }
        }

        // E[X(t)] depends only on the days elapsed, so it is computed once per elapsed day, not once per customer.
        var expected = new double[lastDay + 1];
        for (var d = 1; d <= lastDay; d++)
        {
            expected[d] = model.ExpectedTransactions(d / unitDays);
        }

        var step = (weeks + MaxPoints - 1) / MaxPoints;
        var points = new List<TrackingPoint>();
        var cumulative = new int[lastDay + 1];
        var running = 0;
        for (var d = 0; d <= lastDay; d++)
        {
            running += repeats[d];
            cumulative[d] = running;
        }

        for (var w = weeks; w >= 1; w -= step)
        {
            var end = (7 * w) - 1;
            double predicted = 0;
            for (var b = 0; b < end; b++)
            {
                if (births[b] > 0)
                {
                    predicted += births[b] * expected[end - b];
                }
            }

            points.Add(new TrackingPoint(w, predicted, cumulative[end]));
        }

        points.Reverse();
        return points;
    }
}
