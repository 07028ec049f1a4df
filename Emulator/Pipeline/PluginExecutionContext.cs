using System;
using Microsoft.Xrm.Sdk;

namespace Rapport.Emulator.Pipeline;

/// <summary>The context one step execution receives (IPluginExecutionContext up to version 7).</summary>
public sealed class PluginExecutionContext : IPluginExecutionContext7
{
    public int Mode { get; init; }
    public int IsolationMode { get; init; } = 2;
    public int Depth { get; init; }
    public string MessageName { get; init; } = "";
    public string PrimaryEntityName { get; init; } = "none";
    public Guid? RequestId { get; init; }
    public string SecondaryEntityName { get; init; } = "none";
    public ParameterCollection InputParameters { get; init; } = new();
    public ParameterCollection OutputParameters { get; init; } = new();
    public ParameterCollection SharedVariables { get; init; } = new();
    public Guid UserId { get; init; }
    public Guid InitiatingUserId { get; init; }
    public Guid BusinessUnitId { get; init; }
    public Guid OrganizationId { get; init; }
    public string OrganizationName { get; init; } = "emulator";
    public Guid PrimaryEntityId { get; init; }
    public EntityImageCollection PreEntityImages { get; init; } = new();
    public EntityImageCollection PostEntityImages { get; init; } = new();
    public EntityReference OwningExtension { get; init; } = new();
    public Guid CorrelationId { get; init; }
    public bool IsExecutingOffline => false;
    public bool IsOfflinePlayback => false;
    public bool IsInTransaction { get; init; }
    public Guid OperationId { get; init; }
    public DateTime OperationCreatedOn { get; init; }
    public int Stage { get; init; }
    public IPluginExecutionContext? ParentContext { get; init; }
    public Guid UserAzureActiveDirectoryObjectId => Guid.Empty;
    public Guid InitiatingUserAzureActiveDirectoryObjectId => Guid.Empty;
    public Guid InitiatingUserApplicationId => Guid.Empty;
    public Guid PortalsContactId => Guid.Empty;
    public bool IsPortalsClientCall => false;
    public Guid AuthenticatedUserId => InitiatingUserId;
    public EntityImageCollection[] PreEntityImagesCollection { get; init; } = [];
    public EntityImageCollection[] PostEntityImagesCollection { get; init; } = [];
    public string EnvironmentId { get; init; } = "";
    public Guid TenantId { get; init; }
    public string InitiatingUserAgent { get; init; } = "";
    public bool IsApplicationUser { get; init; }
}
