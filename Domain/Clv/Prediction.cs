using System;
using System.Collections.Generic;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Models;

namespace Rapport.Domain.Clv;

/// <summary>One customer's outlook over the horizon. Value and CLV are null without a spend model.</summary>
public sealed record CustomerPrediction(string Id, double? ExpectedTransactions, double? ProbabilityAlive, double? ExpectedValue, double? Clv);

/// <summary>Per-customer scoring: expected purchases, P(alive), expected value and discounted CLV.</summary>
public static class Prediction
{
    /// <summary>
    /// Σ_k (E[Y(k)] − E[Y(k−1)]) · value · margin / (1 + d)^k over whole periods k = 1..H (a fractional last
    /// period is discounted at H): each period's expected purchases, valued and discounted at its end.
    /// </summary>
    public static double DiscountedClv(ITransactionModel model, CustomerSummary customer, double expectedValue, double horizon, double margin, double discountRate)
    {
        RequireClvInputs(horizon, margin, discountRate);
        if (!(expectedValue >= 0) || double.IsInfinity(expectedValue))
        {
            throw new ClvInputException($"Expected value for customer '{customer.Id}' must be a finite number >= 0, got {expectedValue}.", "value");
        }

        double total = 0, previous = 0, k = 0;
        while (k < horizon)
        {
            k = Math.Min(k + 1, horizon);
            var cumulative = model.ConditionalExpectedTransactions(k, customer.Frequency, customer.Recency, customer.T);
            total += (cumulative - previous) * expectedValue * margin / Math.Pow(1 + discountRate, k);
            previous = cumulative;
        }

        return total;
    }

    public static List<CustomerPrediction> Score(
        ITransactionModel? model,
        GammaGammaModel? spend,
        IReadOnlyList<CustomerSummary> customers,
        double horizon,
        double margin = 1,
        double discountRate = 0)
    {
        if (model == null && spend == null)
        {
            throw new ClvInputException("Scoring needs a purchase-count model, a spend model, or both.", "model");
        }

        RequireClvInputs(horizon, margin, discountRate);
        CustomerSummary.Validate(customers);
        var result = new List<CustomerPrediction>(customers.Count);
        foreach (var c in customers)
        {
            double? transactions = model?.ConditionalExpectedTransactions(horizon, c.Frequency, c.Recency, c.T);
            double? alive = model?.ProbabilityAlive(c.Frequency, c.Recency, c.T);
            double? value = spend?.ConditionalExpectedValue(c.Frequency, c.MonetaryValue);
            double? clv = model != null && value.HasValue ? DiscountedClv(model, c, value.Value, horizon, margin, discountRate) : null;
            result.Add(new CustomerPrediction(c.Id, transactions, alive, value, clv));
        }

        return result;
    }

    private static void RequireClvInputs(double horizon, double margin, double discountRate)
    {
        if (!(horizon > 0) || double.IsInfinity(horizon))
        {
            throw new ClvInputException($"Horizon must be a finite number > 0, got {horizon}.", "horizon");
        }

        if (!(margin >= 0) || double.IsInfinity(margin))
        {
            throw new ClvInputException($"Margin must be a finite number >= 0, got {margin}.", "margin");
        }

        if (!(discountRate > -1) || double.IsInfinity(discountRate))
        {
            throw new ClvInputException($"Discount rate must be a finite number > -1, got {discountRate}.", "discount");
        }
    }
}
