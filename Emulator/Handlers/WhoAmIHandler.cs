using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Pipeline;

namespace Rapport.Emulator.Handlers;

internal sealed class WhoAmIHandler : IMessageHandler
{
    public string Message => "WhoAmI";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input) => new(Message, "none", []);

    public void Execute(HandlerContext context)
    {
        context.Output["UserId"] = context.Caller.UserId;
        context.Output["BusinessUnitId"] = context.Org.BusinessUnitOf(context.Caller.UserId);
        context.Output["OrganizationId"] = context.Org.OrganizationId;
    }
}
