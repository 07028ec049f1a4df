using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Extensions;
using Microsoft.Xrm.Sdk.Query;

namespace Rapport.Sdk.Tests.Net462Probe;

// Touches the Microsoft.Xrm.Sdk members a plugin typically uses.
public sealed class EchoPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Get<IPluginExecutionContext>();
        var service = serviceProvider.Get<IOrganizationServiceFactory>().CreateOrganizationService(context.UserId);
        var target = (Entity)context.InputParameters["Target"]!;
        var query = new QueryExpression(target.LogicalName) { ColumnSet = new ColumnSet("name"), TopCount = 1 };
        query.Criteria.AddCondition("name", ConditionOperator.Equal, target.GetAttributeValue<string>("name"));
        var found = service.RetrieveMultiple(query);
        if (found.Entities.Count > 0)
        {
            throw new InvalidPluginExecutionException(OperationStatus.Failed, "duplicate " + found[0].ToEntityReference().Id);
        }

        context.OutputParameters["echo"] = target.GetAttributeValue<Money>("revenue")?.Value;
    }
}
