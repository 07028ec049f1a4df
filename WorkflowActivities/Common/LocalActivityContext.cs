using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Rapport.Plugins.Common;

namespace Rapport.WorkflowActivities.Common;

/// <summary>
/// One activity execution: the workflow context, tracing and counted services, built fresh per call by
/// <see cref="ActivityBase"/> from the activity context's extensions.
/// </summary>
public sealed class LocalActivityContext
{
    private readonly IOrganizationServiceFactory _factory;
    private CountingOrganizationService? _systemService;

    public LocalActivityContext(CodeActivityContext activityContext)
    {
        ActivityContext = activityContext;
        WorkflowContext = activityContext.GetExtension<IWorkflowContext>()
            ?? throw new InvalidPluginExecutionException("The workflow context is not available.");
        Tracing = activityContext.GetExtension<ITracingService>()
            ?? throw new InvalidPluginExecutionException("The tracing service is not available.");
        _factory = activityContext.GetExtension<IOrganizationServiceFactory>()
            ?? throw new InvalidPluginExecutionException("The organization service factory is not available.");
        UserService = new CountingOrganizationService(_factory.CreateOrganizationService(WorkflowContext.UserId), Tracing, "user");
    }

    /// <summary>For reading InArguments and setting OutArguments.</summary>
    public CodeActivityContext ActivityContext { get; }

    public IWorkflowContext WorkflowContext { get; }

    public ITracingService Tracing { get; }

    /// <summary>Acts with the rights of the workflow's user: what that user cannot read stays unreadable.</summary>
    public CountingOrganizationService UserService { get; }

    public CountingOrganizationService SystemService =>
        _systemService ??= new CountingOrganizationService(_factory.CreateOrganizationService(null), Tracing, "system");

    public int RequestCount => UserService.RequestCount + (_systemService?.RequestCount ?? 0);

    public T Get<T>(InArgument<T> argument) => argument.Get(ActivityContext);

    public void Set<T>(OutArgument<T> argument, T value) => argument.Set(ActivityContext, value);

    public void Trace(string format, params object[] args) => Tracing.Trace(format, args);
}
