namespace Rapport.Domain.Clv.Data;

/// <summary>One purchase or gift: who, on which day, for how much (0 when the log carries no value).</summary>
public sealed record Transaction(string CustomerId, System.DateTime Date, double Value);
