using System;

namespace Rapport.Domain.Clv.Simulation;

/// <summary>Gamma, beta and exponential draws from a seeded <see cref="Random"/> (Marsaglia–Tsang for the gamma).</summary>
public sealed class RandomVariates
{
    private readonly Random random;

    public RandomVariates(int seed) => random = new Random(seed);

    public double Uniform() => random.NextDouble();

    /// <summary>Exponential with the given rate.</summary>
    public double Exponential(double rate) => -Math.Log(1 - random.NextDouble()) / rate;

    /// <summary>Gamma(shape, scale 1).</summary>
    public double Gamma(double shape)
    {
        if (shape < 1)
        {
            // Boost: Γ(a) = Γ(a + 1) · U^(1/a).
            return Gamma(shape + 1) * Math.Pow(1 - random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = 1 - random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    public double Beta(double a, double b)
    {
        var x = Gamma(a);
        return x / (x + Gamma(b));
    }

    /// <summary>Standard normal (Box–Muller).</summary>
    public double Normal()
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
