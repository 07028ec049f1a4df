using Rapport.Plugins.Common;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Plugins.Feed;

/// <summary>rapport_GetFeed: one security-trimmed page of the caller's feed.</summary>
public sealed class GetFeedApiPlugin : PluginBase
{
    protected override void ExecuteStep(LocalPluginContext context)
    {
        var input = context.ExecutionContext.InputParameters;
        string? S(string name) => input.TryGetValue(name, out var v) ? v as string : null;
        var request = new FeedRequest(S("Scope"), S("RecordTable"), S("RecordId"), S("Kind"), S("Table"), S("Topic"),
            input.TryGetValue("PageSize", out var size) ? size as int? : null, S("ContinuationToken"));
        var response = FeedService.GetPage(context, request);
        var output = context.ExecutionContext.OutputParameters;
        output["Items"] = response.Items;
        output["ContinuationToken"] = response.ContinuationToken ?? string.Empty;
        output["FollowerCount"] = response.FollowerCount;
        output["IsFollowing"] = response.IsFollowing;
        context.Trace("GetFeed: {0} items, {1} batches, {2} scanned, tables {3}", response.Page.Items.Count, response.Page.Batches, response.Page.Scanned, string.Join(",", response.Page.Tables));
    }
}
