using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Domain.Common;

namespace Rapport.Domain.Feed;

/// <summary>
/// The feed Custom API's <c>Items</c> output: a JSON array of items, camelCase, dates ISO 8601 UTC, ids lower-case.
/// <code>
/// [{"id":"…","kind":"autoPost","event":"update","text":"Stage changed from Qualify to Develop",
///   "mentions":[{"table":"systemuser","id":"…","name":"Ana López","start":7,"length":10}],
///   "topics":[{"key":"fundraising","display":"Fundraising"}],
///   "regarding":{"table":"opportunity","id":"…","name":"Big deal"},"author":{…},
///   "createdOn":"2026-11-25T10:00:00.000Z","modifiedOn":null,"edited":false,
///   "changes":[{"column":"stepname","label":"Stage","old":"Qualify","new":"Develop"}],
///   "commentCount":4,"likeCount":2,"likedByMe":true,
///   "latestComments":[{"id":"…","author":{…},"text":"…","createdOn":"…","mentions":[]}]}]
/// </code>
/// latestComments holds the newest three comments, oldest of them first (reading order).
/// </summary>
public static class FeedItemJson
{
    public static string Write(IEnumerable<FeedItem> items)
    {
        Guard.NotNull(items, nameof(items));
        var w = new JsonWriter().StartArray();
        foreach (var item in items)
        {
            WriteItem(w, item);
        }

        return w.EndArray().ToString();
    }

    public static string KindName(PostKind kind) => kind switch
    {
        PostKind.UserPost => "userPost",
        PostKind.AutoPost => "autoPost",
        PostKind.System => "system",
        _ => "unknown",
    };

    private static void WriteItem(JsonWriter w, FeedItem item)
    {
        w.StartObject()
            .Property("id", item.Id)
            .Property("kind", KindName(item.Kind))
            .Property("event", item.Event == ChangeEvents.None ? null : ChangeEventsText.Name(item.Event))
            .Property("text", item.Text);
        w.Name("mentions");
        WriteMentions(w, item.Mentions);
        w.Name("topics").StartArray();
        foreach (var t in item.Topics)
        {
            w.StartObject().Property("key", t.Key).Property("display", t.Display).EndObject();
        }

        w.EndArray();
        w.Name("regarding");
        WriteRef(w, item.Regarding);
        w.Name("author");
        WriteRef(w, item.Author);
        w.Property("createdOn", item.CreatedOn)
            .Property("modifiedOn", item.ModifiedOn)
            .Property("edited", item.Edited);
        w.Name("changes");
        AutoPostChanges.WriteChanges(w, item.Changes);
        w.Property("commentCount", item.CommentCount)
            .Property("likeCount", item.LikeCount)
            .Property("likedByMe", item.LikedByMe);
        w.Name("latestComments").StartArray();
        var latest = item.LatestComments
            .OrderByDescending(c => c.CreatedOn)
            .Take(FeedItem.MaxLatestComments)
            .OrderBy(c => c.CreatedOn);
        foreach (var c in latest)
        {
            w.StartObject().Property("id", c.Id);
            w.Name("author");
            WriteRef(w, c.Author);
            w.Property("text", c.Text).Property("createdOn", c.CreatedOn);
            w.Name("mentions");
            WriteMentions(w, c.Mentions);
            w.EndObject();
        }

        w.EndArray().EndObject();
    }

    private static void WriteMentions(JsonWriter w, IReadOnlyList<Mention> mentions)
    {
        w.StartArray();
        foreach (var m in mentions ?? Array.Empty<Mention>())
        {
            w.StartObject()
                .Property("table", m.Record.Table)
                .Property("id", m.Record.Id)
                .Property("name", m.Record.Name)
                .Property("start", m.Start)
                .Property("length", m.Length)
                .EndObject();
        }

        w.EndArray();
    }

    private static void WriteRef(JsonWriter w, RecordRef? r)
    {
        if (r is null)
        {
            w.Null();
            return;
        }

        w.StartObject().Property("table", r.Table).Property("id", r.Id).Property("name", r.Name).EndObject();
    }
}
