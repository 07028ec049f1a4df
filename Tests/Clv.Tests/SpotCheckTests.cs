using Rapport.Domain.Clv.Models;

namespace Rapport.Clv.Tests;

/// <summary>The published worked examples, evaluated at our fitted parameters.</summary>
public class SpotCheckTests
{
    [Test]
    public void BgNbd_customer_with_two_repeats_expects_1_226_purchases_in_39_weeks()
    {
        var model = BgNbdModel.From(BgNbdModel.Fit(GoldenData.CdnowSummary()));

        Assert.That(model.ConditionalExpectedTransactions(39, 2, 30.43, 38.86), Is.EqualTo(1.226).Within(0.0005));
    }

    [TestCase(0.1429, 0.0078)]
    [TestCase(1.0, 0.0532)]
    [TestCase(3.0, 0.1506)]
    [TestCase(31.8571, 1.0405)]
    [TestCase(78.0, 1.8576)]
    public void BgNbd_unconditional_expectation_matches_Hardie_spreadsheet(double weeks, double published)
    {
        var model = BgNbdModel.From(BgNbdModel.Fit(GoldenData.CdnowSummary()));

        // The spreadsheet truncates its 2F1 series; agreement is to 1e-3, as lifetimes checks it.
        Assert.That(model.ExpectedTransactions(weeks), Is.EqualTo(published).Within(0.001));
    }

    [Test]
    public void GammaGamma_population_mean_spend_is_35_17()
    {
        var model = GammaGammaModel.From(GammaGammaModel.Fit(GoldenData.CdnowSpend()));

        Assert.That(model.PopulationMeanValue, Is.EqualTo(35.17).Within(0.005));
    }

    [Test]
    public void GammaGamma_expected_value_shrinks_a_customer_average_towards_the_population_mean()
    {
        var model = GammaGammaModel.From(GammaGammaModel.Fit(GoldenData.CdnowSpend()));

        var fewPurchases = model.ConditionalExpectedValue(1, 100);
        var manyPurchases = model.ConditionalExpectedValue(20, 100);

        Assert.That(fewPurchases, Is.GreaterThan(model.PopulationMeanValue).And.LessThan(manyPurchases));
        Assert.That(manyPurchases, Is.LessThan(100));
    }

    [Test]
    public void BgBb_expected_donations_over_the_next_five_years_sum_to_12884()
    {
        var donors = GoldenData.Donations();
        var model = BgBbModel.From(BgBbModel.Fit(donors));

        var total = 0.0;
        foreach (var d in donors)
        {
            total += d.Weight * model.ConditionalExpectedTransactions(5, d.Frequency, d.Recency, d.T);
        }

        Assert.That(total, Is.EqualTo(12884.2).Within(0.5));
    }

    [TestCase(0, 0, 0.11)]
    [TestCase(6, 6, 0.93)]
    public void BgBb_probability_alive_one_period_after_calibration(int x, int tx, double published)
    {
        var model = BgBbModel.From(BgBbModel.Fit(GoldenData.Donations()));

        Assert.That(model.ProbabilityAlive(x, tx, 6), Is.EqualTo(published).Within(0.005));
    }

    [Test]
    public void BgBb_unconditional_expectation_for_six_periods_matches_the_fitted_population()
    {
        var donors = GoldenData.Donations();
        var model = BgBbModel.From(BgBbModel.Fit(donors));

        // Mean repeat count observed in the six calibration years should match E[X(6)] of the fitted model.
        double observed = 0, weight = 0;
        foreach (var d in donors)
        {
            observed += d.Weight * d.Frequency;
            weight += d.Weight;
        }

        Assert.That(model.ExpectedTransactions(6), Is.EqualTo(observed / weight).Within(2).Percent);
    }
}
