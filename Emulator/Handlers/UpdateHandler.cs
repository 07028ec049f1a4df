using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Pipeline;

namespace Rapport.Emulator.Handlers;

internal sealed class UpdateHandler : IMessageHandler
{
    public string Message => "Update";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input) =>
        new(Message, Args.Target(input).LogicalName, [Target(org, Args.Target(input))]);

    /// <summary>The row an Update targets: by Id, by alternate key, or by the primary id column; it must exist.</summary>
    public static EventTarget Target(Organization org, Entity target)
    {
        var table = org.Metadata.Table(target.LogicalName);
        if (target.Id == System.Guid.Empty && target.Attributes.TryGetValue(table.PrimaryIdAttribute, out var pk) && pk is System.Guid id)
        {
            target.Id = id;
        }

        var resolved = org.Data.Resolve(table, target.Id, target.KeyAttributes, mustExist: true);
        target.Id = resolved;
        return new EventTarget(table.LogicalName, resolved, target);
    }

    public void Execute(HandlerContext context)
    {
        var behavior = Args.Value(context.Input, "ConcurrencyBehavior", ConcurrencyBehavior.Default);
        context.Org.Data.Update(context.Caller, Args.Target(context.Input), behavior);
    }
}
