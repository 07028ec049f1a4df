using System;
using Rapport.Domain.Clv.Data;
using Rapport.Domain.Clv.Fitting;
using Rapport.Domain.Clv.Models;
using Rapport.Domain.Clv.Simulation;

namespace Rapport.Clv.Tests;

/// <summary>Fits on all cores give the same parameters, bit for bit, as fits on one.</summary>
public class ParallelFitTests
{
    [TestCase("bgnbd")]
    [TestCase("mbgnbd")]
    [TestCase("paretonbd")]
    public void Parallel_and_sequential_fits_are_identical_to_the_last_bit(string model)
    {
        // Continuous times: ~20,000 distinct rows, about ten chunks of the fixed chunk size.
        var customers = BgNbdSimulator.Generate(new BgNbdModel(0.243, 4.414, 0.793, 2.426), 20_000, seed: 11, resolution: 0);

        var sequential = ModelCatalog.Fit(model, customers, new FitOptions(Parallel: false));
        var parallel = ModelCatalog.Fit(model, customers, new FitOptions(Parallel: true));

        Assert.That(CompressedSummary.From(customers).Count, Is.GreaterThan(0.85 * customers.Count));
        Assert.That(parallel.Converged, Is.True);
        Assert.That(parallel.Iterations, Is.EqualTo(sequential.Iterations));
        Assert.That(BitConverter.DoubleToInt64Bits(parallel.LogLikelihood), Is.EqualTo(BitConverter.DoubleToInt64Bits(sequential.LogLikelihood)));
        for (var i = 0; i < sequential.Values.Length; i++)
        {
            Assert.That(BitConverter.DoubleToInt64Bits(parallel.Values[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(sequential.Values[i])), sequential.Names[i]);
        }
    }
}
