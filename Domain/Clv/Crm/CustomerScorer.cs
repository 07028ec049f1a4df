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

    /// <summary>
    /// The 90% interval of a customer's CLV for the purchase model's parameter uncertainty: CLV is linear in the value
    /// per purchase, so the stored <paramref name="clv"/> is scaled by the bootstrap interval of the model's discounted
    /// expected purchases relative to their value at the estimate (<see cref="ParameterUncertainty"/>). Null when the
    /// model carries no covariance or the interval cannot be drawn.
    /// </summary>
    public static QuantityInterval? ClvInterval(CustomerLedger ledger, DateTime asOf, ClvModelSpec spec, decimal clv, int draws = 200)
    {
        var summary = spec.Covariance == null || spec.IsSpendModel ? null : LedgerSummary.At(ledger, "customer", asOf, spec);
        if (summary == null)
        {
            return null;
        }

        var perYear = 365.25 / spec.UnitDays;
        var horizon = spec.IsYearly ? Math.Ceiling(spec.HorizonMonths / 12) : spec.HorizonMonths / 12 * perYear;
        var discount = Math.Pow(1 + spec.AnnualDiscount, 1 / perYear) - 1;
        double Purchases(ITransactionModel m) => summary.T > 0
            ? Prediction.DiscountedClv(m, summary, 1, horizon, 1, discount)
            : NewCustomerClv(m, 1, horizon, 1, discount);
        try
        {
            var atEstimate = Purchases(spec.TransactionModel());
            if (!(atEstimate > 0))
            {
                return null;
            }

            var names = spec.Covariance!.Names;
            var values = new double[names.Count];
            for (var i = 0; i < names.Count; i++)
            {
                if (!spec.Parameters.TryGetValue(names[i], out values[i]))
                {
                    return null;
                }
            }

            var ratio = ParameterUncertainty.Interval(p => Purchases(ModelCatalog.CreateTransactionModel(spec.Kind, p)) / atEstimate, names, values, spec.Covariance.LogScale, 0.90, draws);
            return new QuantityInterval((double)clv * ratio.Low, (double)clv * ratio.High, ratio.Level, ratio.Draws);
        }
        catch (Exception error) when (error is ClvNumericException || error is ClvInputException)
        {
            return null;
        }
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
