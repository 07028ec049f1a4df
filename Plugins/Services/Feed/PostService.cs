using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Feed;
using Rapport.Plugins.Common;

namespace Rapport.Plugins.Services.Feed;

/// <summary>Posts and comments: validation before the write (text, mentions, access), bookkeeping after it.</summary>
public static class PostService
{
    /// <summary>Pre-operation Create of a post. Auto and system posts come only from Rapport's own steps (or a Rapport Administrator) and cost nothing here.</summary>
    public static void ValidateNewPost(LocalPluginContext ctx, Entity post)
    {
        var kind = post.GetAttributeValue<OptionSetValue>("rapport_kind")?.Value ?? FeedData.KindUser;
        if (kind != FeedData.KindUser)
        {
            if (FeedCaller.Of(ctx).Writer == FeedWriter.Person)
            {
                throw new InvalidPluginExecutionException("Auto-posts and system posts are written by Rapport only; create a user post instead.");
            }

            return;
        }

        var table = FeedData.Table(post.GetAttributeValue<string>("rapport_regardingtable"), "table the post is about");
        var id = FeedData.ParseId(post.GetAttributeValue<string>("rapport_regardingid"), "id of the record the post is about");
        var content = FeedData.Domain(() => PostContent.ForPost(post.GetAttributeValue<string>("rapport_text")));
        var name = FeedData.ReadableName(ctx.InitiatingUserService, table, id, "The post was not saved", "you");
        CheckMentions(ctx, content);
        var author = ctx.ExecutionContext.InitiatingUserId;
        post["rapport_regardingtable"] = table;
        post["rapport_regardingid"] = FeedData.Text(id);
        post["rapport_regardingname"] = FeedData.Cut(name, 400);
        post["rapport_kind"] = new OptionSetValue(FeedData.KindUser);
        post["rapport_text"] = content.StoredText;
        post["rapport_topics"] = TopicsText(content.Topics);
        post["rapport_authorid"] = new EntityReference("systemuser", author);
        post["rapport_authorname"] = FeedData.Cut(FeedData.NameOf(ctx.SystemService.Retrieve("systemuser", author, new ColumnSet("fullname"))), 200);
        post["rapport_commentcount"] = 0;
        post["rapport_likecount"] = 0;
        post["rapport_edited"] = false;
        post["rapport_name"] = FeedData.Cut(content.PlainText, 400);
    }

    /// <summary>Post-operation Create of a user post: mention rows, topics (upserted by key, tagged as mentions), notifications.</summary>
    public static void AfterNewPost(LocalPluginContext ctx, Guid postId, Entity post)
    {
        if ((post.GetAttributeValue<OptionSetValue>("rapport_kind")?.Value ?? FeedData.KindUser) != FeedData.KindUser)
        {
            return;
        }

        var content = PostContent.Read(post.GetAttributeValue<string>("rapport_text"));
        var author = post.GetAttributeValue<string>("rapport_authorname") ?? "Someone";
        var regarding = new RecordRef(FeedData.Str(post, "rapport_regardingtable") is { Length: > 0 } t ? t : "unknown", Guid.TryParse(FeedData.Str(post, "rapport_regardingid"), out var id) ? id : Guid.Empty, FeedData.Str(post, "rapport_regardingname"));
        Bookkeep(ctx, postId, content, regarding, author + " mentioned you" + (regarding.Name.Length == 0 ? string.Empty : " on " + regarding.Name));
    }

    /// <summary>Pre-operation Update of a post's text: author or moderator, user posts only; the old text becomes a revision.</summary>
    public static void Edit(LocalPluginContext ctx, Entity target, Entity before)
    {
        if (!target.Contains("rapport_text"))
        {
            return;
        }

        var author = before.GetAttributeValue<EntityReference>("rapport_authorid")?.Id ?? Guid.Empty;
        var actor = ctx.ExecutionContext.InitiatingUserId;
        var moderator = author != actor && FeedCaller.Of(ctx).IsModerator;

        var revisions = FeedData.Where(FeedData.Revision, "rapport_number");
        revisions.Criteria.AddCondition("rapport_postid", ConditionOperator.Equal, target.Id);
        var count = ctx.SystemService.RetrieveMultiple(revisions).Entities.Count;
        var edit = FeedData.Domain(() => PostPolicy.Edit(
            FeedData.ToKind(before.GetAttributeValue<OptionSetValue>("rapport_kind")?.Value ?? FeedData.KindUser),
            author,
            actor,
            FeedData.Str(before, "rapport_text"),
            target.GetAttributeValue<string>("rapport_text"),
            count,
            ctx.ExecutionContext.OperationCreatedOn,
            actorIsModerator: moderator));
        CheckMentions(ctx, edit.Content);
        target["rapport_text"] = edit.Content.StoredText;
        target["rapport_topics"] = TopicsText(edit.Content.Topics);
        target["rapport_edited"] = true;
        target["rapport_name"] = FeedData.Cut(edit.Content.PlainText, 400);
        ctx.SystemService.Create(new Entity(FeedData.Revision)
        {
            ["rapport_name"] = "Revision " + FeedData.Number(edit.Revision.Number),
            ["rapport_postid"] = new EntityReference(FeedData.Post, target.Id),
            ["rapport_number"] = edit.Revision.Number,
            ["rapport_text"] = edit.Revision.Text,
            ["rapport_editedon"] = edit.Revision.EditedOn,
            ["rapport_editedby"] = new EntityReference("systemuser", edit.Revision.EditedBy),
        });
    }

    /// <summary>
    /// Pre-operation Delete of a post or comment: its author, or a moderator (System or Rapport Administrator), whose
    /// delete of someone else's row is written to the moderation log. Rapport's own deletes (merges, cascades) pass.
    /// </summary>
    public static void CheckDelete(LocalPluginContext ctx, Entity before, string regardingTable, string regardingId)
    {
        var author = before.GetAttributeValue<EntityReference>("rapport_authorid")?.Id ?? Guid.Empty;
        var actor = ctx.ExecutionContext.InitiatingUserId;
        var caller = FeedCaller.Of(ctx);
        if (author == actor || caller.IsElevated)
        {
            return;
        }

        var what = before.LogicalName == FeedData.Comment ? "comment" : "post";
        FeedData.Domain(() =>
        {
            PostPolicy.EnsureCanDelete(author, actor, caller.IsModerator, what);
            return true;
        });
        FeedGuard.LogModeration(ctx, "Deleted", before, author, actor, regardingTable, regardingId);
    }

    /// <summary>Pre-operation Create of a comment: the post must still exist and be readable; same text rules as posts.</summary>
    public static void ValidateNewComment(LocalPluginContext ctx, Entity comment)
    {
        var postRef = comment.GetAttributeValue<EntityReference>("rapport_postid")
            ?? throw new InvalidPluginExecutionException("A comment needs the post it answers (rapport_postid).");
        var content = FeedData.Domain(() => PostContent.ForComment(comment.GetAttributeValue<string>("rapport_text")));
        var found = ctx.SystemService.RetrieveMultiple(ById(FeedData.Post, postRef.Id, "rapport_regardingtable", "rapport_regardingid")).Entities.FirstOrDefault()
            ?? throw new InvalidPluginExecutionException("The post was deleted; your comment was not saved.");
        FeedData.ReadableName(ctx.InitiatingUserService, FeedData.Str(found, "rapport_regardingtable"), FeedData.ParseId(FeedData.Str(found, "rapport_regardingid"), "regarding id"), "The comment was not saved", "you");
        CheckMentions(ctx, content);
        comment["rapport_text"] = content.StoredText;
        comment["rapport_authorid"] = new EntityReference("systemuser", ctx.ExecutionContext.InitiatingUserId);
        comment["rapport_name"] = FeedData.Cut(content.PlainText, 400);
    }

    /// <summary>Pre-operation Update of a comment's text: author or moderator; same text rules as a new comment.</summary>
    public static void EditComment(LocalPluginContext ctx, Entity target, Entity before)
    {
        if (!target.Contains("rapport_text"))
        {
            return;
        }

        var author = before.GetAttributeValue<EntityReference>("rapport_authorid")?.Id ?? Guid.Empty;
        var actor = ctx.ExecutionContext.InitiatingUserId;
        var moderator = author != actor && FeedCaller.Of(ctx).IsModerator;
        var edit = FeedData.Domain(() => PostPolicy.Edit(PostKind.UserPost, author, actor, FeedData.Str(before, "rapport_text"),
            target.GetAttributeValue<string>("rapport_text"), 0, ctx.ExecutionContext.OperationCreatedOn, "comment", moderator));
        CheckMentions(ctx, edit.Content);
        target["rapport_text"] = edit.Content.StoredText;
        target["rapport_name"] = FeedData.Cut(edit.Content.PlainText, 400);
    }

    /// <summary>Post-operation Update of a comment's text: the post's latest comments re-read (one query, one update).</summary>
    public static void RefreshLatestComments(LocalPluginContext ctx, Entity before)
    {
        if (before.GetAttributeValue<EntityReference>("rapport_postid") is not { } post)
        {
            return;
        }

        ctx.SystemService.Update(new Entity(FeedData.Post, post.Id) { ["rapport_latestcomments"] = LatestComments.Write(Newest(ctx.SystemService, post.Id)) });
    }

    /// <summary>Adds <paramref name="delta"/> to a post's comment or like count (no-op when the post is gone).</summary>
    public static int AddToCount(IOrganizationService system, Guid postId, string column, int delta)
    {
        var post = system.RetrieveMultiple(ById(FeedData.Post, postId, column)).Entities.FirstOrDefault();
        if (post is null)
        {
            return 0;
        }

        var value = Math.Max(0, FeedData.Int(post, column) + delta);
        system.Update(new Entity(FeedData.Post, postId) { [column] = value });
        return value;
    }

    /// <summary>
    /// Post-operation Create/Delete of a comment: the post's comment count and its latest-comments JSON move together
    /// (one read, one update; a delete that removes one of the three shown re-reads the newest three), so a feed page
    /// shows latest comments without another query.
    /// </summary>
    public static void AfterCommentChange(LocalPluginContext ctx, Guid commentId, Entity comment, bool created)
    {
        var postRef = comment.GetAttributeValue<EntityReference>("rapport_postid");
        if (postRef is null)
        {
            return;
        }

        var system = ctx.SystemService;
        var post = system.RetrieveMultiple(ById(FeedData.Post, postRef.Id, "rapport_commentcount", "rapport_latestcomments")).Entities.FirstOrDefault();
        if (post is null)
        {
            return;
        }

        var count = Math.Max(0, FeedData.Int(post, "rapport_commentcount") + (created ? 1 : -1));
        string latest;
        if (created)
        {
            var author = comment.GetAttributeValue<EntityReference>("rapport_authorid")?.Id ?? ctx.ExecutionContext.InitiatingUserId;
            var name = FeedData.NameOf(system.Retrieve("systemuser", author, new ColumnSet("fullname")));
            latest = LatestComments.Add(FeedData.Str(post, "rapport_latestcomments"),
                new StoredComment(commentId, author, name, FeedData.Str(comment, "rapport_text"), ctx.ExecutionContext.OperationCreatedOn));
        }
        else
        {
            latest = LatestComments.Remove(FeedData.Str(post, "rapport_latestcomments"), commentId, count, out var refill);
            if (refill)
            {
                latest = LatestComments.Write(Newest(system, postRef.Id));
            }
        }

        system.Update(new Entity(FeedData.Post, postRef.Id) { ["rapport_commentcount"] = count, ["rapport_latestcomments"] = latest });
    }

    private static IEnumerable<StoredComment> Newest(IOrganizationService system, Guid postId)
    {
        var query = FeedData.Where(FeedData.Comment, "rapport_text", "rapport_authorid", "createdon");
        query.Criteria.AddCondition("rapport_postid", ConditionOperator.Equal, postId);
        query.AddOrder("createdon", OrderType.Descending);
        query.TopCount = FeedItem.MaxLatestComments;
        var author = query.AddLink("systemuser", "rapport_authorid", "systemuserid", JoinOperator.LeftOuter);
        author.EntityAlias = "a";
        author.Columns = new ColumnSet("fullname");
        return system.RetrieveMultiple(query).Entities.Select(c => new StoredComment(
            c.Id,
            c.GetAttributeValue<EntityReference>("rapport_authorid")?.Id ?? Guid.Empty,
            c.GetAttributeValue<AliasedValue>("a.fullname")?.Value as string ?? string.Empty,
            FeedData.Str(c, "rapport_text"),
            c.GetAttributeValue<DateTime>("createdon"))).ToList();
    }

    public static QueryExpression ById(string table, Guid id, params string[] columns)
    {
        var query = FeedData.Where(table, columns);
        query.Criteria.AddCondition(table + "id", ConditionOperator.Equal, id);
        query.TopCount = 1;
        return query;
    }

    /// <summary>"|fundraising|year end|": a Like '%|key|%' condition finds posts by topic.</summary>
    public static string TopicsText(IReadOnlyList<Topic> topics) => topics.Count == 0 ? string.Empty : "|" + string.Join("|", topics.Select(t => t.Key)) + "|";

    /// <summary>Every mentioned user, team or record must exist and be readable by the author.</summary>
    private static void CheckMentions(LocalPluginContext ctx, PostContent content)
    {
        foreach (var mention in content.Mentions)
        {
            FeedData.ReadableName(ctx.InitiatingUserService, mention.Table, mention.Id, $"The mention of '{mention.Name}' was refused", "you");
        }
    }

    private static void Bookkeep(LocalPluginContext ctx, Guid postId, PostContent content, RecordRef regarding, string title)
    {
        var system = ctx.SystemService;
        var post = new EntityReference(FeedData.Post, postId);
        foreach (var mention in content.Mentions)
        {
            system.Create(new Entity(FeedData.Mention)
            {
                ["rapport_name"] = FeedData.Cut("@" + mention.Name, 400),
                ["rapport_postid"] = post,
                ["rapport_mentionedtable"] = mention.Table,
                ["rapport_mentionedid"] = FeedData.Text(mention.Id),
                ["rapport_mentionedname"] = FeedData.Cut(mention.Name, 400),
            });
            if (mention.Table == "systemuser" && mention.Id != ctx.ExecutionContext.InitiatingUserId && CanRead(ctx.ServiceFor(mention.Id), regarding))
            {
                system.Create(new Entity(FeedData.Notification)
                {
                    ["title"] = FeedData.Cut(title, 200),
                    ["body"] = FeedData.Cut(content.PlainText, 5000),
                    ["data"] = "{\"postId\":\"" + FeedData.Text(postId) + "\"}",
                    ["icontype"] = new OptionSetValue(100000004),
                    ["ownerid"] = new EntityReference("systemuser", mention.Id),
                });
            }
        }

        foreach (var topic in content.Topics)
        {
            var query = FeedData.Where(FeedData.Topic, "rapport_topicid");
            query.Criteria.AddCondition("rapport_key", ConditionOperator.Equal, topic.Key);
            var topicId = system.RetrieveMultiple(query).Entities.FirstOrDefault()?.Id
                ?? system.Create(new Entity(FeedData.Topic) { ["rapport_name"] = topic.Display, ["rapport_key"] = topic.Key });
            system.Create(new Entity(FeedData.Mention)
            {
                ["rapport_name"] = FeedData.Cut("#" + topic.Display, 400),
                ["rapport_postid"] = post,
                ["rapport_mentionedtable"] = FeedData.Topic,
                ["rapport_mentionedid"] = FeedData.Text(topicId),
                ["rapport_mentionedname"] = topic.Display,
            });
        }
    }

    /// <summary>
    /// Mention rows, topics and notifications of a post Rapport wrote itself (<see cref="SystemPostService"/>): the
    /// same bookkeeping as a user post's, which the post steps leave to the writer for system posts.
    /// </summary>
    public static void AfterSystemPost(LocalPluginContext ctx, Guid postId, PostContent content, RecordRef regarding, string title) => Bookkeep(ctx, postId, content, regarding, title);

    /// <summary>
    /// Whether <paramref name="reader"/> (a service acting as that user) can read the record: a mentioned user who
    /// cannot gets no notification, since its title names the record and its body quotes the post (one request).
    /// </summary>
    public static bool CanRead(IOrganizationService reader, RecordRef record)
    {
        if (record.Id == Guid.Empty || record.Table.Length == 0)
        {
            return false;
        }

        try
        {
            return reader.RetrieveMultiple(ById(record.Table, record.Id, record.Table + "id")).Entities.Count > 0;
        }
        catch (System.ServiceModel.FaultException<OrganizationServiceFault>)
        {
            return false;
        }
    }

    internal static bool IsAdministrator(IOrganizationService system, Guid userId)
    {
        var query = FeedData.Where("role", "name");
        query.Criteria.AddCondition("name", ConditionOperator.Equal, "System Administrator");
        var link = query.AddLink("systemuserroles", "roleid", "roleid");
        link.LinkCriteria.AddCondition("systemuserid", ConditionOperator.Equal, userId);
        query.TopCount = 1;
        return system.RetrieveMultiple(query).Entities.Count > 0;
    }
}
