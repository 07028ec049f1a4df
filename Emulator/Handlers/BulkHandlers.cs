using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Pipeline;

namespace Rapport.Emulator.Handlers;

/// <summary>CreateMultiple and UpdateMultiple: Targets of one table, all or nothing; single-record steps run per record.</summary>
internal static class BulkTargets
{
    public static PipelineEvent Describe(string message, Organization org, ParameterCollection input, bool update)
    {
        var targets = Args.Required<EntityCollection>(input, "Targets");
        if (targets.Entities.Count == 0)
        {
            throw Fault.InvalidArgument("Targets must contain at least one entity.");
        }

        var name = string.IsNullOrEmpty(targets.EntityName) ? targets.Entities[0].LogicalName : targets.EntityName;
        var table = org.Metadata.Table(name);
        if (targets.Entities.Any(e => e.LogicalName != table.LogicalName))
        {
            throw Fault.InvalidArgument($"All Targets must be of the same table '{table.LogicalName}'.");
        }

        var events = targets.Entities
            .Select(e => update ? UpdateHandler.Target(org, e) : new EventTarget(table.LogicalName, e.Id, e))
            .ToList();
        return new PipelineEvent(message, table.LogicalName, events);
    }
}

internal sealed class CreateMultipleHandler : IMessageHandler
{
    public string Message => "CreateMultiple";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input) => BulkTargets.Describe(Message, org, input, update: false);

    public void Execute(HandlerContext context)
    {
        var ids = new Guid[context.Event.Targets.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = context.Org.Data.Create(context.Caller, context.Event.Targets[i].Entity!).Id;
            context.Event.Targets[i].Id = ids[i];
        }

        context.Output["Ids"] = ids;
    }
}

internal sealed class UpdateMultipleHandler : IMessageHandler
{
    public string Message => "UpdateMultiple";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input) => BulkTargets.Describe(Message, org, input, update: true);

    public void Execute(HandlerContext context)
    {
        foreach (var target in context.Event.Targets)
        {
            context.Org.Data.Update(context.Caller, target.Entity!, ConcurrencyBehavior.Default);
        }
    }
}
