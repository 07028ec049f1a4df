using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Feed;
using Rapport.Plugins.Common;

namespace Rapport.Plugins.Services.Feed;

/// <summary>
/// A user's feed digest for [from, to): the user's own "my" feed, read with the user's rights and preference (so
/// security-trimmed exactly as the feed), walked newest first until it passes <c>from</c>, then built by
/// <see cref="FeedDigestBuilder"/>. Custom API rapport_GetFeedDigest and the workflow activities call it.
/// </summary>
public static class FeedDigestService
{
    /// <summary>Feed pages read per digest at most (of <see cref="PageSize"/>): a bounded cost for a very busy period.</summary>
    public const int MaxPages = 20;

    public const int PageSize = 50;

    /// <summary>
    /// The digest of <paramref name="userId"/> (null: the caller). Another user's digest discloses their feed, so it
    /// needs the caller to be a System Administrator (a workflow running as SYSTEM or an admin may send it).
    /// </summary>
    public static FeedDigest Build(LocalPluginContext ctx, Guid? userId, DateTime from, DateTime to)
    {
        var caller = ctx.ExecutionContext.InitiatingUserId;
        var user = userId is { } u && u != Guid.Empty ? u : caller;
        if (to <= from)
        {
            throw new InvalidPluginExecutionException($"The digest period is empty: To ({to:u}) must be after From ({from:u}).");
        }

        if (user != caller && !PostService.IsAdministrator(ctx.SystemService, caller))
        {
            throw new InvalidPluginExecutionException("Only a System Administrator can build another user's digest; leave UserId empty for your own.");
        }

        var name = FeedData.NameOf(ctx.SystemService.Retrieve("systemuser", user, new ColumnSet("fullname")));
        return BuildAs(ctx, user, name, DateTime.SpecifyKind(from, DateTimeKind.Utc), DateTime.SpecifyKind(to, DateTimeKind.Utc), new DigestOptions());
    }

    /// <summary>The digest of <paramref name="user"/> read with that user's own rights; the caller's right to ask is checked by the caller.</summary>
    internal static FeedDigest BuildAs(LocalPluginContext ctx, Guid user, string name, DateTime from, DateTime to, DigestOptions options) =>
        FeedDigestBuilder.Build(name, from, to, Items(ctx, user, from), options);

    private static List<FeedItem> Items(LocalPluginContext ctx, Guid user, DateTime from)
    {
        var reader = ctx.ServiceFor(user);
        var items = new List<FeedItem>();
        string? token = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var response = FeedService.GetPage(ctx, new FeedRequest("my", null, null, null, null, null, PageSize, token), user, reader);
            items.AddRange(response.FeedItems);
            token = response.ContinuationToken;
            if (string.IsNullOrEmpty(token) || response.FeedItems.Count == 0 || response.FeedItems.Min(i => i.CreatedOn) < from)
            {
                break;
            }
        }

        return items;
    }
}
