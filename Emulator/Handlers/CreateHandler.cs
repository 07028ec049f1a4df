using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Pipeline;

namespace Rapport.Emulator.Handlers;

internal sealed class CreateHandler : IMessageHandler
{
    public string Message => "Create";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input)
    {
        var target = Args.Target(input);
        var table = org.Metadata.Table(target.LogicalName);
        return new PipelineEvent(Message, table.LogicalName, [new EventTarget(table.LogicalName, target.Id, target)]);
    }

    public void Execute(HandlerContext context)
    {
        var row = context.Org.Data.Create(context.Caller, Args.Target(context.Input));
        context.Event.Targets[0].Id = row.Id;
        context.Output["id"] = row.Id;
    }
}
