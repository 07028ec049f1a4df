using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Rapport.Sdk.Tests;

/// <summary>Minimal platform stand-ins for the binding tests (the emulator provides the real ones).</summary>
internal static class Fakes
{
    public static FakeContext Plugin(Entity target)
    {
        var context = new FakeContext { MessageName = "Create", PrimaryEntityName = target.LogicalName, Stage = 20 };
        context.InputParameters["Target"] = target;
        return context;
    }

    public static FakeContext Workflow(Guid userId) => new() { UserId = userId, MessageName = "Create", StageName = "PostOperation" };

    public static IServiceProvider Provider(FakeContext context, IOrganizationService service) =>
        new ServiceProvider(new Dictionary<Type, object>
        {
            [typeof(IPluginExecutionContext)] = context,
            [typeof(ITracingService)] = new NullTracing(),
            [typeof(IOrganizationServiceFactory)] = new Factory(service),
        });

    internal sealed class FakeContext : IPluginExecutionContext, IWorkflowContext
    {
        public int Mode { get; init; }
        public int IsolationMode { get; init; } = 2;
        public int Depth { get; init; } = 1;
        public string MessageName { get; init; } = string.Empty;
        public string PrimaryEntityName { get; init; } = "none";
        public Guid? RequestId { get; init; }
        public string SecondaryEntityName { get; init; } = "none";
        public ParameterCollection InputParameters { get; } = new();
        public ParameterCollection OutputParameters { get; } = new();
        public ParameterCollection SharedVariables { get; } = new();
        public Guid UserId { get; init; }
        public Guid InitiatingUserId { get; init; }
        public Guid BusinessUnitId { get; init; }
        public Guid OrganizationId { get; init; }
        public string OrganizationName { get; init; } = "test";
        public Guid PrimaryEntityId { get; init; }
        public EntityImageCollection PreEntityImages { get; } = new();
        public EntityImageCollection PostEntityImages { get; } = new();
        public EntityReference OwningExtension { get; init; } = new("sdkmessageprocessingstep", Guid.Empty);
        public Guid CorrelationId { get; init; }
        public bool IsExecutingOffline { get; init; }
        public bool IsOfflinePlayback { get; init; }
        public bool IsInTransaction { get; init; } = true;
        public Guid OperationId { get; init; }
        public DateTime OperationCreatedOn { get; init; }
        public int Stage { get; init; }
        public string StageName { get; init; } = string.Empty;
        public int WorkflowCategory { get; init; }
        public int WorkflowMode { get; init; }

        IPluginExecutionContext? IPluginExecutionContext.ParentContext => null;

        IWorkflowContext? IWorkflowContext.ParentContext => null;
    }

    private sealed class ServiceProvider(Dictionary<Type, object> services) : IServiceProvider
    {
        public object? GetService(Type serviceType) => services.TryGetValue(serviceType, out var service) ? service : null;
    }

    private sealed class Factory(IOrganizationService service) : IOrganizationServiceFactory
    {
        public IOrganizationService CreateOrganizationService(Guid? userId) => service;
    }

    private sealed class NullTracing : ITracingService
    {
        public void Trace(string format, params object?[] args)
        {
        }
    }
}
