using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Pipeline;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Handlers;

/// <summary>SetState: EntityMoniker, State, Status (-1 = the state's default status).</summary>
internal sealed class SetStateHandler : IMessageHandler
{
    public string Message => "SetState";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input)
    {
        var moniker = Args.Reference(input, "EntityMoniker");
        Args.Required<OptionSetValue>(input, "State");
        Args.Required<OptionSetValue>(input, "Status");
        var table = org.Metadata.Table(moniker.LogicalName);
        if (!table.HasState)
        {
            throw Fault.InvalidArgument($"The entity '{table.LogicalName}' has no state.");
        }

        var id = org.Data.Resolve(table, moniker.Id, moniker.KeyAttributes, mustExist: true);
        return new PipelineEvent(Message, table.LogicalName, [new EventTarget(table.LogicalName, id, null)]);
    }

    public void Execute(HandlerContext context)
    {
        var target = context.Event.Targets[0];
        var table = context.Org.Metadata.Table(target.Table);
        var row = context.Org.Data.Read(context.Caller, target.Table, target.Id);
        context.Org.Data.Demand(context.Caller, PrivilegeType.Write, target.Table, row);
        var state = Args.Required<OptionSetValue>(context.Input, "State");
        var status = Args.Required<OptionSetValue>(context.Input, "Status");
        context.Org.Data.UpdateSystem(context.Caller, row, values => context.Org.Data.SetState(table, values, state, status));
    }
}
