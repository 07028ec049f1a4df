using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Clv;

namespace Rapport.Plugins.Clv;

/// <summary>
/// rapport_GetSegmentValue (function): Gupta–Lehmann CLV and donor lifetime value for a CLV segment's average
/// customer and for the whole segment, with the formula, its inputs and where the retention rate comes from.
/// </summary>
public sealed class GetSegmentValueApi : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var execution = context.ExecutionContext;
        var segment = SegmentValueService.ParseSegment(ApiParameters.RequiredString(execution, "Segment"));
        var value = SegmentValueService.Get(context.UserService, segment, execution.OperationCreatedOn);
        execution.OutputParameters["Customers"] = value.Customers;
        execution.OutputParameters["Report"] = value.ToJson();
        execution.OutputParameters["Explanation"] = value.PerCustomer?.Explain() ?? (value.Customers == 0 ? "No customer of this segment has a purchase or gift." : "The active model carries no measured retention rate: refit it.");
        if (value.PerCustomer is { } v)
        {
            execution.OutputParameters["RetentionRate"] = v.RetentionRate;
            if (v.GuptaLehmannClv is double gl)
            {
                execution.OutputParameters["GuptaLehmannClv"] = gl;
                execution.OutputParameters["SegmentGuptaLehmannClv"] = gl * value.Customers;
            }

            if (v.DonorLifetimeValue is double dlv)
            {
                execution.OutputParameters["DonorLifetimeValue"] = dlv;
                execution.OutputParameters["SegmentDonorLifetimeValue"] = dlv * value.Customers;
            }
        }
    }
}
