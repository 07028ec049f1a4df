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

// learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.ipluginexecutioncontext5: the caller's user agent string.
public interface IPluginExecutionContext5 : IPluginExecutionContext4
{
    string InitiatingUserAgent { get; }
}

// learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.ipluginexecutioncontext6
public interface IPluginExecutionContext6 : IPluginExecutionContext5
{
    string EnvironmentId { get; }

    Guid TenantId { get; }
}

// learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.ipluginexecutioncontext7
public interface IPluginExecutionContext7 : IPluginExecutionContext6
{
    bool IsApplicationUser { get; }
}
