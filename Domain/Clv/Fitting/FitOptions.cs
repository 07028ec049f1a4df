namespace Rapport.Domain.Clv.Fitting;

/// <summary>How to fit: an optional L2 penalty on the parameters (as in lifetimes) and whether to pay for standard errors.</summary>
public sealed record FitOptions(double Penalizer = 0, bool StandardErrors = true, int MaxIterations = 500)
{
    public static FitOptions Default { get; } = new();
}
