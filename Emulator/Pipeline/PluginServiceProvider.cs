using System;
using Microsoft.Xrm.Sdk;

namespace Rapport.Emulator.Pipeline;

/// <summary>The IServiceProvider handed to IPlugin.Execute: the context (every version), tracing and the service factory.</summary>
internal sealed class PluginServiceProvider : IServiceProvider, IOrganizationServiceFactory
{
    private readonly Organization _org;
    private readonly PluginExecutionContext _context;
    private readonly ITracingService _tracing;

    public PluginServiceProvider(Organization org, PluginExecutionContext context, ITracingService tracing)
    {
        _org = org;
        _context = context;
        _tracing = tracing;
    }

    public object? GetService(Type serviceType)
    {
        if (serviceType.IsInstanceOfType(_context))
        {
            return _context;
        }

        if (serviceType == typeof(ITracingService))
        {
            return _tracing;
        }

        return serviceType == typeof(IOrganizationServiceFactory) ? this : null;
    }

    /// <summary>A service whose requests are nested in this execution: depth + 1, this context as parent; null is SYSTEM.</summary>
    public IOrganizationService CreateOrganizationService(Guid? userId) =>
        new EmulatedOrganizationService(_org, new CallerContext(
            userId ?? _org.SystemUserId, _context.InitiatingUserId, _context.Depth + 1, _context, _context.CorrelationId));
}
