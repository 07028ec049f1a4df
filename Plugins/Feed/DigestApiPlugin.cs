using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>rapport_DeliverDigests (the recurring digest job) and rapport_UnsubscribeDigest (the link in every digest).</summary>
public sealed class DigestApiPlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var input = context.ExecutionContext.InputParameters;
        var output = context.ExecutionContext.OutputParameters;
        if (context.ExecutionContext.MessageName == "rapport_UnsubscribeDigest")
        {
            output["Unsubscribed"] = DigestDeliveryService.Unsubscribe(context, input.TryGetValue("Token", out var t) ? t as string : null);
            return;
        }

        var run = DigestDeliveryService.Run(
            context,
            input.TryGetValue("MaxFollowers", out var max) ? max as int? : null,
            input.TryGetValue("UnsubscribeUrl", out var url) ? url as string : null,
            !input.TryGetValue("SendEmail", out var send) || send is not false);
        output["Sent"] = run.Sent;
        output["Empty"] = run.Empty;
        output["Skipped"] = run.Skipped;
        output["HasMore"] = run.HasMore;
        context.Trace("DeliverDigests: {0} sent, {1} empty, {2} skipped, more: {3}", run.Sent, run.Empty, run.Skipped, run.HasMore);
    }
}
