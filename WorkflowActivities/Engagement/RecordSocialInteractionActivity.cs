using System;
using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Rapport.Domain.Engagement;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Engagement;
using Rapport.WorkflowActivities.Common;
using I = Rapport.Plugins.Services.Engagement.EngagementSchema.I;

namespace Rapport.WorkflowActivities.Engagement;

/// <summary>
/// Records a social interaction for a contact or account as the workflow's user. The interaction's own steps validate
/// it (nothing is written on bad input) and rescore the customer; the new row is returned.
/// </summary>
[WorkflowActivity("Record Social Interaction", Group = "Rapport", Description = "Creates a social interaction (like, share, comment, mention, review, referral, click, coupon redemption, service contact); the customer is rescored.")]
public sealed class RecordSocialInteractionActivity : ActivityBase
{
    [Input("Contact")]
    [ReferenceTarget("contact")]
    public InArgument<EntityReference> Contact { get; set; } = new();

    [Input("Account")]
    [ReferenceTarget("account")]
    public InArgument<EntityReference> Account { get; set; } = new();

    [RequiredArgument]
    [Input("Channel (facebook, instagram, x, linkedin, youtube, tiktok, email, web, other)")]
    public InArgument<string> Channel { get; set; } = new();

    [RequiredArgument]
    [Input("Kind (like, share, comment, mention, review, referral, click, coupon_redemption, service_contact)")]
    public InArgument<string> Kind { get; set; } = new();

    [Input("Occurred On (empty: now)")]
    public InArgument<DateTime> OccurredOn { get; set; } = new();

    [Input("Sentiment (-1 to 1, or negative / neutral / positive)")]
    [Default("")]
    public InArgument<string> Sentiment { get; set; } = new();

    [Input("Rating (reviews: 1 to 5; 0 for none)")]
    [Default("0")]
    public InArgument<int> Rating { get; set; } = new();

    [Input("Monetary Value")]
    public InArgument<Money> MonetaryValue { get; set; } = new();

    [Input("Referred Contact (referrals)")]
    [ReferenceTarget("contact")]
    public InArgument<EntityReference> ReferredContact { get; set; } = new();

    [Input("Programme")]
    [ReferenceTarget(EngagementSchema.Programme)]
    public InArgument<EntityReference> Programme { get; set; } = new();

    [Input("Campaign")]
    [ReferenceTarget("campaign")]
    public InArgument<EntityReference> Campaign { get; set; } = new();

    [Output("Interaction")]
    [ReferenceTarget(EngagementSchema.Interaction)]
    public OutArgument<EntityReference> Interaction { get; set; } = new();

    protected override void ExecuteActivity(LocalActivityContext context)
    {
        var customer = CustomerArguments.One(context.Get(Contact), context.Get(Account), nameof(RecordSocialInteractionActivity));
        var occurred = context.Get(OccurredOn);
        var sentimentText = context.Get(Sentiment);
        if (!Rapport.Domain.Engagement.Sentiment.TryParse(sentimentText, out var sentiment))
        {
            throw new InvalidPluginExecutionException($"Sentiment '{sentimentText}' is not understood; use a number from -1 to 1 or negative / neutral / positive.");
        }

        var rating = context.Get(Rating);
        var interaction = Refusal.Guard(() => new Interaction(
            customer.Id,
            InteractionKinds.Parse(context.Get(Kind)),
            Channels.Parse(context.Get(Channel)),
            occurred == default ? context.WorkflowContext.OperationCreatedOn : DateTime.SpecifyKind(occurred, DateTimeKind.Utc))
        {
            Sentiment = sentiment,
            Rating = rating == 0 ? null : rating,
            MonetaryValue = context.Get(MonetaryValue)?.Value,
        });
        var row = InteractionRows.ToRow(interaction, customer, context.Get(ReferredContact));
        if (context.Get(Programme) is { } programme)
        {
            row[I.Programme] = programme;
        }

        if (context.Get(Campaign) is { } campaign)
        {
            row[I.Campaign] = campaign;
        }

        var id = context.UserService.Create(row);
        context.Set(Interaction, new EntityReference(EngagementSchema.Interaction, id));
    }
}
