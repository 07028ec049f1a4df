using System.Collections.Generic;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Pipeline;

namespace Rapport.Emulator.Handlers;

/// <summary>ExecuteTransaction: all requests in one transaction; the first fault rolls everything back and is
/// thrown with an ExecuteTransactionFault detail that names the request that failed (FaultedRequestIndex).
/// learn.microsoft.com/power-apps/developer/data-platform/org-service/use-executetransaction</summary>
internal sealed class ExecuteTransactionHandler : IMessageHandler
{
    public string Message => "ExecuteTransaction";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input)
    {
        var requests = Args.Required<OrganizationRequestCollection>(input, "Requests");
        if (requests.Count > ExecuteMultipleHandler.MaxBatchSize)
        {
            throw Fault.Create(ErrorCodes.BatchSizeExceeded,
                $"The request collection contains {requests.Count} requests, more than the maximum of {ExecuteMultipleHandler.MaxBatchSize}.",
                new Dictionary<string, object> { ["MaxBatchSize"] = ExecuteMultipleHandler.MaxBatchSize });
        }

        return PipelineEvent.Dispatcher(Message);
    }

    public void Execute(HandlerContext context)
    {
        var requests = Args.Required<OrganizationRequestCollection>(context.Input, "Requests");
        var returnResponses = context.Input.TryGetValue("ReturnResponses", out var flag) && flag is true;
        var responses = new OrganizationResponseCollection();
        var mark = context.Org.BeginTransaction();
        var index = 0;
        try
        {
            for (; index < requests.Count; index++)
            {
                var response = context.Org.Processor.Execute(requests[index], context.Caller, counted: true);
                if (returnResponses)
                {
                    responses.Add(response);
                }
            }

            context.Org.Commit();
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            context.Org.Rollback(mark);
            throw Fault.InTransaction(fault.Detail, index);
        }
        catch
        {
            context.Org.Rollback(mark);
            throw;
        }

        context.Output["Responses"] = responses;
    }
}
