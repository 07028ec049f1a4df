using System;
using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Rapport.Domain.Clv.Crm;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Clv;
using Rapport.WorkflowActivities.Common;

namespace Rapport.WorkflowActivities.Clv;

/// <summary>
/// Rescores one contact or account now, with the active models, from the ledger stored on it (the service the gift
/// and purchase steps use: 3 requests, after one read that checks the workflow's user may read the customer), and
/// returns the scores it wrote.
/// </summary>
[WorkflowActivity("Calculate Customer Lifetime Value", Group = "Rapport", Description = "Rescores a contact or an account with the active CLV models and returns its lifetime value, probability of being alive and expected transactions in the next 12 months, with the 90% interval of the lifetime value for the fitted model's parameter uncertainty (empty for a model entered by hand). Is Scored is false when no model could score it (then only the history is updated). Retention Rate, Gupta-Lehmann CLV (m·r/(1+i−r)) and Donor Lifetime Value (g·f/(1−r)) use the yearly retention rate measured when the model was fitted (the customer's segment's, or all customers').")]
public sealed class CalculateClvActivity : ActivityBase
{
    [Input(ClvInputs.Contact)]
    [ReferenceTarget("contact")]
    public InArgument<EntityReference> Contact { get; set; } = new();

    [Input(ClvInputs.Account)]
    [ReferenceTarget("account")]
    public InArgument<EntityReference> Account { get; set; } = new();

    [Output("Customer Lifetime Value")]
    public OutArgument<Money?> LifetimeValue { get; set; } = new();

    [Output("CLV Low (90%)")]
    public OutArgument<Money?> LifetimeValueLow { get; set; } = new();

    [Output("CLV High (90%)")]
    public OutArgument<Money?> LifetimeValueHigh { get; set; } = new();

    [Output("Probability Alive")]
    public OutArgument<double> ProbabilityAlive { get; set; } = new();

    [Output("Expected Transactions (12 months)")]
    public OutArgument<double> ExpectedTransactions { get; set; } = new();

    [Output("Scored On")]
    public OutArgument<DateTime> ScoredOn { get; set; } = new();

    [Output("Is Scored")]
    public OutArgument<bool> IsScored { get; set; } = new();

    [Output("Segment")]
    public OutArgument<string> Segment { get; set; } = new();

    [Output("Model Kind")]
    public OutArgument<string> ModelKind { get; set; } = new();

    [Output("Retention Rate")]
    public OutArgument<double> RetentionRate { get; set; } = new();

    [Output("Gupta-Lehmann CLV")]
    public OutArgument<Money?> GuptaLehmannClv { get; set; } = new();

    [Output("Donor Lifetime Value")]
    public OutArgument<Money?> DonorLifetimeValue { get; set; } = new();

    protected override void ExecuteActivity(LocalActivityContext context)
    {
        var customer = ClvInputs.Customer(context, Contact, Account);
        context.ReadableName(customer);
        var card = ClvScoringService.Rescore(context.UserService, customer, context.WorkflowContext.OperationCreatedOn, out var ledger);
        var scored = card.ProbabilityAlive.HasValue;
        context.Set(LifetimeValue, card.Clv is decimal clv ? new Money(clv) : null);
        context.Set(ProbabilityAlive, card.ProbabilityAlive ?? 0);
        context.Set(ExpectedTransactions, card.ExpectedTransactions12Months ?? 0);
        context.Set(ScoredOn, card.ScoredOn);
        context.Set(IsScored, scored);
        context.Set(Segment, card.Segment is ClvSegment segment ? segment.ToString() : string.Empty);
        context.Set(ModelKind, scored ? card.Model?.Kind ?? string.Empty : string.Empty);
        // The interval the card shows (GetCustomerInsights): the fit's parameter uncertainty, none for a hand-made model.
        var interval = card.Clv is decimal value && card.Model != null ? CustomerScorer.ClvInterval(ledger, card.ScoredOn, card.Model, value) : null;
        context.Set(LifetimeValueLow, ClvInputs.AsMoney(interval?.Low));
        context.Set(LifetimeValueHigh, ClvInputs.AsMoney(interval?.High));
        context.Set(RetentionRate, card.Retention?.RetentionRate ?? 0);
        context.Set(GuptaLehmannClv, ClvInputs.AsMoney(card.Retention?.GuptaLehmannClv));
        context.Set(DonorLifetimeValue, ClvInputs.AsMoney(card.Retention?.DonorLifetimeValue));
    }
}
