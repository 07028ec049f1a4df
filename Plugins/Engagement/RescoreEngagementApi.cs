using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Engagement;

namespace Rapport.Plugins.Engagement;

/// <summary>
/// rapport_RescoreEngagement: rescores one page of contacts or accounts (PageSize 1–1,000, default 250; PageNumber
/// from 1); call again with NextPage until it is 0. The last page refreshes the base reference (p99 raw points).
/// </summary>
public sealed class RescoreEngagementApi : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var execution = context.ExecutionContext;
        var table = EngagementApiParameters.RequiredString(execution, "Table").ToLowerInvariant();
        if (!EngagementSchema.IsCustomerTable(table))
        {
            throw new InvalidPluginExecutionException($"Table must be 'contact' or 'account', got '{table}'.");
        }

        var pageSize = EngagementApiParameters.OptionalInt(execution, "PageSize") ?? 250;
        var pageNumber = EngagementApiParameters.OptionalInt(execution, "PageNumber") ?? 1;
        if (pageSize < 1 || pageSize > 1000 || pageNumber < 1)
        {
            throw new InvalidPluginExecutionException($"PageSize must be 1 to 1000 and PageNumber at least 1, got {pageSize} and {pageNumber}.");
        }

        var page = EngagementScoringService.RescorePage(context.UserService, table, pageSize, pageNumber, execution.OperationCreatedOn);
        execution.OutputParameters["Processed"] = page.Processed;
        execution.OutputParameters["NextPage"] = page.NextPage;
        execution.OutputParameters["ReferencePoints"] = page.ReferencePoints;
    }
}
