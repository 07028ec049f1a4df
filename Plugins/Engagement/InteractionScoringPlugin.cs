using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Engagement;
using I = Rapport.Plugins.Services.Engagement.EngagementSchema.I;

namespace Rapport.Plugins.Engagement;

/// <summary>
/// An interaction created, changed or deleted rescores its customer in the same transaction: 3 requests (settings,
/// the customer's interactions in the horizon, the customer's update); 5 when it moves to another customer.
/// Score columns are bookkeeping, written as SYSTEM so a user who may log an interaction need not edit the contact.
/// </summary>
[Step("Create", EngagementSchema.Interaction, Stage.PostOperation, StepMode.Synchronous)]
[Step("Update", EngagementSchema.Interaction, Stage.PostOperation, StepMode.Synchronous, FilteringAttributes = I.Scored)]
[Step("Delete", EngagementSchema.Interaction, Stage.PostOperation, StepMode.Synchronous)]
[Image("Create", ImageKind.PostImage, Alias, I.Customer)]
[Image("Update", ImageKind.Both, Alias, I.Customer)]
[Image("Delete", ImageKind.PreImage, Alias, I.Customer)]
public sealed class InteractionScoringPlugin : PluginBase
{
    private const string Alias = "interaction";

    protected override void ExecuteStep(LocalPluginContext context)
    {
        var message = context.ExecutionContext.MessageName;
        var customers = new List<EntityReference?>(2);
        if (message != "Create")
        {
            customers.Add(context.PreImage(Alias).GetAttributeValue<EntityReference>(I.Customer));
        }

        if (message != "Delete")
        {
            customers.Add(context.PostImage(Alias).GetAttributeValue<EntityReference>(I.Customer));
        }

        EngagementScoringService.RescoreAndStore(context.SystemService, customers, context.ExecutionContext.OperationCreatedOn);
    }
}
