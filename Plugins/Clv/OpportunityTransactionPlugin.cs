using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;

namespace Rapport.Plugins.Clv;

/// <summary>Won opportunities count as sales when an active CLV transaction source names the opportunity table.</summary>
[Step("Create", "opportunity", Stage.PostOperation, StepMode.Synchronous)]
[Step("Update", "opportunity", Stage.PostOperation, StepMode.Synchronous, FilteringAttributes = Columns)]
[Step("Delete", "opportunity", Stage.PostOperation, StepMode.Synchronous)]
[Image("Create", ImageKind.PostImage, Alias, Columns)]
[Image("Update", ImageKind.Both, Alias, Columns)]
[Image("Delete", ImageKind.PreImage, Alias, Columns)]
public sealed class OpportunityTransactionPlugin : PluginBase
{
    private const string Alias = "opportunity";
    private const string Columns = "customerid,parentaccountid,parentcontactid,actualvalue,estimatedvalue,actualclosedate,estimatedclosedate,statecode,statuscode";

    protected override void ExecuteStep(LocalPluginContext context) => SourceTransactionSteps.Execute(context, Alias, Columns);
}
