using Rapport.Plugins.Common;
using Rapport.Plugins.Registration;

namespace Rapport.Plugins.Clv;

/// <summary>Paid invoices count as sales when an active CLV transaction source names the invoice table.</summary>
[Step("Create", "invoice", Stage.PostOperation, StepMode.Synchronous)]
[Step("Update", "invoice", Stage.PostOperation, StepMode.Synchronous, FilteringAttributes = Columns)]
[Step("Delete", "invoice", Stage.PostOperation, StepMode.Synchronous)]
[Image("Create", ImageKind.PostImage, Alias, Columns)]
[Image("Update", ImageKind.Both, Alias, Columns)]
[Image("Delete", ImageKind.PreImage, Alias, Columns)]
public sealed class InvoiceTransactionPlugin : PluginBase
{
    private const string Alias = "invoice";
    private const string Columns = "customerid,totalamount,datedelivered,duedate,modifiedon,statecode,statuscode";

    protected override void ExecuteStep(LocalPluginContext context) => SourceTransactionSteps.Execute(context, Alias, Columns);
}
