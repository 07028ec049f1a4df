using System;
using System.Diagnostics;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace Rapport.Plugins.Common;

/// <summary>
/// The one error policy of Rapport's plugins and workflow activities (linked into both assemblies):
/// InvalidPluginExecutionException passes through unchanged, because its message is written for the user; a Dataverse
/// fault or any other exception is traced in full and rethrown as InvalidPluginExecutionException with
/// OperationStatus.Failed, so none of our own exception types leaves the sandbox. Every run ends with one trace line
/// giving its elapsed milliseconds and request count.
/// </summary>
public static class ExecutionPolicy
{
    /// <summary>Runs <paramref name="work"/> under the policy; <paramref name="name"/> (the class name) starts every line.</summary>
    public static void Run(string name, ITracingService tracing, Func<int> requestCount, Action work)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            work();
        }
        catch (InvalidPluginExecutionException)
        {
            throw;
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            tracing.Trace("{0}: Dataverse fault {1}: {2}", name, fault.Detail?.ErrorCode ?? 0, fault.ToString());
            throw new InvalidPluginExecutionException(OperationStatus.Failed, $"{name}: {fault.Message}");
        }
        catch (Exception error)
        {
            tracing.Trace("{0}: unexpected error: {1}", name, error.ToString());
            throw new InvalidPluginExecutionException(OperationStatus.Failed, $"{name} failed: {error.Message}");
        }
        finally
        {
            tracing.Trace("{0}: exit after {1} ms, {2} requests", name, watch.ElapsedMilliseconds, requestCount());
        }
    }
}
