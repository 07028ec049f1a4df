using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Rapport.Sdk.Tests.Net462Probe;

// Touches each System.Activities member an activity uses, so loading it on .NET checks every signature.
public sealed class EchoActivity : CodeActivity
{
    [RequiredArgument]
    [Input("Text")]
    public InArgument<string> Text { get; set; } = new();

    [Input("Count")]
    public InArgument<int> Count { get; set; } = new();

    [Output("Echo")]
    public OutArgument<string> Echo { get; set; } = new();

    [Output("Caller")]
    [ReferenceTarget("systemuser")]
    public OutArgument<EntityReference> Caller { get; set; } = new();

    protected override void Execute(CodeActivityContext context)
    {
        var workflow = context.GetExtension<IWorkflowContext>();
        context.GetExtension<ITracingService>()?.Trace("echo {0}", Text.Get(context));
        Echo.Set(context, Text.Get(context) + "x" + context.GetValue(Count));
        if (workflow is not null)
        {
            context.SetValue(Caller, new EntityReference("systemuser", workflow.UserId));
        }
    }
}
