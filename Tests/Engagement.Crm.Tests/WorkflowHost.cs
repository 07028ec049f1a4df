extern alias wf;

using System;
using System.Activities;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Rapport.Engagement.Crm.Tests;

/// <summary>Runs an activity the way Dataverse hosts it: the workflow context, tracing and a service factory over the emulator.</summary>
internal static class WorkflowHost
{
    public static IDictionary<string, object?> Run(EngagementWorld world, Activity activity, Dictionary<string, object?> inputs)
    {
        var invoker = new WorkflowInvoker(activity);
        invoker.Extensions.Add(new TestWorkflowContext(world.Env.SystemUserId, EngagementWorld.Now));
        invoker.Extensions.Add(new Tracer());
        invoker.Extensions.Add(new Factory(world));
        return invoker.Invoke(inputs);
    }

    private sealed class Factory(EngagementWorld world) : IOrganizationServiceFactory
    {
        public IOrganizationService CreateOrganizationService(Guid? userId) => userId is { } id ? world.Env.AsUser(id) : world.Env.SystemService;
    }

    private sealed class Tracer : ITracingService
    {
        public void Trace(string format, params object?[] args)
        {
        }
    }
}

/// <summary>The workflow context of an on-demand workflow run by <paramref name="userId"/> at <paramref name="now"/>.</summary>
internal sealed class TestWorkflowContext(Guid userId, DateTime now) : IWorkflowContext
{
    public string StageName => "Main";

    public int WorkflowCategory => 0;

    public int WorkflowMode => 0;

    public IWorkflowContext? ParentContext => null;

    public int Mode => 1;

    public int IsolationMode => 2;

    public int Depth => 1;

    public string MessageName => "Update";

    public string PrimaryEntityName => "contact";

    public Guid? RequestId => null;

    public string SecondaryEntityName => "none";

    public ParameterCollection InputParameters { get; } = new();

    public ParameterCollection OutputParameters { get; } = new();

    public ParameterCollection SharedVariables { get; } = new();

    public Guid UserId => userId;

    public Guid InitiatingUserId => userId;

    public Guid BusinessUnitId => Guid.Empty;

    public Guid OrganizationId => Guid.Empty;

    public string OrganizationName => "test";

    public Guid PrimaryEntityId => Guid.Empty;

    public EntityImageCollection PreEntityImages { get; } = new();

    public EntityImageCollection PostEntityImages { get; } = new();

    public EntityReference OwningExtension => new("workflow", Guid.Empty);

    public Guid CorrelationId { get; } = Guid.NewGuid();

    public bool IsExecutingOffline => false;

    public bool IsOfflinePlayback => false;

    public bool IsInTransaction => false;

    public Guid OperationId { get; } = Guid.NewGuid();

    public DateTime OperationCreatedOn => now;
}
