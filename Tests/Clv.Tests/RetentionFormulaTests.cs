using Rapport.Domain.Clv;

namespace Rapport.Clv.Tests;

public class RetentionFormulaTests
{
    [Test]
    public void Gupta_Lehmann_margin_multiple_matches_the_textbook_example()
    {
        // Gupta & Lehmann (2003): r = 0.8, i = 0.12 gives a margin multiple of 0.8 / 0.32 = 2.5.
        Assert.That(RetentionFormulas.GuptaLehmannClv(100, 0.8, 0.12), Is.EqualTo(250).Within(1e-9));
    }

    [Test]
    public void Donor_lifetime_value_is_gift_times_frequency_times_lifespan()
    {
        // 45% retention → expected lifespan 1 / 0.55 years.
        Assert.That(RetentionFormulas.ExpectedLifespan(0.45), Is.EqualTo(1 / 0.55).Within(1e-12));
        Assert.That(RetentionFormulas.DonorLifetimeValue(80, 1.5, 0.45), Is.EqualTo(80 * 1.5 / 0.55).Within(1e-9));
    }

    [Test]
    public void Historic_value_applies_the_margin_to_past_spend()
    {
        Assert.That(RetentionFormulas.HistoricValue(new[] { 10.0, 20, 30 }, 0.4), Is.EqualTo(24).Within(1e-12));
    }

    [Test]
    public void Impossible_retention_inputs_are_rejected()
    {
        Assert.Throws<ClvInputException>(() => RetentionFormulas.ExpectedLifespan(1));
        Assert.Throws<ClvInputException>(() => RetentionFormulas.GuptaLehmannClv(100, 1.2, 0.1));
        Assert.Throws<ClvInputException>(() => RetentionFormulas.DonorLifetimeValue(double.NaN, 1, 0.5));
    }
}
