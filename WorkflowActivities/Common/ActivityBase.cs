using System.Activities;
using System.Reflection;
using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;

namespace Rapport.WorkflowActivities.Common;

/// <summary>
/// The one base of every Rapport workflow activity: builds the per-call context, traces entry, and runs the activity
/// under the error policy it shares with the plugins (<see cref="ExecutionPolicy"/>). Activities hold no state; their
/// arguments are their only properties, and argument values live in the activity context, not in the activity.
/// </summary>
public abstract class ActivityBase : CodeActivity
{
    protected sealed override void Execute(CodeActivityContext executionContext)
    {
        var name = GetType().Name;
        var local = new LocalActivityContext(executionContext, FriendlyName);
        local.Trace("{0}: enter depth {1} correlation {2}", name, local.WorkflowContext.Depth, local.WorkflowContext.CorrelationId);
        ExecutionPolicy.Run(name, local.Tracing, () => local.RequestCount, () => ExecuteActivity(local));
    }

    /// <summary>The name the designer shows ([WorkflowActivity]), or the class name.</summary>
    private string FriendlyName =>
        GetType().GetCustomAttribute<WorkflowActivityAttribute>(inherit: false)?.FriendlyName ?? GetType().Name;

    /// <summary>The activity's work: read arguments, call the shared service, set outputs.</summary>
    protected abstract void ExecuteActivity(LocalActivityContext context);
}
