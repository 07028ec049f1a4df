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
/// The retention formulas for a CLV segment, as rapport_GetSegmentValue computes them: Gupta–Lehmann CLV and donor
/// lifetime value of the segment's average customer and of the whole segment, with the formula and inputs in words.
/// </summary>
[WorkflowActivity("Calculate Segment Value", Group = "Rapport", Description = "Gupta-Lehmann CLV (m·r/(1+i−r)) and Donor Lifetime Value (g·f/(1−r)) for a CLV segment: per customer and for the whole segment, with g the segment's average gift, f its gifts per year, r the yearly retention rate measured when the active model was fitted (the segment's, or all customers' below 30 customers). Explanation shows the formulas with their inputs.")]
public sealed class CalculateSegmentValueActivity : ActivityBase
{
    private const string SegmentLabel = "Segment";

    [RequiredArgument]
    [Input(SegmentLabel)]
    [AttributeTarget("contact", ClvSchema.Customer.Segment)]
    [Default("107850000")]
    public InArgument<OptionSetValue> Segment { get; set; } = new();

    [Output("Customers")]
    public OutArgument<int> Customers { get; set; } = new();

    [Output("Retention Rate")]
    public OutArgument<double> RetentionRate { get; set; } = new();

    [Output("Gupta-Lehmann CLV")]
    public OutArgument<Money?> GuptaLehmannClv { get; set; } = new();

    [Output("Donor Lifetime Value")]
    public OutArgument<Money?> DonorLifetimeValue { get; set; } = new();

    [Output("Segment Gupta-Lehmann CLV")]
    public OutArgument<Money?> SegmentGuptaLehmannClv { get; set; } = new();

    [Output("Segment Donor Lifetime Value")]
    public OutArgument<Money?> SegmentDonorLifetimeValue { get; set; } = new();

    [Output("Explanation")]
    public OutArgument<string> Explanation { get; set; } = new();

    protected override void ExecuteActivity(LocalActivityContext context)
    {
        var option = context.Get(Segment)
            ?? throw new InvalidPluginExecutionException($"{context.Input(SegmentLabel)} is empty: choose a CLV segment (High value, Growing, Steady, At risk or Lapsed).");
        var segment = ClvSchema.SegmentOf(option.Value)
            ?? throw new InvalidPluginExecutionException($"{context.Input(SegmentLabel)} is {option.Value}, which is not a CLV segment: choose High value, Growing, Steady, At risk or Lapsed.");
        var value = SegmentValueService.Get(context.UserService, segment, context.WorkflowContext.OperationCreatedOn);
        context.Set(Customers, value.Customers);
        context.Set(RetentionRate, value.PerCustomer?.RetentionRate ?? 0);
        context.Set(GuptaLehmannClv, ClvInputs.AsMoney(value.PerCustomer?.GuptaLehmannClv));
        context.Set(DonorLifetimeValue, ClvInputs.AsMoney(value.PerCustomer?.DonorLifetimeValue));
        context.Set(SegmentGuptaLehmannClv, ClvInputs.AsMoney(value.SegmentGuptaLehmannClv));
        context.Set(SegmentDonorLifetimeValue, ClvInputs.AsMoney(value.SegmentDonorLifetimeValue));
        context.Set(Explanation, value.PerCustomer?.Explain() ?? (value.Customers == 0 ? "No customer of this segment has a purchase or gift." : "The active model carries no measured retention rate: refit it."));
    }
}
