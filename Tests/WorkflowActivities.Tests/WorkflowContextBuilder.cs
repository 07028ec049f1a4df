using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Rapport.Emulator;

namespace Rapport.WorkflowActivities.Tests;

/// <summary>The IWorkflowContext Dataverse gives an activity: here a plain record of the values a test chooses.</summary>
internal sealed class EmulatedWorkflowContext : IWorkflowContext
{
    public int Mode { get; init; }
    public int IsolationMode { get; init; } = 2;
    public int Depth { get; init; } = 1;
    public string MessageName { get; init; } = "Create";
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
    public Guid CorrelationId { get; init; } = Guid.NewGuid();
    public bool IsExecutingOffline => false;
    public bool IsOfflinePlayback => false;
    public bool IsInTransaction { get; init; }
    public Guid OperationId { get; init; } = Guid.NewGuid();
    public DateTime OperationCreatedOn { get; init; }
    public string StageName { get; init; } = "";
    public int WorkflowCategory { get; init; }
    public int WorkflowMode { get; init; }
    public IWorkflowContext? ParentContext { get; init; }
}

/// <summary>
/// A background workflow's context in the emulator: run as <c>user</c>, started by <c>initiatingUser</c> (the same
/// user unless told), in the organization and at the emulator clock's time.
/// </summary>
internal static class WorkflowContextBuilder
{
    public static EmulatedWorkflowContext For(DataverseEmulator env, Guid user, Guid? initiatingUser = null, EntityReference? primary = null) => new()
    {
        UserId = user,
        InitiatingUserId = initiatingUser ?? user,
        OrganizationId = env.OrganizationId,
        BusinessUnitId = env.RootBusinessUnitId,
        OperationCreatedOn = env.Clock.UtcNow,
        PrimaryEntityName = primary?.LogicalName ?? "none",
        PrimaryEntityId = primary?.Id ?? Guid.Empty,
    };
}
