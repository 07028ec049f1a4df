using System;
using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Engagement;
using Rapport.WorkflowActivities.Common;

namespace Rapport.WorkflowActivities.Engagement;

/// <summary>Social ROI of a programme or a campaign over [From, To): each part, the total gains, the cost and ROI.</summary>
[WorkflowActivity("Calculate Social ROI", Group = "Rapport", Description = "Offer profit, referral value, CLV lift, service savings, cost and ROI = (gains - cost) / cost of a programme or campaign.")]
public sealed class CalculateSocialRoiActivity : ActivityBase
{
    [Input("Programme")]
    [ReferenceTarget(EngagementSchema.Programme)]
    public InArgument<EntityReference> Programme { get; set; } = new();

    [Input("Campaign")]
    [ReferenceTarget("campaign")]
    public InArgument<EntityReference> Campaign { get; set; } = new();

    [RequiredArgument]
    [Input("From")]
    public InArgument<DateTime> From { get; set; } = new();

    [RequiredArgument]
    [Input("To (exclusive)")]
    public InArgument<DateTime> To { get; set; } = new();

    [Output("Offer Profit")]
    public OutArgument<Money> OfferProfit { get; set; } = new();

    [Output("Referral Value")]
    public OutArgument<Money> ReferralValue { get; set; } = new();

    [Output("CLV Lift")]
    public OutArgument<Money> ClvLift { get; set; } = new();

    [Output("Service Savings")]
    public OutArgument<Money> ServiceSavings { get; set; } = new();

    [Output("Total Gains")]
    public OutArgument<Money> TotalGains { get; set; } = new();

    [Output("Cost")]
    public OutArgument<Money> Cost { get; set; } = new();

    [Output("ROI (0 when cost is 0)")]
    public OutArgument<decimal> Roi { get; set; } = new();

    [Output("ROI Defined")]
    public OutArgument<bool> RoiDefined { get; set; } = new();

    protected override void ExecuteActivity(LocalActivityContext context)
    {
        var programme = context.Get(Programme);
        var campaign = context.Get(Campaign);
        if ((programme is null) == (campaign is null))
        {
            throw new InvalidPluginExecutionException("Calculate Social ROI: set the Programme or the Campaign input, exactly one.");
        }

        var subject = programme ?? campaign!;
        var result = SocialRoiService.Calculate(context.UserService, new RoiRequest(subject, DateTime.SpecifyKind(context.Get(From), DateTimeKind.Utc), DateTime.SpecifyKind(context.Get(To), DateTimeKind.Utc)));
        context.Set(OfferProfit, new Money(result.OfferProfit));
        context.Set(ReferralValue, new Money(result.ReferralValue));
        context.Set(ClvLift, new Money(result.ClvLift));
        context.Set(ServiceSavings, new Money(result.ServiceSavings));
        context.Set(TotalGains, new Money(result.TotalGains));
        context.Set(Cost, new Money(result.Cost));
        context.Set(Roi, result.Roi ?? 0m);
        context.Set(RoiDefined, result.Roi is not null);
    }
}
