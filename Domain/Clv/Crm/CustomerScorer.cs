using System;
using System.Collections.Generic;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Models;

namespace Rapport.Domain.Clv.Crm;

/// <summary>
/// Turns a customer's ledger into its scorecard with the active models: the summary and donor rollups always; P(alive),
/// expected transactions in the next 12 months, CLV and segment when a count model is active. Donors (a ledger with
/// gifts) prefer BG/BB; sales customers BG/NBD, then Pareto/NBD, then MBG/NBD; Gamma-Gamma, when active, values the
/// continuous models' transactions, otherwise the customer's own mean value is used.
/// </summary>
public static class CustomerScorer
{
    private static readonly string[] SalesPreference = { BgNbdModel.ModelName, ParetoNbdModel.ModelName, MbgNbdModel.ModelName, BgBbModel.ModelName };
    private static readonly string[] DonorPreference = { BgBbModel.ModelName, BgNbdModel.ModelName, ParetoNbdModel.ModelName, MbgNbdModel.ModelName };

    public static CustomerScorecard Score(CustomerLedger ledger, DateTime asOf, IReadOnlyList<ClvModelSpec> activeModels)
    {
        if (ledger.IsEmpty)
        {
            return new CustomerScorecard { ScoredOn = asOf };
        }

        var rollup = DonorRollups.Compute(ledger.Transactions("customer"), asOf.Year)[0];
        var card = new CustomerScorecard
        {
            ScoredOn = asOf,
            TransactionCount = ledger.Count,
            FirstTransactionOn = rollup.FirstGiftDate,
            LastTransactionOn = rollup.LastGiftDate,
            Total = ledger.TotalCents / 100m,
            Average = decimal.Round(ledger.TotalCents / 100m / ledger.Count, 2),
            LargestGift = Money(rollup.LargestGift),
            BestYear = rollup.BestYear,
            BestYearTotal = Money(rollup.BestYearTotal),
            ConsecutiveYears = rollup.ConsecutiveYears,
            Lybunt = rollup.Lybunt,
            Sybunt = rollup.Sybunt,
        };

        var model = Choose(activeModels, ledger.HasGifts ? DonorPreference : SalesPreference);
        if (model == null)
        {
            var idle = (asOf.Date - rollup.LastGiftDate).TotalDays;
            var segment = idle <= 365 ? ClvSegment.Steady : idle <= 730 ? ClvSegment.AtRisk : ClvSegment.Lapsed;
            return card with { Segment = segment, Level = CustomerInsights.LevelOf(segment) };
        }

        var spend = model.IsYearly ? null : Choose(activeModels, new[] { GammaGammaModel.ModelName });
        try
        {
            var scored = WithScores(card, ledger, asOf, model, spend);
            return scored with { Retention = RetentionValue.For(ledger, asOf, scored.Segment, model) };
        }
        catch (ClvNumericException error)
        {
            return card with { Model = model, Warning = $"{model.Kind} could not score this customer: {error.Message}" };
        }
    }

    private static CustomerScorecard WithScores(CustomerScorecard card, CustomerLedger ledger, DateTime asOf, ClvModelSpec spec, ClvModelSpec? spendSpec)
    {
        var summary = LedgerSummary.At(ledger, "customer", asOf, spec)!;
        var model = spec.TransactionModel();
        var perYear = 365.25 / spec.UnitDays;
        var next12 = spec.IsYearly ? 1 : perYear;
        var horizon = spec.IsYearly ? Math.Ceiling(spec.HorizonMonths / 12) : spec.HorizonMonths / 12 * perYear;
        var discount = Math.Pow(1 + spec.AnnualDiscount, 1 / perYear) - 1;
        var spend = spendSpec?.SpendModel();
        var ownValue = LedgerSummary.MeanTransactionValue(ledger, asOf, spec);
        var value = spend != null ? spend.ConditionalExpectedValue(summary.Frequency, summary.MonetaryValue) : ownValue;

        double alive, expected, clv;
        if (summary.T > 0)
        {
            alive = model.ProbabilityAlive(summary.Frequency, summary.Recency, summary.T);
            expected = model.ConditionalExpectedTransactions(next12, summary.Frequency, summary.Recency, summary.T);
            clv = Prediction.DiscountedClv(model, summary, value, horizon, spec.Margin, discount);
        }
        else
        {
            // Bought for the first time today: no history yet, so the population's expectations apply.
            alive = 1;
            expected = model.ExpectedTransactions(next12);
            clv = NewCustomerClv(model, value, horizon, spec.Margin, discount);
        }

        var populationValue = spend != null ? spend.PopulationMeanValue : ownValue;
        var highValue = spec.HighValueClv > 0 ? spec.HighValueClv : 3 * NewCustomerClv(model, populationValue, horizon, spec.Margin, discount);
        var tenureYears = Math.Max(1, (asOf.Date - card.FirstTransactionOn!.Value).TotalDays / 365.25);
        var pastRate = (summary.Frequency + 1) / tenureYears;
        var segment = alive < 0.25 ? ClvSegment.Lapsed
            : alive < 0.5 ? ClvSegment.AtRisk
            : clv >= highValue ? ClvSegment.HighValue
            : expected > 1.2 * pastRate ? ClvSegment.Growing
            : ClvSegment.Steady;
        return card with
        {
            Model = spec,
            ProbabilityAlive = Math.Round(alive, 4),
            ExpectedTransactions12Months = Math.Round(expected, 4),
            Clv = Money(clv),
            Segment = segment,
            Level = CustomerInsights.LevelOf(segment),
        };
    }

    /// <summary>A just-acquired customer's discounted CLV: the unconditional expectation per period, valued and discounted.</summary>
    private static double NewCustomerClv(ITransactionModel model, double value, double horizon, double margin, double discount)
    {
        double total = 0, previous = 0, k = 0;
        while (k < horizon)
        {
            k = Math.Min(k + 1, horizon);
            var cumulative = model.ExpectedTransactions(k);
            total += (cumulative - previous) * value * margin / Math.Pow(1 + discount, k);
            previous = cumulative;
        }

        return total;
    }

    private static ClvModelSpec? Choose(IReadOnlyList<ClvModelSpec> models, string[] preference)
    {
        foreach (var kind in preference)
        {
            foreach (var model in models)
            {
                if (model.Kind == kind)
                {
                    return model;
                }
            }
        }

        return null;
    }

    private static decimal Money(double value) =>
        double.IsNaN(value) || double.IsInfinity(value) ? 0 : decimal.Round((decimal)Math.Max(0, Math.Min(value, 1e14)), 2);
}
