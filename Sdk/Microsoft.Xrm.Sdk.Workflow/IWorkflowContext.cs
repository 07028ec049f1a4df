namespace Microsoft.Xrm.Sdk.Workflow;

// What CodeActivityContext.GetExtension<IWorkflowContext>() returns inside Dataverse.
public interface IWorkflowContext : IExecutionContext
{
    string StageName { get; }

    int WorkflowCategory { get; }

    int WorkflowMode { get; }

    // Null for a workflow that was not started by another one.
    IWorkflowContext? ParentContext { get; }
}
