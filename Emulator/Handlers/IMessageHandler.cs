using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Pipeline;

namespace Rapport.Emulator.Handlers;

/// <summary>One SDK message. Describe checks the arguments (throwing Dataverse's fault before anything runs) and
/// says what the request targets; Execute is the core operation (stage 30) and fills the output parameters.</summary>
internal interface IMessageHandler
{
    string Message { get; }

    PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input);

    void Execute(HandlerContext context);
}

/// <summary>What a core operation works with.</summary>
internal sealed record HandlerContext(Organization Org, CallerContext Caller, ParameterCollection Input, ParameterCollection Output, PipelineEvent Event);
