using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.WorkflowActivities.Feed;

namespace Rapport.WorkflowActivities.Tests;

public sealed class PostToFeedActivityTests
{
    private const int KindUser = 107850000;
    private const int KindSystem = 107850002;

    private ActivityWorld _w = null!;

    [SetUp]
    public void SetUp() => _w = new ActivityWorld();

    [Test]
    public void Post_as_the_user_goes_through_the_post_steps_with_mention_and_topic()
    {
        var account = _w.Account("Contoso");

        var outputs = _w.Run(new PostToFeedActivity(), _w.Ana, new Dictionary<string, object?>
        {
            ["RecordUrl"] = ActivityWorld.Url("account", account),
            ["Text"] = "Pledge received #Fundraising",
            ["MentionUser"] = new EntityReference("systemuser", _w.Ben),
        });

        var post = _w.Rows("rapport_post").Single();
        var mentions = _w.Rows("rapport_mention");
        Assert.Multiple(() =>
        {
            Assert.That(outputs["Post"], Is.EqualTo(new EntityReference("rapport_post", post.Id)));
            Assert.That(outputs["PlainText"], Is.EqualTo("@Ben Okafor Pledge received #Fundraising"));
            Assert.That(post.GetAttributeValue<OptionSetValue>("rapport_kind")!.Value, Is.EqualTo(KindUser));
            Assert.That(post.GetAttributeValue<EntityReference>("rapport_authorid")!.Id, Is.EqualTo(_w.Ana), "the post step made the initiating user the author");
            Assert.That(post["rapport_authorname"], Is.EqualTo("Ana Lopez"));
            Assert.That(post["rapport_regardingname"], Is.EqualTo("Contoso"));
            Assert.That(post["rapport_topics"], Is.EqualTo("|fundraising|"));
            Assert.That(mentions.Select(m => m.GetAttributeValue<string>("rapport_mentionedtable")), Is.EquivalentTo(new[] { "systemuser", "rapport_topic" }));
            Assert.That(_w.Rows("appnotification").Single().GetAttributeValue<EntityReference>("ownerid")!.Id, Is.EqualTo(_w.Ben));
        });
    }

    [Test]
    public void Post_as_system_is_written_by_Rapport_and_reaches_the_mentioned_user()
    {
        var account = _w.Account("Contoso");
        var token = $"@[systemuser,{_w.Ben:D},\"Ben Okafor\"]";

        var outputs = _w.Run(new PostToFeedActivity(), _w.Ana, new Dictionary<string, object?>
        {
            ["RecordUrl"] = ActivityWorld.Url("account", account),
            ["Text"] = token + " the gala raised $12,000 #gala",
            ["PostAsSystem"] = true,
        });

        var post = _w.Rows("rapport_post").Single();
        var feed = (string)_w.Env.GetService(_w.Ben).Execute(new OrganizationRequest("rapport_GetFeed") { ["Scope"] = "mentions" }).Results["Items"]!;
        Assert.Multiple(() =>
        {
            Assert.That(outputs["Post"], Is.EqualTo(new EntityReference("rapport_post", post.Id)));
            Assert.That(post.GetAttributeValue<OptionSetValue>("rapport_kind")!.Value, Is.EqualTo(KindSystem));
            Assert.That(post.Contains("rapport_authorid"), Is.False);
            Assert.That(post["rapport_authorname"], Is.EqualTo("Rapport"));
            Assert.That(post["rapport_regardingname"], Is.EqualTo("Contoso"));
            Assert.That(post["rapport_topics"], Is.EqualTo("|gala|"));
            Assert.That(_w.Rows("rapport_mention"), Has.Count.EqualTo(2));
            Assert.That(_w.Rows("appnotification").Single()["title"], Is.EqualTo("Rapport mentioned you on Contoso"));
            Assert.That(feed, Does.Contain("\"kind\":\"system\"").And.Contain("@Ben Okafor the gala raised $12,000 #gala"));
        });
    }

    [Test]
    public void A_malformed_mention_is_refused_with_the_feed_rule_and_nothing_is_written()
    {
        var account = _w.Account("Contoso");

        _w.Refused(
            new PostToFeedActivity(),
            _w.Ana,
            new Dictionary<string, object?> { ["RecordUrl"] = ActivityWorld.Url("account", account), ["Text"] = "Hello @[systemuser,not-a-guid]" },
            "Post to Feed: ");
    }

    [Test]
    public void A_mention_of_a_record_the_workflow_user_cannot_read_is_refused_and_nothing_is_written()
    {
        var account = _w.Account("Contoso");
        var hidden = _w.Account("Hidden");
        _w.Policy.Deny(_w.Ana, hidden);

        _w.Refused(
            new PostToFeedActivity(),
            _w.Ana,
            new Dictionary<string, object?>
            {
                ["RecordUrl"] = ActivityWorld.Url("account", account),
                ["Text"] = $"See @[account,{hidden:D},\"Hidden\"]",
                ["PostAsSystem"] = true,
            },
            "Post to Feed: the workflow's user cannot read the account");
    }
}
