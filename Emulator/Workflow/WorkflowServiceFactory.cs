using System;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Pipeline;

namespace Rapport.Emulator.Workflow;

/// <summary>
/// The IOrganizationServiceFactory a custom workflow activity gets from its CodeActivityContext: every service it
/// creates sends requests nested in the workflow (depth + 1, the workflow's initiating user and correlation id), as
/// a plugin's services are, so steps triggered by an activity see the depth and initiating user Dataverse gives them.
/// <code>
/// var factory = env.CreateWorkflowServiceFactory(initiatingUserId: ana);
/// invoker.Extensions.Add(factory);
/// </code>
/// </summary>
public sealed class WorkflowServiceFactory : IOrganizationServiceFactory
{
    private readonly Organization _org;

    internal WorkflowServiceFactory(Organization org, Guid initiatingUserId, int depth, Guid correlationId)
    {
        _org = org;
        InitiatingUserId = initiatingUserId;
        Depth = depth;
        CorrelationId = correlationId;
    }

    /// <summary>The user who started the workflow: steps triggered by the activity's requests see this InitiatingUserId.</summary>
    public Guid InitiatingUserId { get; }

    /// <summary>The workflow's own depth; its requests run at Depth + 1.</summary>
    public int Depth { get; }

    public Guid CorrelationId { get; }

    /// <summary>A service acting as the user (null: SYSTEM) whose requests are nested in the workflow.</summary>
    public IOrganizationService CreateOrganizationService(Guid? userId) =>
        new EmulatedOrganizationService(_org, new CallerContext(userId ?? _org.SystemUserId, InitiatingUserId, Depth + 1, null, CorrelationId));
}

/// <summary>Creates the services a workflow activity runs with in the emulator.</summary>
public static class WorkflowHosting
{
    /// <summary>The service factory of a workflow started by <paramref name="initiatingUserId"/> at <paramref name="depth"/>.</summary>
    public static WorkflowServiceFactory CreateWorkflowServiceFactory(this DataverseEmulator env, Guid initiatingUserId, int depth = 1, Guid? correlationId = null)
    {
        ArgumentNullException.ThrowIfNull(env);
        if (depth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "A workflow runs at depth 1 or deeper.");
        }

        return new WorkflowServiceFactory(env.Organization, initiatingUserId, depth, correlationId ?? Guid.NewGuid());
    }
}
