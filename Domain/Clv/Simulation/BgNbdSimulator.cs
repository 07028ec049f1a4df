using System;
using System.Collections.Generic;
using System.Globalization;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Models;

namespace Rapport.Domain.Clv.Simulation;

/// <summary>
/// Draws a synthetic customer base from a BG/NBD model, shaped like the CDNOW cohort: first purchases spread over an
/// acquisition window, one calibration end. Times are recorded to <c>resolution</c> (default a day, in weeks), or
/// exactly when it is 0 (continuous T and recency, as exports with timestamps are: nearly every row is distinct).
/// </summary>
public static class BgNbdSimulator
{
    public static List<CustomerSummary> Generate(BgNbdModel model, int customers, int seed, double calibrationLength = 39, double acquisitionWindow = 12, double resolution = 1.0 / 7)
    {
        if (customers <= 0)
        {
            throw new ClvInputException($"Customer count must be > 0, got {customers}.", "customers");
        }

        var random = new RandomVariates(seed);
        var rows = new List<CustomerSummary>(customers);
        for (var i = 0; i < customers; i++)
        {
            var lambda = random.Gamma(model.R) / model.Alpha;
            var p = random.Beta(model.A, model.B);
            var T = calibrationLength - Recorded(random.Uniform() * acquisitionWindow, resolution, Math.Floor);
            int x = 0;
            double t = 0, tx = 0;
            while (true)
            {
                t += random.Exponential(lambda);
                if (t > T)
                {
                    break;
                }

                x++;
                tx = t;

                // BG/NBD: after each repeat purchase the customer drops out with probability p.
                if (random.Uniform() < p)
                {
                    break;
                }
            }

            // Nearest recorded day: flooring would bias recency (and so the fitted dropout) downwards.
            var recency = Recorded(tx, resolution, Math.Round);
            rows.Add(new CustomerSummary(i.ToString(CultureInfo.InvariantCulture), x, Math.Min(recency, T), T));
        }

        return rows;
    }

    private static double Recorded(double time, double resolution, Func<double, double> toStep) =>
        resolution > 0 ? toStep(time / resolution) * resolution : time;
}
