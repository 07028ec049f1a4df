using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Clv;

namespace Rapport.Plugins.Clv;

/// <summary>
/// rapport_RescoreCustomers: rescores one page (PageSize, default 250, at most 1,000; PageNumber from 1) of the
/// contacts or accounts that carry a CLV ledger, with the active models, in one UpdateMultiple. Returns Processed and
/// NextPage (0 when there is no further page): call again with NextPage until it is 0.
/// </summary>
public sealed class RescoreCustomersApi : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var execution = context.ExecutionContext;
        var table = ApiParameters.RequiredString(execution, "Table").ToLowerInvariant();
        if (!ClvSchema.IsCustomerTable(table))
        {
            throw new InvalidPluginExecutionException($"Table must be 'contact' or 'account', got '{table}'.");
        }

        var pageSize = ApiParameters.OptionalInt(execution, "PageSize") ?? 250;
        var pageNumber = ApiParameters.OptionalInt(execution, "PageNumber") ?? 1;
        if (pageSize < 1 || pageSize > 1000 || pageNumber < 1)
        {
            throw new InvalidPluginExecutionException($"PageSize must be 1 to 1000 and PageNumber at least 1, got {pageSize} and {pageNumber}.");
        }

        var result = ClvScoringService.RescorePage(context.UserService, table, pageSize, pageNumber, execution.OperationCreatedOn);
        execution.OutputParameters["Processed"] = result.Processed;
        execution.OutputParameters["NextPage"] = result.NextPage;
    }
}
