using System;
using Microsoft.Xrm.Sdk;
using Rapport.Domain.Feed;
using Rapport.Plugins.Common;

namespace Rapport.Plugins.Services.Feed;

/// <summary>
/// A post Rapport writes itself (kind System, author "Rapport"), e.g. a workflow's "Post to Feed" as system. The post
/// steps leave system posts to their writer, so this fills what they fill for a user post (regarding name, topics,
/// counts) and then records mentions, topics and notifications exactly as for a user post. The caller has validated
/// the content and checked that the record and every mention are readable by whoever asked for the post.
/// </summary>
public static class SystemPostService
{
    public const string AuthorName = "Rapport";

    /// <summary>Writes the post as SYSTEM (1 request) and its bookkeeping (1 per mention and topic, +1 per topic lookup).</summary>
    public static Guid Post(LocalPluginContext ctx, RecordRef regarding, PostContent content)
    {
        var postId = ctx.SystemService.Create(new Entity(FeedData.Post)
        {
            ["rapport_name"] = FeedData.Cut(content.PlainText, 400),
            ["rapport_regardingtable"] = regarding.Table,
            ["rapport_regardingid"] = FeedData.Text(regarding.Id),
            ["rapport_regardingname"] = FeedData.Cut(regarding.Name, 400),
            ["rapport_kind"] = new OptionSetValue(FeedData.KindSystem),
            ["rapport_text"] = content.StoredText,
            ["rapport_topics"] = PostService.TopicsText(content.Topics),
            ["rapport_authorname"] = AuthorName,
            ["rapport_commentcount"] = 0,
            ["rapport_likecount"] = 0,
            ["rapport_edited"] = false,
        });
        PostService.AfterSystemPost(ctx, postId, content, regarding, AuthorName + " mentioned you" + (regarding.Name.Length == 0 ? string.Empty : " on " + regarding.Name));
        return postId;
    }
}
