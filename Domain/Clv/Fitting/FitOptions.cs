namespace Rapport.Domain.Clv.Fitting;

/// <summary>
/// How to fit: an optional L2 penalty on the parameters (as in lifetimes), whether to pay for standard errors (a
/// Hessian at the optimum), and whether the likelihood may use all cores. Parallel is off by default because the
/// Dataverse plugin sandbox must not start parallel work; the command-line tool turns it on. The fitted parameters are
/// the same bit for bit either way (see <see cref="Numerics.ChunkedSum"/>).
/// </summary>
public sealed record FitOptions(double Penalizer = 0, bool StandardErrors = false, int MaxIterations = 500, bool Parallel = false)
{
    public static FitOptions Default { get; } = new();
}
