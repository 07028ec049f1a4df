using System;
using System.Collections.Generic;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Models;

namespace Rapport.Clv.Tests;

public class PredictionTests
{
    private static readonly BgNbdModel Cdnow = new(0.243, 4.414, 0.793, 2.426);
    private static readonly CustomerSummary Customer = new("1", 2, 30.43, 38.86, 22.35);

    [Test]
    public void Undiscounted_clv_is_expected_purchases_times_value_times_margin()
    {
        var clv = Prediction.DiscountedClv(Cdnow, Customer, 30, 52, 0.25, 0);

        Assert.That(clv, Is.EqualTo(Cdnow.ConditionalExpectedTransactions(52, 2, 30.43, 38.86) * 30 * 0.25).Within(1e-9));
    }

    [Test]
    public void Discounting_lowers_clv_and_each_period_is_discounted_at_its_end()
    {
        var undiscounted = Prediction.DiscountedClv(Cdnow, Customer, 30, 2, 1, 0);
        var discounted = Prediction.DiscountedClv(Cdnow, Customer, 30, 2, 1, 0.1);
        var first = Cdnow.ConditionalExpectedTransactions(1, 2, 30.43, 38.86);
        var second = Cdnow.ConditionalExpectedTransactions(2, 2, 30.43, 38.86) - first;

        Assert.That(discounted, Is.LessThan(undiscounted));
        Assert.That(discounted, Is.EqualTo(30 * ((first / 1.1) + (second / 1.21))).Within(1e-9));
    }

    [Test]
    public void Scoring_with_a_spend_model_fills_value_and_clv_for_every_customer()
    {
        var spend = new GammaGammaModel(6.25, 3.74, 15.44);
        var customers = new List<CustomerSummary> { Customer, new("3", 0, 0, 38.86) };

        var scores = Prediction.Score(Cdnow, spend, customers, 39, 0.3, 0.01);

        Assert.That(scores[0].ExpectedValue, Is.EqualTo(spend.ConditionalExpectedValue(2, 22.35)));
        Assert.That(scores[1].ExpectedValue, Is.EqualTo(spend.PopulationMeanValue).Within(1e-12));
        Assert.That(scores[0].Clv, Is.GreaterThan(scores[1].Clv!.Value));
        Assert.That(scores[1].ProbabilityAlive, Is.EqualTo(1));
    }

    [Test]
    public void Scoring_without_a_spend_model_leaves_value_and_clv_empty()
    {
        var scores = Prediction.Score(Cdnow, null, new List<CustomerSummary> { Customer }, 39);

        Assert.That(scores[0].ExpectedValue, Is.Null);
        Assert.That(scores[0].Clv, Is.Null);
        Assert.That(scores[0].ExpectedTransactions, Is.EqualTo(1.226).Within(0.005));
    }

    [Test]
    public void Probability_alive_falls_as_the_silence_since_the_last_purchase_grows()
    {
        var models = new ITransactionModel[] { Cdnow, new MbgNbdModel(0.525, 6.183, 0.891, 1.614), new ParetoNbdModel(0.553, 10.578, 0.606, 11.669) };

        foreach (var model in models)
        {
            var recent = model.ProbabilityAlive(5, 38, 39);
            var lapsed = model.ProbabilityAlive(5, 5, 39);
            Assert.That(recent, Is.GreaterThan(lapsed), model.Name);
            Assert.That(lapsed, Is.InRange(0, 1), model.Name);
        }
    }

    [Test]
    public void Conditional_expectation_of_a_new_customer_equals_the_unconditional_one_for_pareto_nbd()
    {
        var model = new ParetoNbdModel(0.553, 10.578, 0.606, 11.669);

        // With x = 0 and T → 0 the posterior is the prior.
        Assert.That(model.ConditionalExpectedTransactions(20, 0, 0, 1e-9), Is.EqualTo(model.ExpectedTransactions(20)).Within(1e-6));
    }

    [Test]
    public void Bad_clv_arguments_are_rejected()
    {
        Assert.Throws<ClvInputException>(() => Prediction.DiscountedClv(Cdnow, Customer, 30, 12, double.NaN, 0));
        Assert.Throws<ClvInputException>(() => Prediction.DiscountedClv(Cdnow, Customer, 30, 12, 1, -1));
        Assert.Throws<ClvInputException>(() => Prediction.DiscountedClv(Cdnow, Customer, -30, 12, 1, 0));
        Assert.Throws<ClvInputException>(() => Prediction.Score(null, null, new List<CustomerSummary> { Customer }, 12));
    }
}
