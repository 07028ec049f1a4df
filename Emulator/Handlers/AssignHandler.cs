using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Pipeline;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Handlers;

/// <summary>Assign: Target, Assignee (a systemuser or team); ownerid and the owning columns follow.</summary>
internal sealed class AssignHandler : IMessageHandler
{
    public string Message => "Assign";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input)
    {
        var target = Args.Reference(input);
        var assignee = Args.Reference(input, "Assignee");
        if (assignee.LogicalName is not ("systemuser" or "team"))
        {
            throw Fault.InvalidArgument($"The assignee must be a systemuser or a team, not '{assignee.LogicalName}'.");
        }

        var table = org.Metadata.Table(target.LogicalName);
        if (!table.IsUserOwned)
        {
            throw Fault.InvalidArgument($"The entity '{table.LogicalName}' is not user owned and cannot be assigned.");
        }

        var id = org.Data.Resolve(table, target.Id, target.KeyAttributes, mustExist: true);
        _ = org.Store.Find(assignee.LogicalName, assignee.Id) ?? throw Fault.DoesNotExist(assignee.LogicalName, assignee.Id);
        return new PipelineEvent(Message, table.LogicalName, [new EventTarget(table.LogicalName, id, null)]);
    }

    public void Execute(HandlerContext context)
    {
        var target = context.Event.Targets[0];
        var assignee = Args.Reference(context.Input, "Assignee");
        var row = context.Org.Data.Read(context.Caller, target.Table, target.Id);
        context.Org.Data.Demand(context.Caller, PrivilegeType.Assign, target.Table, row, assignee.Id);
        context.Org.Data.UpdateSystem(context.Caller, row, values => context.Org.Data.SetOwner(values, assignee));
    }
}
