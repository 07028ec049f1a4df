namespace Rapport.Domain.Clv.Models;

/// <summary>A fitted purchase-count model (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB) and the predictions it supports.</summary>
public interface ITransactionModel
{
    string Name { get; }

    /// <summary>E[X(t)] for a customer just acquired (unconditional).</summary>
    double ExpectedTransactions(double t);

    /// <summary>E[Y(t) | x, t_x, T]: expected purchases in the next t time units for a customer with this history.</summary>
    double ConditionalExpectedTransactions(double t, int x, double tx, double T);

    /// <summary>Probability the customer is still active given the history (BG/BB: active in period n + 1).</summary>
    double ProbabilityAlive(int x, double tx, double T);
}
