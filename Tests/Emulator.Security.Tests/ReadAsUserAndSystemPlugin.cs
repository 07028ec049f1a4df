using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Rapport.Emulator.Security.Tests;

/// <summary>A test plugin: counts the accounts it sees through the context user's service and through SYSTEM's,
/// and traces them with the context's user ids.</summary>
public sealed class ReadAsUserAndSystemPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
        var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
        var asUser = factory.CreateOrganizationService(context.UserId).RetrieveMultiple(new QueryExpression("account")).Entities.Count;
        var asSystem = factory.CreateOrganizationService(null).RetrieveMultiple(new QueryExpression("account")).Entities.Count;
        tracing.Trace(string.Create(CultureInfo.InvariantCulture,
            $"user={context.UserId:D} initiating={context.InitiatingUserId:D} asUser={asUser} asSystem={asSystem}"));
    }
}
