using System;

namespace Rapport.Clv.Tests;

/// <summary>Assertions in the form the papers report numbers: to 3 significant digits, log-likelihoods to 0.1.</summary>
internal static class Published
{
    /// <summary>|actual − published| within half a unit of the published value's third significant digit.</summary>
    public static void ThreeSignificantDigits(double actual, double published, string name)
    {
        var unit = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(published))) - 2);
        Assert.That(actual, Is.EqualTo(published).Within(unit / 2), $"{name}: fitted {actual}, published {published}");
    }

    public static void LogLikelihood(double actual, double published) =>
        Assert.That(actual, Is.EqualTo(published).Within(0.1), "log-likelihood");
}
