using System;

namespace Microsoft.Xrm.Sdk;

public interface IPluginExecutionContext : IExecutionContext
{
    int Stage { get; }

    // Null for a top-level (depth 1) pipeline.
    IPluginExecutionContext? ParentContext { get; }
}

public interface IPluginExecutionContext2 : IPluginExecutionContext
{
    Guid UserAzureActiveDirectoryObjectId { get; }
    Guid InitiatingUserAzureActiveDirectoryObjectId { get; }
    Guid InitiatingUserApplicationId { get; }
    Guid PortalsContactId { get; }
    bool IsPortalsClientCall { get; }
}

public interface IPluginExecutionContext3 : IPluginExecutionContext2
{
    Guid AuthenticatedUserId { get; }
}

// Images of the *Multiple messages, index-aligned with InputParameters["Targets"].
public interface IPluginExecutionContext4 : IPluginExecutionContext3
{
    EntityImageCollection[] PreEntityImagesCollection { get; }
    EntityImageCollection[] PostEntityImagesCollection { get; }
}

// InitiatingUserAgent is left out: its CLR type is not confirmed against the real binary
// (https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.ipluginexecutioncontext5.initiatinguseragent).
public interface IPluginExecutionContext5 : IPluginExecutionContext4
{
}

// TenantId is left out: its CLR type is not confirmed.
public interface IPluginExecutionContext6 : IPluginExecutionContext5
{
    string EnvironmentId { get; }
}

// IsApplicationUser is left out: its CLR type is not confirmed.
public interface IPluginExecutionContext7 : IPluginExecutionContext6
{
}
