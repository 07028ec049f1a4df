using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Rapport.Plugins.Registration;
using Rapport.Plugins.Services.Engagement;
using Rapport.WorkflowActivities.Common;

namespace Rapport.WorkflowActivities.Engagement;

/// <summary>Evaluates a contact's or account's level on a ladder; a move is kept in the level history and creates the level's plan tasks.</summary>
[WorkflowActivity("Assign Level", Group = "Rapport", Description = "Moves a contact or account to the level its CLV, engagement or giving earns; keeps the history and creates the level's follow-up tasks.")]
public sealed class AssignLevelActivity : ActivityBase
{
    [Input("Contact")]
    [ReferenceTarget("contact")]
    public InArgument<EntityReference> Contact { get; set; } = new();

    [Input("Account")]
    [ReferenceTarget("account")]
    public InArgument<EntityReference> Account { get; set; } = new();

    [Input("Ladder (empty when there is only one)")]
    [Default("")]
    public InArgument<string> Ladder { get; set; } = new();

    [Output("Level")]
    [ReferenceTarget(EngagementSchema.Level)]
    public OutArgument<EntityReference> Level { get; set; } = new();

    [Output("Moved")]
    public OutArgument<bool> Moved { get; set; } = new();

    [Output("Move (None, Up, Down)")]
    public OutArgument<string> Move { get; set; } = new();

    [Output("Tasks Created")]
    public OutArgument<int> TasksCreated { get; set; } = new();

    protected override void ExecuteActivity(LocalActivityContext context)
    {
        var customer = CustomerArguments.One(context.Get(Contact), context.Get(Account), nameof(AssignLevelActivity));
        var result = LevelService.Assign(context.UserService, customer, context.Get(Ladder), context.WorkflowContext.OperationCreatedOn);
        context.Set(Level, result.Level!);
        context.Set(Moved, result.Move != Rapport.Domain.Engagement.LevelMove.None);
        context.Set(Move, result.Move.ToString());
        context.Set(TasksCreated, result.TaskIds.Count);
    }
}
