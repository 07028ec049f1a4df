using System;
using System.Linq;
using Rapport.Domain.Common;
using Rapport.Domain.Feed;

namespace Rapport.Feed.Tests;

public sealed class FeedItemJsonTests
{
    private static readonly Guid PostId = new Guid("90570000-0000-4000-8000-000000000001");

    private static FeedComment Comment(int n, int minutes) =>
        FeedComment.FromStored(new Guid(n, 0, 0, new byte[8]), Ids.BenRef, "comment " + n, Ids.Noon.AddMinutes(minutes));

    [Test]
    public void Item_is_written_in_camel_case_with_rendered_mentions_and_topics()
    {
        var item = FeedItem.FromStored(PostId, PostKind.UserPost, $"Thanks {MentionParser.Format(Ids.AnaRef)} for #Fundraising", Ids.BigDealRef, Ids.BenRef, Ids.Noon) with
        {
            CommentCount = 1,
            LikeCount = 2,
            LikedByMe = true,
        };

        var json = FeedItemJson.Write(new[] { item });

        Assert.That(json, Is.EqualTo(
            "[{\"id\":\"90570000-0000-4000-8000-000000000001\",\"kind\":\"userPost\",\"event\":null," +
            "\"text\":\"Thanks @Ana López for #Fundraising\"," +
            "\"mentions\":[{\"table\":\"systemuser\",\"id\":\"7d0c2b1e-0000-4000-8000-000000000001\",\"name\":\"Ana López\",\"start\":7,\"length\":10}]," +
            "\"topics\":[{\"key\":\"fundraising\",\"display\":\"Fundraising\"}]," +
            "\"regarding\":{\"table\":\"opportunity\",\"id\":\"0b000000-0000-4000-8000-000000000001\",\"name\":\"Big deal\"}," +
            "\"author\":{\"table\":\"systemuser\",\"id\":\"7d0c2b1e-0000-4000-8000-000000000002\",\"name\":\"Ben Ode\"}," +
            "\"createdOn\":\"2026-11-25T12:00:00.000Z\",\"modifiedOn\":null,\"edited\":false,\"changes\":[]," +
            "\"commentCount\":1,\"likeCount\":2,\"likedByMe\":true,\"latestComments\":[]}]"));
    }

    [Test]
    public void Auto_post_item_carries_its_event_and_changes()
    {
        var changes = AutoPostChanges.ToJson(ChangeEvents.Update, new[] { new ColumnChange("stepname", "Stage", "Qualify", "Develop") });

        var item = FeedItem.FromStored(PostId, PostKind.AutoPost, "Stage changed from Qualify to Develop", Ids.BigDealRef, Ids.BenRef, Ids.Noon, changes);
        var parsed = JsonReader.Parse(FeedItemJson.Write(new[] { item })).Items.Single();

        Assert.That(parsed.GetString("kind"), Is.EqualTo("autoPost"));
        Assert.That(parsed.GetString("event"), Is.EqualTo("update"));
        Assert.That(parsed.Get("changes")!.Items.Single().GetString("new"), Is.EqualTo("Develop"));
    }

    [Test]
    public void Only_the_three_latest_comments_are_sent_in_reading_order()
    {
        var item = new FeedItem
        {
            Id = PostId,
            Regarding = Ids.BigDealRef,
            Author = Ids.BenRef,
            CommentCount = 5,
            LatestComments = new[] { Comment(1, 1), Comment(5, 5), Comment(2, 2), Comment(4, 4), Comment(3, 3) },
        };

        var comments = JsonReader.Parse(FeedItemJson.Write(new[] { item })).Items.Single().Get("latestComments")!.Items;

        Assert.That(comments.Select(c => c.GetString("text")), Is.EqualTo(new[] { "comment 3", "comment 4", "comment 5" }));
    }

    [Test]
    public void Markup_in_text_is_escaped_in_the_json()
    {
        var item = FeedItem.FromStored(PostId, PostKind.UserPost, "</script><img src=x onerror=alert(1)>", Ids.BigDealRef, Ids.BenRef, Ids.Noon);

        var json = FeedItemJson.Write(new[] { item });

        Assert.That(json, Does.Not.Contain("<"));
        Assert.That(JsonReader.Parse(json).Items.Single().GetString("text"), Is.EqualTo("</script><img src=x onerror=alert(1)>"));
    }

    [Test]
    public void Damaged_change_json_on_a_stored_post_does_not_break_the_feed()
    {
        var item = FeedItem.FromStored(PostId, PostKind.AutoPost, "Stage changed", Ids.BigDealRef, Ids.BenRef, Ids.Noon, "{oops");

        Assert.That(item.Text, Is.EqualTo("Stage changed"));
        Assert.That(item.Changes, Is.Empty);
    }
}
