using System;
using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Feed;

namespace Rapport.WorkflowActivities.Common;

/// <summary>
/// One activity execution, built fresh per call by <see cref="ActivityBase"/> from the activity context's extensions:
/// the workflow context, tracing, the counted services, typed reads of the arguments with messages that name them as
/// the designer shows them, and <see cref="Services"/>, the context the shared services (Plugins/Services) take.
/// </summary>
public sealed class LocalActivityContext
{
    public LocalActivityContext(CodeActivityContext activityContext, string activityName)
    {
        ActivityName = activityName;
        ActivityContext = activityContext ?? throw new ArgumentNullException(nameof(activityContext));
        WorkflowContext = activityContext.GetExtension<IWorkflowContext>()
            ?? throw new InvalidPluginExecutionException("The workflow context is not available.");
        Tracing = activityContext.GetExtension<ITracingService>()
            ?? throw new InvalidPluginExecutionException("The tracing service is not available.");
        var factory = activityContext.GetExtension<IOrganizationServiceFactory>()
            ?? throw new InvalidPluginExecutionException("The organization service factory is not available.");
        Services = new LocalPluginContext(new ServiceProvider(new WorkflowExecutionContext(WorkflowContext), Tracing, factory));
    }

    /// <summary>The name the designer shows for the activity; every refusal starts with it.</summary>
    public string ActivityName { get; }

    /// <summary>For reading InArguments and setting OutArguments.</summary>
    public CodeActivityContext ActivityContext { get; }

    public IWorkflowContext WorkflowContext { get; }

    public ITracingService Tracing { get; }

    /// <summary>
    /// What the shared services take: the workflow seen as a plugin execution (<see cref="WorkflowExecutionContext"/>),
    /// with counted services as the workflow's user and as SYSTEM. The same services the Custom APIs call.
    /// </summary>
    public LocalPluginContext Services { get; }

    /// <summary>Acts with the rights of the workflow's user: what that user cannot read stays unreadable.</summary>
    public CountingOrganizationService UserService => Services.UserService;

    /// <summary>Acts as SYSTEM: only for rows Rapport keeps for everyone (follows, system posts).</summary>
    public CountingOrganizationService SystemService => Services.SystemService;

    public int RequestCount => Services.RequestCount;

    public T Get<T>(InArgument<T> argument) => argument.Get(ActivityContext);

    public void Set<T>(OutArgument<T> argument, T value) => argument.Set(ActivityContext, value);

    public void Trace(string format, params object[] args) => Tracing.Trace(format, args);

    /// <summary>A text input that must be given: a dynamic value that is empty at run time is refused, naming the input.</summary>
    public string RequiredText(InArgument<string> argument, string label)
    {
        var value = Get(argument);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidPluginExecutionException($"{Input(label)} is empty: give it a value (a dynamic value may be blank for this record).")
            : value.Trim();
    }

    /// <summary>
    /// A record input: null when not set; refused when it points at another table than its declared target (a
    /// workflow passes any EntityReference through), or at no record.
    /// </summary>
    public EntityReference? Reference(InArgument<EntityReference> argument, string label, string table)
    {
        var value = Get(argument);
        if (value is null)
        {
            return null;
        }

        if (!string.Equals(value.LogicalName, table, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidPluginExecutionException(
                $"{Input(label)} takes a {table} record; it was given {(string.IsNullOrEmpty(value.LogicalName) ? "a reference with no table" : "a record of the '" + value.LogicalName + "' table")}.");
        }

        if (value.Id == Guid.Empty)
        {
            throw new InvalidPluginExecutionException($"{Input(label)} names no {table} record (its id is empty).");
        }

        return new EntityReference(table, value.Id) { Name = value.Name };
    }

    /// <summary>The record a "Record URL" input names (see <see cref="RecordUrl"/>); it must be given.</summary>
    public EntityReference RecordFromUrl(InArgument<string> argument, string label) =>
        RecordUrl.Resolve(RequiredText(argument, label), Input(label), SystemService);

    /// <summary>
    /// The record's display name, read with the workflow user's rights: a record that does not exist, or that the
    /// workflow's user cannot read, is refused with a message saying which (before anything is written).
    /// </summary>
    public string ReadableName(EntityReference record) =>
        FeedData.ReadableName(UserService, record.LogicalName, record.Id, ActivityName, "the workflow's user");

    /// <summary>How messages name an input: "Follow Record: the input 'Record URL'".</summary>
    public string Input(string label) => $"{ActivityName}: the input '{label}'";

    /// <summary>What LocalPluginContext reads its context, tracing and factory from.</summary>
    private sealed class ServiceProvider : IServiceProvider
    {
        private readonly IPluginExecutionContext _context;
        private readonly ITracingService _tracing;
        private readonly IOrganizationServiceFactory _factory;

        public ServiceProvider(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
        {
            _context = context;
            _tracing = tracing;
            _factory = factory;
        }

        public object? GetService(Type serviceType) =>
            serviceType == typeof(IPluginExecutionContext) ? _context
            : serviceType == typeof(ITracingService) ? _tracing
            : serviceType == typeof(IOrganizationServiceFactory) ? _factory
            : null;
    }
}
