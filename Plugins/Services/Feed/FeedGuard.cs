using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Rapport.Domain.Feed;
using Rapport.Plugins.Common;

namespace Rapport.Plugins.Services.Feed;

/// <summary>The checks of <c>FeedContentGuardPlugin</c>, and the moderation trail of deletes and edits of someone else's row.</summary>
public static class FeedGuard
{
    /// <summary>Refuses columns a person may not set; the role query is paid only when such a column is present.</summary>
    public static void EnsureColumns(LocalPluginContext ctx, FeedCaller caller, IReadOnlyCollection<string> columns)
    {
        var table = ctx.ExecutionContext.PrimaryEntityName;
        var create = ctx.ExecutionContext.MessageName == "Create";
        if (FeedColumnPolicy.Refused(table, create, columns, FeedWriter.Person).Count > 0)
        {
            FeedData.Domain(() =>
            {
                FeedColumnPolicy.EnsureAllowed(table, create, columns, caller.Writer);
                return true;
            });
        }

        if (create && table == FeedData.Reaction && caller.Writer == FeedWriter.Person
            && ctx.Target.GetAttributeValue<EntityReference>("rapport_userid") is { } liker && liker.Id != caller.UserId)
        {
            throw new InvalidPluginExecutionException("You can only like a post as yourself (rapport_userid must be you, or left out).");
        }
    }

    /// <summary>Likes, mentions, topics and revisions go with their post, or are removed by Rapport or a Rapport Administrator.</summary>
    public static void EnsureRapportDelete(LocalPluginContext ctx, FeedCaller caller)
    {
        if (IsCascadeOfPostDelete(ctx.ExecutionContext) || caller.Writer != FeedWriter.Person)
        {
            return;
        }

        var table = ctx.ExecutionContext.PrimaryEntityName;
        var instead = table == FeedData.Reaction ? " To unlike a post use rapport_SetLike with Liked = false." : string.Empty;
        throw new InvalidPluginExecutionException($"Rows of {table} are removed with their post (or by a Rapport Administrator), not one by one.{instead}");
    }

    /// <summary>
    /// Writes the moderation trail when <paramref name="actor"/> is not the author (one Create as SYSTEM, inside the
    /// delete's transaction: the log and the delete stand or fall together).
    /// </summary>
    public static void LogModeration(LocalPluginContext ctx, string action, Entity before, Guid author, Guid actor, string regardingTable, string regardingId)
    {
        ctx.SystemService.Create(new Entity(FeedData.ModerationLog)
        {
            ["rapport_name"] = FeedData.Cut($"{action} {before.LogicalName} {FeedData.Text(before.Id)}", 400),
            ["rapport_action"] = action,
            ["rapport_table"] = before.LogicalName,
            ["rapport_recordid"] = FeedData.Text(before.Id),
            ["rapport_regardingtable"] = regardingTable,
            ["rapport_regardingid"] = regardingId,
            ["rapport_authorid"] = author == Guid.Empty ? null : new EntityReference("systemuser", author),
            ["rapport_moderatorid"] = new EntityReference("systemuser", actor),
            ["rapport_text"] = FeedData.Cut(FeedData.Str(before, "rapport_text"), 20000),
        });
    }

    private static bool IsCascadeOfPostDelete(IPluginExecutionContext context)
    {
        for (var parent = context.ParentContext; parent is not null; parent = parent.ParentContext)
        {
            if (parent.MessageName == "Delete" && (parent.PrimaryEntityName == FeedData.Post || parent.PrimaryEntityName == FeedData.Comment))
            {
                return true;
            }
        }

        return false;
    }
}
