using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Common;
using Rapport.Domain.Feed;
using Rapport.Plugins.Common;

namespace Rapport.Plugins.Services.Feed;

/// <summary>
/// Reads of one post for its reader (the post history, a like): the post is read as SYSTEM (users hold no Read on
/// feed content) and shown only when the caller can read the record it is about, with one answer for "deleted" and
/// "not yours to see" so an id reveals nothing.
/// </summary>
public static class PostHistoryService
{
    public const string Hidden = "The post does not exist or is about a record you can't open.";

    /// <summary>The post (regarding columns plus <paramref name="columns"/>) if the caller may see it; refused otherwise. 2 requests.</summary>
    public static Entity VisiblePost(LocalPluginContext ctx, Guid postId, params string[] columns)
    {
        var post = ctx.SystemService.RetrieveMultiple(PostService.ById(FeedData.Post, postId, columns.Concat(new[] { "rapport_regardingtable", "rapport_regardingid" }).ToArray()))
            .Entities.FirstOrDefault();
        var regarding = post is null ? null : Regarding(post);
        if (regarding is null || !PostService.CanRead(ctx.InitiatingUserService, regarding))
        {
            throw new InvalidPluginExecutionException(Hidden);
        }

        return post!;
    }

    /// <summary>rapport_GetPostHistory: the texts a post had before its edits, newest first, as JSON. 3 requests.</summary>
    public static string History(LocalPluginContext ctx, Guid postId)
    {
        VisiblePost(ctx, postId);
        var query = FeedData.Where(FeedData.Revision, "rapport_number", "rapport_text", "rapport_editedon", "rapport_editedby");
        query.Criteria.AddCondition("rapport_postid", ConditionOperator.Equal, postId);
        query.AddOrder("rapport_number", OrderType.Descending);
        var json = new JsonWriter().StartArray();
        foreach (var revision in ctx.SystemService.RetrieveMultiple(query).Entities)
        {
            json.StartObject()
                .Property("number", FeedData.Int(revision, "rapport_number"))
                .Property("text", FeedData.Str(revision, "rapport_text"))
                .Property("editedOn", revision.GetAttributeValue<DateTime?>("rapport_editedon"))
                .Property("editedBy", revision.GetAttributeValue<EntityReference>("rapport_editedby")?.Id ?? Guid.Empty)
                .EndObject();
        }

        return json.EndArray().ToString();
    }

    private static RecordRef? Regarding(Entity post) =>
        FeedData.Str(post, "rapport_regardingtable") is { Length: > 0 } table && Guid.TryParse(FeedData.Str(post, "rapport_regardingid"), out var id)
            ? new RecordRef(table, id)
            : null;
}
