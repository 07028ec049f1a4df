using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Handlers;

namespace Rapport.Emulator.Pipeline;

/// <summary>
/// The entry of every request: the depth guard, the handler lookup (built-in messages, then Custom APIs), argument
/// checks, counting, and the pipeline. Returns the typed response Dataverse returns.
/// </summary>
internal sealed class MessageProcessor
{
    /// <summary>Dataverse's default maximum depth (WorkflowSettings.MaxDepth).</summary>
    public const int MaxDepth = 8;

    private readonly Organization _org;
    private readonly Dictionary<string, IMessageHandler> _handlers = new(StringComparer.OrdinalIgnoreCase);
    private readonly PipelineRunner _pipeline;

    public MessageProcessor(Organization org, IEnumerable<IMessageHandler> handlers)
    {
        _org = org;
        _pipeline = new PipelineRunner(org);
        foreach (var handler in handlers)
        {
            _handlers[handler.Message] = handler;
        }
    }

    public OrganizationResponse Execute(OrganizationRequest request, CallerContext caller, bool counted)
    {
        if (request is null)
        {
            throw Fault.MissingArgument("request");
        }

        if (caller.Depth > MaxDepth)
        {
            throw Fault.InfiniteLoop();
        }

        var name = request.RequestName;
        var handler = (name is null ? null : _handlers.GetValueOrDefault(name)) ?? _org.CustomApis.Handler(name)
            ?? throw Fault.UnknownMessage(name ?? "(null)");
        var input = Parameters.Copy(request.Parameters);
        var record = counted ? _org.Metrics.Record(handler.Message, "none", caller.UserId, caller.Depth) : null;
        var watch = Stopwatch.StartNew();
        try
        {
            var evt = handler.Describe(_org, caller, input);
            if (record is not null && evt.PrimaryEntityName != "none")
            {
                record.Table = evt.PrimaryEntityName;
            }

            var output = new ParameterCollection();
            if (evt.RunsSteps)
            {
                _pipeline.Run(handler, evt, caller, input, output);
            }
            else
            {
                handler.Execute(new HandlerContext(_org, caller, input, output, evt));
            }

            var response = Responses.For(handler.Message);
            response.ResponseName = handler.Message;
            foreach (var pair in output)
            {
                response.Results[pair.Key] = pair.Value;
            }

            return response;
        }
        catch (FaultException<OrganizationServiceFault>)
        {
            if (record is not null)
            {
                record.Failed = true;
            }

            throw;
        }
        finally
        {
            if (record is not null)
            {
                record.Elapsed = watch.Elapsed;
            }
        }
    }
}
