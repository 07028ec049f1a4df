using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Pipeline;

namespace Rapport.Emulator.Handlers;

internal sealed class RetrieveHandler : IMessageHandler
{
    public string Message => "Retrieve";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input)
    {
        var target = Args.Reference(input);
        var columns = Args.Required<ColumnSet>(input, "ColumnSet");
        var table = org.Metadata.Table(target.LogicalName);
        org.Data.CheckColumns(table, columns);
        var id = org.Data.Resolve(table, target.Id, target.KeyAttributes, mustExist: true);
        return new PipelineEvent(Message, table.LogicalName, [new EventTarget(table.LogicalName, id, null)]);
    }

    public void Execute(HandlerContext context)
    {
        var target = context.Event.Targets[0];
        var table = context.Org.Metadata.Table(target.Table);
        var row = context.Org.Data.Read(context.Caller, target.Table, target.Id);
        context.Output["Entity"] = context.Org.Data.ToEntity(table, row, Args.Required<ColumnSet>(context.Input, "ColumnSet"));
    }
}
