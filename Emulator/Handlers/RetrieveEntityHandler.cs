using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Metadata;
using Rapport.Emulator.Pipeline;

namespace Rapport.Emulator.Handlers;

/// <summary>
/// RetrieveEntity by LogicalName (learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.retrieveentityrequest):
/// the table's metadata, with its columns when EntityFilters includes Attributes. Metadata is readable by every user;
/// an unknown table gets the platform's "Could not find an entity" fault.
/// </summary>
internal sealed class RetrieveEntityHandler : IMessageHandler
{
    public string Message => "RetrieveEntity";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input)
    {
        var name = input.TryGetValue("LogicalName", out var value) ? value as string : null;
        org.Metadata.Table(name);
        return new PipelineEvent(Message, "none", []);
    }

    public void Execute(HandlerContext context)
    {
        var table = context.Org.Metadata.Table((string)context.Input["LogicalName"]!);
        var filters = context.Input.TryGetValue("EntityFilters", out var f) && f is EntityFilters given ? given : EntityFilters.Default;
        context.Output["EntityMetadata"] = SdkMetadataBuilder.Build(table, context.Org.Metadata.Translations, (filters & EntityFilters.Attributes) != 0);
    }
}
