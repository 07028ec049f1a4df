using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Models;

namespace Rapport.Clv.Tests;

public class PublishedFitTests
{
    [Test]
    public void BgNbd_on_cdnow_reproduces_Fader_Hardie_Lee_2005()
    {
        var fit = BgNbdModel.Fit(GoldenData.CdnowSummary());

        AssertFit(fit, 2357, ("r", 0.243), ("alpha", 4.414), ("a", 0.793), ("b", 2.426));
        Published.LogLikelihood(fit.LogLikelihood, -9582.4);
    }

    [Test]
    public void ParetoNbd_on_cdnow_reproduces_published_parameters()
    {
        var fit = ParetoNbdModel.Fit(GoldenData.CdnowSummary());

        AssertFit(fit, 2357, ("r", 0.553), ("alpha", 10.578), ("s", 0.606), ("beta", 11.669));
        Published.LogLikelihood(fit.LogLikelihood, -9595.0);
    }

    [Test]
    public void MbgNbd_on_cdnow_reproduces_reference_fit()
    {
        var fit = MbgNbdModel.Fit(GoldenData.CdnowSummary());

        AssertFit(fit, 2357, ("r", 0.525), ("alpha", 6.183), ("a", 0.891), ("b", 1.614));
        Published.LogLikelihood(fit.LogLikelihood, -9582.1);
    }

    [Test]
    public void GammaGamma_fits_only_the_946_repeat_customers_and_reproduces_published_parameters()
    {
        var fit = GammaGammaModel.Fit(GoldenData.CdnowSpend());

        AssertFit(fit, 946, ("p", 6.25), ("q", 3.74), ("gamma", 15.44));
        Published.LogLikelihood(fit.LogLikelihood, -4055.9);
    }

    [Test]
    public void BgBb_on_weighted_donations_reproduces_Fader_Hardie_Shang_2010()
    {
        var fit = BgBbModel.Fit(GoldenData.Donations());

        AssertFit(fit, 11104, ("alpha", 1.204), ("beta", 0.750), ("gamma", 0.657), ("delta", 2.783));
        Published.LogLikelihood(fit.LogLikelihood, -33225.6);
    }

    [Test]
    public void Likelihoods_at_the_published_parameters_match_the_published_values()
    {
        var cdnow = Rapport.Domain.Clv.Data.CompressedSummary.From(GoldenData.CdnowSummary());

        Published.LogLikelihood(BgNbdModel.LogLikelihood(cdnow, 0.243, 4.414, 0.793, 2.426), -9582.4);
        Published.LogLikelihood(ParetoNbdModel.LogLikelihood(cdnow, 0.553, 10.578, 0.606, 11.669), -9595.0);
        Published.LogLikelihood(GammaGammaModel.LogLikelihood(GammaGammaModel.Repeaters(GoldenData.CdnowSpend()), 6.25, 3.74, 15.44), -4055.9);
        Published.LogLikelihood(BgBbModel.LogLikelihood(Rapport.Domain.Clv.Data.CompressedSummary.From(GoldenData.Donations()), 1.204, 0.750, 0.657, 2.783), -33225.6);
    }

    [Test]
    public void Standard_errors_are_positive_and_halve_when_the_same_customers_count_four_times()
    {
        var customers = GoldenData.CdnowSummary();
        var once = BgNbdModel.Fit(customers, new FitOptions(StandardErrors: true));
        var fourTimes = BgNbdModel.Fit(customers.ConvertAll(c => c with { Weight = 4 }), new FitOptions(StandardErrors: true));

        Assert.That(once.StandardErrors, Is.Not.Null);
        Assert.That(fourTimes.StandardErrors, Is.Not.Null);
        for (var i = 0; i < once.Values.Length; i++)
        {
            Assert.That(once.StandardErrors![i], Is.GreaterThan(0).And.LessThan(once.Values[i]), once.Names[i]);
            Assert.That(fourTimes.StandardErrors![i], Is.EqualTo(once.StandardErrors[i] / 2).Within(1).Percent, once.Names[i]);
        }
    }

    [Test]
    public void Standard_errors_are_computed_only_when_asked_for()
    {
        Assert.That(BgNbdModel.Fit(GoldenData.CdnowSummary()).StandardErrors, Is.Null);
    }

    [Test]
    public void Penalizer_shrinks_the_parameters_and_lowers_the_unpenalised_likelihood()
    {
        var customers = GoldenData.CdnowSummary();
        var plain = BgNbdModel.Fit(customers);
        var penalised = BgNbdModel.Fit(customers, new FitOptions(Penalizer: 10));

        Assert.That(penalised["alpha"], Is.LessThan(plain["alpha"]));
        Assert.That(penalised.LogLikelihood, Is.LessThan(plain.LogLikelihood));
        Assert.That(penalised.Converged, Is.True);
    }

    private static void AssertFit(FitResult fit, double customers, params (string Name, double Value)[] expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(fit.Converged, Is.True, "converged");
            Assert.That(fit.Customers, Is.EqualTo(customers), "customers");
            foreach (var (name, value) in expected)
            {
                Published.ThreeSignificantDigits(fit[name], value, name);
            }
        });
    }
}
