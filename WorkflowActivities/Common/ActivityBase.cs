using System;
using System.Activities;
using System.Diagnostics;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace Rapport.WorkflowActivities.Common;

/// <summary>
/// The one base of every Rapport workflow activity: builds the per-call context, traces entry and exit, and applies
/// the same error policy as the plugins. Activities hold no state; arguments are their only properties.
/// </summary>
public abstract class ActivityBase : CodeActivity
{
    protected sealed override void Execute(CodeActivityContext executionContext)
    {
        var local = new LocalActivityContext(executionContext);
        var name = GetType().Name;
        var watch = Stopwatch.StartNew();
        local.Trace("{0}: enter depth {1} correlation {2}", name, local.WorkflowContext.Depth, local.WorkflowContext.CorrelationId);
        try
        {
            ExecuteActivity(local);
        }
        catch (InvalidPluginExecutionException)
        {
            throw;
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            local.Trace("{0}: Dataverse fault {1}: {2}", name, fault.Detail?.ErrorCode ?? 0, fault.ToString());
            throw new InvalidPluginExecutionException(OperationStatus.Failed, $"{name}: {fault.Message}");
        }
        catch (Exception error)
        {
            local.Trace("{0}: unexpected error: {1}", name, error.ToString());
            throw new InvalidPluginExecutionException(OperationStatus.Failed, $"{name} failed: {error.Message}");
        }
        finally
        {
            local.Trace("{0}: exit after {1} ms, {2} requests", name, watch.ElapsedMilliseconds, local.RequestCount);
        }
    }

    /// <summary>The activity's work: read arguments, call the shared service, set outputs.</summary>
    protected abstract void ExecuteActivity(LocalActivityContext context);
}
