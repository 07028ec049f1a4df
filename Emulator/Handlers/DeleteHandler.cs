using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Pipeline;

namespace Rapport.Emulator.Handlers;

internal sealed class DeleteHandler : IMessageHandler
{
    public string Message => "Delete";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input)
    {
        var target = Args.Reference(input);
        var table = org.Metadata.Table(target.LogicalName);
        var id = org.Data.Resolve(table, target.Id, target.KeyAttributes, mustExist: true);
        return new PipelineEvent(Message, table.LogicalName, [new EventTarget(table.LogicalName, id, null)]);
    }

    public void Execute(HandlerContext context)
    {
        var target = context.Event.Targets[0];
        var behavior = Args.Value(context.Input, "ConcurrencyBehavior", ConcurrencyBehavior.Default);
        var rowVersion = Args.Reference(context.Input).RowVersion;
        context.Org.Data.Delete(context.Caller, target.Table, target.Id, behavior, rowVersion);
    }
}
