using System.Collections.Generic;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Pipeline;

namespace Rapport.Emulator.Handlers;

/// <summary>
/// ExecuteMultiple: each request in its own transaction; faults are returned per item, never thrown; with
/// ContinueOnError false the batch stops at the first fault. At most 1000 requests, no ExecuteMultiple inside.
/// </summary>
internal sealed class ExecuteMultipleHandler : IMessageHandler
{
    public const int MaxBatchSize = 1000;

    public string Message => "ExecuteMultiple";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input)
    {
        var requests = Args.Required<OrganizationRequestCollection>(input, "Requests");
        Args.Required<ExecuteMultipleSettings>(input, "Settings");
        if (requests.Count > MaxBatchSize)
        {
            throw Fault.Create(ErrorCodes.BatchSizeExceeded,
                $"The request collection contains {requests.Count} requests, more than the maximum of {MaxBatchSize}.",
                new Dictionary<string, object> { ["MaxBatchSize"] = MaxBatchSize });
        }

        return PipelineEvent.Dispatcher(Message);
    }

    public void Execute(HandlerContext context)
    {
        var requests = Args.Required<OrganizationRequestCollection>(context.Input, "Requests");
        var settings = Args.Required<ExecuteMultipleSettings>(context.Input, "Settings");
        var responses = new ExecuteMultipleResponseItemCollection();
        var faulted = false;
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                if (requests[i].RequestName is "ExecuteMultiple")
                {
                    throw Fault.InvalidArgument("ExecuteMultiple cannot contain an ExecuteMultiple request.");
                }

                var response = context.Org.Processor.Execute(requests[i], context.Caller, counted: true);
                if (settings.ReturnResponses)
                {
                    responses.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Response = response });
                }
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                faulted = true;
                responses.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Fault = fault.Detail });
                if (!settings.ContinueOnError)
                {
                    break;
                }
            }
        }

        context.Output["IsFaulted"] = faulted;
        context.Output["Responses"] = responses;
    }
}
