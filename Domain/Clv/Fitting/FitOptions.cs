namespace Rapport.Domain.Clv.Fitting;

/// <summary>
/// How to fit: an optional L2 penalty on the parameters (as in lifetimes), whether to pay for standard errors (a
/// Hessian at the optimum), and whether the likelihood may use all cores. Parallel is off by default because the
/// Dataverse plugin sandbox must not start parallel work; the command-line tool turns it on. The fitted parameters are
/// the same bit for bit either way (see <see cref="Numerics.ChunkedSum"/>). RefuseBoundary (the default) makes a fit
/// whose likelihood has no maximum an error, as the command line wants; the CRM keeps such a fit so its diagnostics
/// can judge it Unusable, store the reasons and refuse to score with it.
/// </summary>
public sealed record FitOptions(double Penalizer = 0, bool StandardErrors = false, int MaxIterations = 500, bool Parallel = false, bool RefuseBoundary = true)
{
    public static FitOptions Default { get; } = new();
}
