using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Clv;

namespace Rapport.Plugins.Clv;

/// <summary>
/// rapport_GetCustomerInsights (function): the customer card's JSON for a contact or account, read as the caller
/// from the scores already stored on the row (1–2 requests).
/// </summary>
public sealed class GetCustomerInsightsApi : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var execution = context.ExecutionContext;
        var table = ApiParameters.RequiredString(execution, "RecordTable").ToLowerInvariant();
        var id = ApiParameters.RequiredGuid(execution, "RecordId");
        execution.OutputParameters["Insights"] = CustomerInsightsService.Get(context.UserService, table, id, execution.OperationCreatedOn).ToJson();
    }
}
