using System;
using Microsoft.Xrm.Sdk;

namespace Rapport.Plugins.Common;

/// <summary>
/// Everything one plugin execution needs, built fresh per call by <see cref="PluginBase"/>: the context, tracing,
/// and counted services as the calling user, as the initiating user and as SYSTEM.
/// </summary>
public sealed class LocalPluginContext
{
    private readonly IOrganizationServiceFactory _factory;
    private CountingOrganizationService? _systemService;
    private CountingOrganizationService? _initiatingUserService;

    public LocalPluginContext(IServiceProvider serviceProvider)
    {
        ExecutionContext = (IPluginExecutionContext)(serviceProvider.GetService(typeof(IPluginExecutionContext))
            ?? throw new InvalidPluginExecutionException("The plugin execution context is not available."));
        Tracing = (ITracingService)(serviceProvider.GetService(typeof(ITracingService))
            ?? throw new InvalidPluginExecutionException("The tracing service is not available."));
        _factory = (IOrganizationServiceFactory)(serviceProvider.GetService(typeof(IOrganizationServiceFactory))
            ?? throw new InvalidPluginExecutionException("The organization service factory is not available."));
        UserService = new CountingOrganizationService(_factory.CreateOrganizationService(ExecutionContext.UserId), Tracing, "user");
    }

    public IPluginExecutionContext ExecutionContext { get; }

    public ITracingService Tracing { get; }

    /// <summary>Acts with the rights of the user the step runs as (UserId): Dataverse trims what it returns.</summary>
    public CountingOrganizationService UserService { get; }

    /// <summary>Acts with the rights of the user who started the operation (InitiatingUserId).</summary>
    public CountingOrganizationService InitiatingUserService =>
        _initiatingUserService ??= new CountingOrganizationService(
            _factory.CreateOrganizationService(ExecutionContext.InitiatingUserId), Tracing, "initiating");

    /// <summary>Acts as SYSTEM: only for bookkeeping rows the caller must not be able to forge.</summary>
    public CountingOrganizationService SystemService =>
        _systemService ??= new CountingOrganizationService(_factory.CreateOrganizationService(null), Tracing, "system");

    /// <summary>Acts with the rights of another user (e.g. a follower whose read access must be checked); counted.</summary>
    public CountingOrganizationService ServiceFor(Guid userId) =>
        new CountingOrganizationService(_factory.CreateOrganizationService(userId), Tracing, "user " + userId.ToString("D"));

    /// <summary>Requests sent by this execution through all its services.</summary>
    public int RequestCount =>
        UserService.RequestCount + (_systemService?.RequestCount ?? 0) + (_initiatingUserService?.RequestCount ?? 0);

    public void Trace(string format, params object[] args) => Tracing.Trace(format, args);

    /// <summary>The Target input parameter as an entity; a clear error when the message carries none.</summary>
    public Entity Target =>
        ExecutionContext.InputParameters.TryGetValue("Target", out var value) && value is Entity entity
            ? entity
            : throw new InvalidPluginExecutionException(
                $"{ExecutionContext.MessageName} of {ExecutionContext.PrimaryEntityName} carries no Target entity.");

    /// <summary>The declared image; a clear error naming the step's registration when it is missing.</summary>
    public Entity PreImage(string alias) => Image(ExecutionContext.PreEntityImages, alias, "pre");

    public Entity PostImage(string alias) => Image(ExecutionContext.PostEntityImages, alias, "post");

    private Entity Image(EntityImageCollection images, string alias, string kind) =>
        images.TryGetValue(alias, out var image) && image is not null
            ? image
            : throw new InvalidPluginExecutionException(
                $"The {kind}-image '{alias}' is missing for {ExecutionContext.MessageName} of {ExecutionContext.PrimaryEntityName}. " +
                "Re-import the Rapport solution so the step's image registration is restored.");
}
