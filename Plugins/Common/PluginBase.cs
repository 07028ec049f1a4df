using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Registration;

namespace Rapport.Plugins.Common;

/// <summary>
/// The one base of every Rapport plugin. It is the only code that touches IServiceProvider; it checks the event
/// against the class's declared steps, honours Depth, traces entry, and runs the step under the error policy it shares
/// with the workflow activities (<see cref="ExecutionPolicy"/>): InvalidPluginExecutionException passes through,
/// anything else is traced and rethrown as one.
/// Plugins hold no state: configuration arrives per call through the constructor and is kept read-only.
/// </summary>
public abstract class PluginBase : IPlugin
{
    protected PluginBase(string? unsecureConfiguration = null, string? secureConfiguration = null)
    {
        UnsecureConfiguration = unsecureConfiguration ?? "";
        SecureConfiguration = secureConfiguration ?? "";
    }

    protected string UnsecureConfiguration { get; }

    protected string SecureConfiguration { get; }

    /// <summary>True for plugins whose steps are also registered at run time (as sdkmessageprocessingstep rows) on tables
    /// no attribute names, e.g. auto-posts on tracked tables: every event is then accepted.</summary>
    protected virtual bool AcceptsRuntimeSteps => false;

    /// <summary>Steps deeper than this do nothing: a guard against our own writes re-triggering us.</summary>
    protected virtual int MaxDepth => 3;

    public void Execute(IServiceProvider serviceProvider)
    {
        if (serviceProvider is null)
        {
            throw new InvalidPluginExecutionException("The service provider is missing.");
        }

        var local = new LocalPluginContext(serviceProvider);
        var context = local.ExecutionContext;
        var name = GetType().Name;
        if (!IsDeclaredEvent(context))
        {
            local.Trace("{0}: {1} of {2} at stage {3} is not a declared step; nothing done.", name, context.MessageName, context.PrimaryEntityName, context.Stage);
            return;
        }

        if (context.Depth > MaxDepth)
        {
            local.Trace("{0}: depth {1} exceeds {2}; nothing done.", name, context.Depth, MaxDepth);
            return;
        }

        local.Trace("{0}: enter {1} {2} stage {3} depth {4} correlation {5}", name, context.MessageName, context.PrimaryEntityName, context.Stage, context.Depth, context.CorrelationId);
        ExecutionPolicy.Run(name, local.Tracing, () => local.RequestCount, () => ExecuteStep(local));
    }

    /// <summary>The plugin's work for one execution. Read the context, validate, call the domain, write back.</summary>
    protected abstract void ExecuteStep(LocalPluginContext context);

    /// <summary>True when the event matches a [Step] of this class; Custom API implementations declare none and always run.</summary>
    private bool IsDeclaredEvent(IPluginExecutionContext context)
    {
        var steps = GetType().GetCustomAttributes(typeof(StepAttribute), false).Cast<StepAttribute>().ToArray();
        if (steps.Length == 0 || AcceptsRuntimeSteps)
        {
            return true;
        }

        return steps.Any(step =>
            string.Equals(step.Message, context.MessageName, StringComparison.OrdinalIgnoreCase)
            && (int)step.Stage == context.Stage
            && (string.Equals(step.PrimaryEntity, context.PrimaryEntityName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(step.PrimaryEntity, "none", StringComparison.OrdinalIgnoreCase)));
    }
}
