namespace Rapport.Domain.Clv.Numerics;

/// <summary>Where a minimisation ended and whether it met its convergence test.</summary>
public sealed class OptimizerResult
{
    public OptimizerResult(double[] point, double value, int iterations, bool converged, string method, double gradientNorm, double[,]? inverseHessian = null)
    {
        InverseHessian = inverseHessian;
        Point = point;
        Value = value;
        Iterations = iterations;
        Converged = converged;
        Method = method;
        GradientNorm = gradientNorm;
    }

    public double[] Point { get; }

    public double Value { get; }

    public int Iterations { get; }

    public bool Converged { get; }

    /// <summary>"bfgs", or "bfgs+nelder-mead" when the fallback ran.</summary>
    public string Method { get; }

    /// <summary>BFGS's estimate of the inverse Hessian at <see cref="Point"/> (null after the simplex fallback): a warm start for a related problem.</summary>
    public double[,]? InverseHessian { get; }

    /// <summary>Largest absolute gradient component at <see cref="Point"/>.</summary>
    public double GradientNorm { get; }
}
