using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Pipeline;
using Rapport.Emulator.Security;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Handlers.Security;

/// <summary>GrantAccess: adds rights for a principal on a row (added to any it already had). Needs Share on the row.</summary>
internal sealed class GrantAccessHandler : IMessageHandler
{
    public string Message => "GrantAccess";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input) => ShareEvents.Describe(Message, org, input);

    public void Execute(HandlerContext context) => ShareEvents.Set(context, replace: false);
}

/// <summary>ModifyAccess: replaces a principal's rights on a row. Needs Share on the row.</summary>
internal sealed class ModifyAccessHandler : IMessageHandler
{
    public string Message => "ModifyAccess";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input) => ShareEvents.Describe(Message, org, input);

    public void Execute(HandlerContext context) => ShareEvents.Set(context, replace: true);
}

/// <summary>RevokeAccess: Target, Revokee; removes the principal's share. Needs Share on the row.</summary>
internal sealed class RevokeAccessHandler : IMessageHandler
{
    public string Message => "RevokeAccess";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input)
    {
        var row = SharingArgs.Target(org, input);
        _ = SharingArgs.Principal(org, input, "Revokee");
        return new PipelineEvent(Message, row.Table, [new EventTarget(row.Table, row.Id, null)]);
    }

    public void Execute(HandlerContext context)
    {
        var target = context.Event.Targets[0];
        var row = context.Org.Data.Read(context.Caller, target.Table, target.Id);
        context.Org.Data.Demand(context.Caller, PrivilegeType.Share, target.Table, row);
        var revokee = Args.Reference(context.Input, "Revokee");
        new SharingStore(context.Org.Store).Revoke(target.Table, target.Id, revokee.Id);
    }
}

internal static class ShareEvents
{
    public static PipelineEvent Describe(string message, Organization org, ParameterCollection input)
    {
        var row = SharingArgs.Target(org, input);
        _ = SharingArgs.Access(org, input);
        return new PipelineEvent(message, row.Table, [new EventTarget(row.Table, row.Id, null)]);
    }

    public static void Set(HandlerContext context, bool replace)
    {
        var target = context.Event.Targets[0];
        var row = context.Org.Data.Read(context.Caller, target.Table, target.Id);
        context.Org.Data.Demand(context.Caller, PrivilegeType.Share, target.Table, row);
        var access = SharingArgs.Access(context.Org, context.Input);
        new SharingStore(context.Org.Store).Set(target.Table, target.Id, access.Principal.LogicalName, access.Principal.Id, access.AccessMask, replace);
    }
}
