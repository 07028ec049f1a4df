using System;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Models;
using Rapport.Domain.Clv.Simulation;

namespace Rapport.Clv.Tests;

/// <summary>
/// Above <see cref="ModelFitter.WarmStartRows"/> distinct rows a fit starts from a fit of a strided sample: it must
/// reach the same maximum as a fit from the usual start (a second, independent optimisation path), stay the same bit
/// for bit on one core or many, and need fewer iterations on the full data.
/// </summary>
public class WarmStartTests
{
    private static readonly BgNbdModel Truth = new(0.243, 4.414, 0.793, 2.426);

    [TestCase("bgnbd")]
    [TestCase("paretonbd")]
    public void Warm_started_fit_reaches_the_maximum_a_cold_fit_reaches(string model)
    {
        var customers = BgNbdSimulator.Generate(Truth, 60_000, seed: 21, resolution: 0);
        var data = CompressedSummary.From(customers);
        Assert.That(data.Count, Is.GreaterThanOrEqualTo(ModelFitter.WarmStartRows));

        var sequential = ModelCatalog.Fit(model, customers, new FitOptions(Parallel: false));
        var parallel = ModelCatalog.Fit(model, customers, new FitOptions(Parallel: true));
        SummaryLikelihood likelihood = model == "bgnbd" ? BgNbdModel.LogLikelihood : ParetoNbdModel.LogLikelihood;
        var names = model == "bgnbd" ? BgNbdModel.ParameterNames : ParetoNbdModel.ParameterNames;
        var meanT = 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            meanT += data.T[i] * data.Weight[i] / data.TotalWeight;
        }

        // The same start the models use, without the sample: the optimiser walks the whole way on all rows.
        var start = model == "bgnbd" ? new[] { 1, meanT, 1, 1 } : new[] { 1, meanT, 1, meanT };
        var cold = ModelFitter.Fit(model, names, start, (p, g) => likelihood(data, p, g, false), data.TotalWeight);

        Assert.That(sequential.Converged && cold.Converged, Is.True);
        Assert.That(sequential.Iterations, Is.LessThan(cold.Iterations));
        Assert.That(sequential.LogLikelihood, Is.EqualTo(cold.LogLikelihood).Within(1e-3));
        for (var i = 0; i < names.Length; i++)
        {
            Assert.That(sequential.Values[i], Is.EqualTo(cold.Values[i]).Within(1e-4 * cold.Values[i]), names[i]);
            Assert.That(BitConverter.DoubleToInt64Bits(parallel.Values[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(sequential.Values[i])), names[i]);
        }
    }
}
