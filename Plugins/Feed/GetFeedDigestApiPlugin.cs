using System;
using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>rapport_GetFeedDigest: a user's security-trimmed feed digest for a period (subject, HTML, plain text).</summary>
public sealed class GetFeedDigestApiPlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var input = context.ExecutionContext.InputParameters;
        var userText = input.TryGetValue("UserId", out var u) ? u as string : null;
        Guid? user = string.IsNullOrWhiteSpace(userText) ? null : FeedData.ParseId(userText, "user id");
        DateTime Date(string name) => input.TryGetValue(name, out var v) && v is DateTime d ? d
            : throw new Microsoft.Xrm.Sdk.InvalidPluginExecutionException($"Give {name} as a date and time (UTC).");
        var digest = FeedDigestService.Build(context, user, Date("From"), Date("To"));
        var output = context.ExecutionContext.OutputParameters;
        output["Subject"] = digest.Subject;
        output["Html"] = digest.Html;
        output["PlainText"] = digest.PlainText;
        output["ItemCount"] = digest.ItemCount;
    }
}
