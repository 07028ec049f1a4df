using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Pipeline;
using Rapport.Emulator.Security;

namespace Rapport.Emulator.Handlers.Security;

/// <summary>
/// RetrievePrincipalAccess: Target, Principal (systemuser or team); output "AccessRights" (<see cref="AccessRights"/>),
/// the rights the principal has on the row from its roles and from shares. Without the security model every right.
/// </summary>
internal sealed class RetrievePrincipalAccessHandler : IMessageHandler
{
    private const AccessRights Every = AccessRights.ReadAccess | AccessRights.WriteAccess | AccessRights.AppendAccess
        | AccessRights.AppendToAccess | AccessRights.DeleteAccess | AccessRights.ShareAccess | AccessRights.AssignAccess;

    public string Message => "RetrievePrincipalAccess";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input)
    {
        var target = Args.Reference(input);
        var table = org.Metadata.Table(target.LogicalName);
        var id = org.Data.Resolve(table, target.Id, target.KeyAttributes, mustExist: true);
        _ = SharingArgs.Principal(org, input, "Principal");
        return new PipelineEvent(Message, table.LogicalName, [new EventTarget(table.LogicalName, id, null)]);
    }

    public void Execute(HandlerContext context)
    {
        var target = context.Event.Targets[0];
        var row = context.Org.Data.Read(context.Caller, target.Table, target.Id);
        var principal = Args.Reference(context.Input, "Principal");
        context.Output["AccessRights"] = context.Org.AccessPolicy is DataverseAccessPolicy policy
            ? policy.RightsOn(principal.Id, target.Table, row)
            : Every;
    }
}
