using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Rapport.Emulator.Pipeline;

namespace Rapport.Emulator.Handlers;

/// <summary>Upsert: update the row the Id or alternate key finds, else create it (with the key values); the inner
/// Create or Update runs its own steps, as in Dataverse.</summary>
internal sealed class UpsertHandler : IMessageHandler
{
    public string Message => "Upsert";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input)
    {
        var target = Args.Target(input);
        var table = org.Metadata.Table(target.LogicalName);
        if (target.Id == Guid.Empty && target.KeyAttributes.Count == 0)
        {
            throw Faults.Fault.InvalidArgument("Upsert needs the Target's Id or its KeyAttributes.");
        }

        var id = org.Data.Resolve(table, target.Id, target.KeyAttributes, mustExist: false);
        return new PipelineEvent(Message, table.LogicalName, [new EventTarget(table.LogicalName, id, target)]);
    }

    public void Execute(HandlerContext context)
    {
        var target = Args.Target(context.Input);
        var table = context.Org.Metadata.Table(target.LogicalName);
        var existing = target.Id != Guid.Empty
            ? context.Org.Store.Find(table.LogicalName, target.Id)?.Id
            : context.Org.Data.FindByKeys(table, target.KeyAttributes);
        if (existing is { } id)
        {
            var update = Parameters.Copy(target);
            update.Id = id;
            // "Remove any data from the Target Entity.Attributes collection that uses the same keys as the Target
            // Entity.KeyAttributes collection", then Update: a key cannot change the values it is found by.
            // learn.microsoft.com/power-apps/developer/data-platform/use-upsert-insert-update-record
            foreach (var key in target.KeyAttributes.Keys)
            {
                update.Attributes.Remove(key);
            }

            update.KeyAttributes = new KeyAttributeCollection();
            context.Org.Processor.Execute(new UpdateRequest { Target = update }, context.Caller, counted: false);
            context.Output["RecordCreated"] = false;
            context.Output["Target"] = new EntityReference(table.LogicalName, id);
        }
        else
        {
            var response = (CreateResponse)context.Org.Processor.Execute(new CreateRequest { Target = target }, context.Caller, counted: false);
            context.Output["RecordCreated"] = true;
            context.Output["Target"] = new EntityReference(table.LogicalName, response.id);
        }

        context.Event.Targets[0].Id = ((EntityReference)context.Output["Target"]!).Id;
    }
}
