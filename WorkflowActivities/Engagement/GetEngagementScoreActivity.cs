using System.Activities;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Rapport.Domain.Engagement;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Engagement;
using Rapport.WorkflowActivities.Common;

namespace Rapport.WorkflowActivities.Engagement;

/// <summary>
/// A contact's or account's engagement score computed now from its interactions (2 requests, nothing written), with
/// its top components: the interaction kinds that contribute most, and their points (which add up to the score).
/// </summary>
[WorkflowActivity("Get Engagement Score", Group = "Rapport", Description = "The engagement score (0-100) of a contact or account with its top components.")]
public sealed class GetEngagementScoreActivity : ActivityBase
{
    [Input("Contact")]
    [ReferenceTarget("contact")]
    public InArgument<EntityReference> Contact { get; set; } = new();

    [Input("Account")]
    [ReferenceTarget("account")]
    public InArgument<EntityReference> Account { get; set; } = new();

    [Input("Top Components")]
    [Default("3")]
    public InArgument<int> TopCount { get; set; } = new();

    [Output("Score")]
    public OutArgument<double> Score { get; set; } = new();

    [Output("Raw Points")]
    public OutArgument<double> RawPoints { get; set; } = new();

    [Output("Top Component")]
    public OutArgument<string> TopComponent { get; set; } = new();

    [Output("Top Components (text)")]
    public OutArgument<string> TopComponents { get; set; } = new();

    [Output("Components (JSON)")]
    public OutArgument<string> ComponentsJson { get; set; } = new();

    protected override void ExecuteActivity(LocalActivityContext context)
    {
        var customer = CustomerArguments.One(context.Get(Contact), context.Get(Account), nameof(GetEngagementScoreActivity));
        var count = context.Get(TopCount);
        var score = Refusal.Guard(() => EngagementScoringService.Score(context.UserService, customer, context.WorkflowContext.OperationCreatedOn));
        var top = score.TopComponents(1).FirstOrDefault();
        context.Set(Score, score.Score);
        context.Set(RawPoints, score.RawPoints);
        context.Set(TopComponent, top is null ? "" : InteractionKinds.Code(top.Kind));
        context.Set(TopComponents, EngagementScoringService.TopText(score, count <= 0 ? 3 : count));
        context.Set(ComponentsJson, EngagementScoringService.ComponentsJson(score));
    }
}
