using System;
using System.Collections.Concurrent;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Observability;

namespace Rapport.Emulator.Pipeline;

/// <summary>
/// Runs one plugin for one context: instantiates it once per step (Dataverse caches instances, which is why plugins
/// must be stateless), logs the run and its trace, and turns what it throws into the fault the caller sees.
/// </summary>
internal sealed class StepExecutor
{
    private readonly Organization _org;
    private readonly ConcurrentDictionary<(Guid Step, string Type, string? Config), IPlugin> _instances = new();

    public StepExecutor(Organization org)
    {
        _org = org;
    }

    public void Run(PluginStep step, PluginExecutionContext context) =>
        Run(step.TypeName, step.Id, step.UnsecureConfiguration, step.SecureConfiguration, context, step.Rank);

    public void Run(string typeName, Guid stepId, string? unsecure, string? secure, PluginExecutionContext context, int rank = 1)
    {
        var plugin = _instances.GetOrAdd((stepId, typeName, unsecure), key => Create(key.Type, unsecure, secure));
        var run = new StepRun(typeName, context.MessageName, context.PrimaryEntityName, context.Stage, context.Mode, context.Depth, rank);
        _org.StepLog.Add(run);
        var tracing = new TraceCollector();
        try
        {
            plugin.Execute(new PluginServiceProvider(_org, context, tracing));
        }
        catch (InvalidPluginExecutionException error)
        {
            run.Succeeded = false;
            var fault = Fault.Create(error.ErrorCode != 0 ? error.ErrorCode : ErrorCodes.IsvAborted, error.Message);
            fault.Detail.TraceText = tracing.Text;
            throw fault;
        }
        catch (FaultException<OrganizationServiceFault>)
        {
            run.Succeeded = false;
            throw;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            run.Succeeded = false;
            var fault = Fault.Create(ErrorCodes.UnexpectedPluginException,
                $"Unexpected exception from plug-in (Execute): {typeName}: {error.GetType().FullName}: {error.Message}");
            fault.Detail.TraceText = tracing.Text;
            throw fault;
        }
        finally
        {
            _org.Traces.Add(new TraceEntry(typeName, context.MessageName, context.Stage, context.Depth, tracing.Text));
        }
    }

    /// <summary>Constructor (unsecure, secure) if present, else (unsecure), else ().</summary>
    private IPlugin Create(string typeName, string? unsecure, string? secure)
    {
        var type = _org.FindPluginType(typeName)
            ?? throw Fault.InvalidArgument($"Unable to load plug-in type '{typeName}': register its assembly with RegisterPlugins first.");
        object? instance = null;
        if (type.GetConstructor([typeof(string), typeof(string)]) is { } two)
        {
            instance = two.Invoke([unsecure, secure]);
        }
        else if (type.GetConstructor([typeof(string)]) is { } one)
        {
            instance = one.Invoke([unsecure]);
        }
        else if (type.GetConstructor(Type.EmptyTypes) is { } none)
        {
            instance = none.Invoke(null);
        }

        return instance as IPlugin ?? throw Fault.InvalidArgument($"Plug-in type '{typeName}' has no public constructor () , (string) or (string, string).");
    }
}
