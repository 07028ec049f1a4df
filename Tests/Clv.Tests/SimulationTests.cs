using Rapport.Domain.Clv.Models;
using Rapport.Domain.Clv.Simulation;

namespace Rapport.Clv.Tests;

public class SimulationTests
{
    [Test]
    public void BgNbd_fit_recovers_the_parameters_a_synthetic_base_was_drawn_from()
    {
        var truth = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        var customers = BgNbdSimulator.Generate(truth, 50_000, seed: 7);

        var fit = BgNbdModel.Fit(customers, new Rapport.Domain.Clv.Fitting.FitOptions(StandardErrors: true));

        Assert.That(fit.Converged, Is.True);
        Assert.Multiple(() =>
        {
            // Within three standard errors of the truth, as a correct estimator should be.
            Assert.That(fit["r"], Is.EqualTo(truth.R).Within(3 * fit.StandardErrors![0]));
            Assert.That(fit["alpha"], Is.EqualTo(truth.Alpha).Within(3 * fit.StandardErrors[1]));
            Assert.That(fit["a"], Is.EqualTo(truth.A).Within(3 * fit.StandardErrors[2]));
            Assert.That(fit["b"], Is.EqualTo(truth.B).Within(3 * fit.StandardErrors[3]));
        });
    }

    [Test]
    public void Synthetic_bases_compress_because_times_are_recorded_to_the_day()
    {
        var customers = BgNbdSimulator.Generate(new BgNbdModel(0.243, 4.414, 0.793, 2.426), 20_000, seed: 1);

        Assert.That(Rapport.Domain.Clv.Data.CompressedSummary.From(customers).Count, Is.LessThan(customers.Count / 2));
    }
}
