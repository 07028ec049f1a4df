using System.Collections.Generic;

namespace Rapport.Domain.Clv;

/// <summary>The simple closed forms used when no behavioural model is fitted.</summary>
public static class RetentionFormulas
{
    /// <summary>Gupta–Lehmann (2003) infinite-horizon CLV: m · r / (1 + i − r) for margin m per period, retention r, discount i.</summary>
    public static double GuptaLehmannClv(double marginPerPeriod, double retentionRate, double discountRate)
    {
        RequireFinite(marginPerPeriod, "margin");
        RequireRetention(retentionRate);
        if (!(discountRate >= 0) || double.IsInfinity(discountRate))
        {
            throw new ClvInputException($"Discount rate must be a finite number >= 0, got {discountRate}.", "discount");
        }

        if (retentionRate >= 1 && discountRate == 0)
        {
            throw new ClvInputException("Retention 1 with no discounting gives an infinite lifetime value.", "retention");
        }

        return marginPerPeriod * retentionRate / (1 + discountRate - retentionRate);
    }

    /// <summary>Expected lifespan in periods from a constant retention rate: 1 / (1 − r).</summary>
    public static double ExpectedLifespan(double retentionRate)
    {
        RequireRetention(retentionRate);
        if (retentionRate >= 1)
        {
            throw new ClvInputException("Retention 1 gives an infinite expected lifespan.", "retention");
        }

        return 1 / (1 - retentionRate);
    }

    /// <summary>Donor lifetime value: average gift × gifts per year × expected lifespan in years.</summary>
    public static double DonorLifetimeValue(double averageGift, double giftsPerYear, double retentionRate)
    {
        RequireFinite(averageGift, "average gift");
        RequireFinite(giftsPerYear, "gifts per year");
        return averageGift * giftsPerYear * ExpectedLifespan(retentionRate);
    }

    /// <summary>Historic value: the margin earned on what the customer has already spent.</summary>
    public static double HistoricValue(IEnumerable<double> transactionValues, double margin)
    {
        RequireFinite(margin, "margin");
        var total = 0.0;
        foreach (var v in transactionValues)
        {
            RequireFinite(v, "transaction value");
            total += v * margin;
        }

        return total;
    }

    private static void RequireRetention(double r)
    {
        if (!(r >= 0 && r <= 1))
        {
            throw new ClvInputException($"Retention rate must be between 0 and 1, got {r}.", "retention");
        }
    }

    private static void RequireFinite(double v, string name)
    {
        if (!(v >= 0) || double.IsInfinity(v))
        {
            throw new ClvInputException($"{char.ToUpperInvariant(name[0]) + name.Substring(1)} must be a finite number >= 0, got {v}.", name);
        }
    }
}
