using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Solution.Declarations.Tables;
using Rapport.Solution.Model;

namespace Rapport.Feed.Crm.Tests;

/// <summary>
/// The access matrix of issue 15, with Rapport's own roles and Dataverse's record security (no test policy): every
/// feed content table × every direct read path × person; every protected column × person; edits and deletes by
/// author, other and moderator; each feed Custom API for a reader who can and one who cannot read the record.
/// The expected Dataverse behaviour of a query on a table the caller holds no Read privilege on — the whole request is
/// refused with "Principal user … is missing prvRead&lt;table&gt; privilege" — is the one documented at
/// https://learn.microsoft.com/power-platform/admin/security-roles-privileges (a user needs the table's Read privilege
/// to see any of its rows) and https://learn.microsoft.com/power-apps/developer/data-platform/security-access-coding.
/// </summary>
public sealed class FeedAccessMatrixTests
{
    private static readonly string[] HiddenTables = [FeedTables.Post, FeedTables.Comment, FeedTables.Reaction, FeedTables.Mention, FeedTables.PostRevision];
    private static readonly string[] ReadPaths = ["Retrieve", "QueryExpression", "FetchXml", "FetchXml aggregate", "FetchXml link-entity"];
    private static readonly Person[] People = [Person.Author, Person.Colleague, Person.Outsider, Person.Moderator, Person.RapportAdmin];

    private SecuredFeedWorld _w = null!;

    [SetUp]
    public void SetUp() => _w = new SecuredFeedWorld();

    public static IEnumerable<TestCaseData> ReadCells() =>
        from table in HiddenTables
        from path in ReadPaths
        from person in People
        select new TestCaseData(table, path, person).SetName($"Read {table} by {path} as {person}");

    [TestCaseSource(nameof(ReadCells))]
    public void Direct_reads_of_feed_content_are_refused_to_people_and_allowed_to_administrators(string table, string path, Person person)
    {
        var service = _w.As(person);
        var id = _w.RowOf(table);
        Func<int> read = path switch
        {
            "Retrieve" => () => service.Retrieve(table, id, new ColumnSet(true)) is null ? 0 : 1,
            "QueryExpression" => () => Count(service.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(true) })),
            "FetchXml" => () => Count(service.RetrieveMultiple(new FetchExpression($"<fetch><entity name='{table}'><all-attributes/></entity></fetch>"))),
            "FetchXml aggregate" => () => Count(service.RetrieveMultiple(new FetchExpression(
                $"<fetch aggregate='true'><entity name='{table}'><attribute name='{table}id' alias='n' aggregate='count'/></entity></fetch>"))),
            _ => () => Count(service.RetrieveMultiple(new FetchExpression(LinkFetch(table)))),
        };

        if (person is Person.Moderator or Person.RapportAdmin)
        {
            Assert.That(read(), Is.GreaterThan(0), "administrators read feed content directly, as in Advanced Find");
            return;
        }

        var message = _w.Refused(() => read(), "prvRead" + table);
        Assert.That(message, Does.Not.Contain(SecuredFeedWorld.Secret));
    }

    [Test]
    public void Topics_are_a_shared_vocabulary_everyone_reads_but_nobody_but_Rapport_writes()
    {
        var topics = _w.As(Person.Outsider).RetrieveMultiple(new QueryExpression(FeedTables.Topic) { ColumnSet = new ColumnSet("rapport_key") }).Entities;
        Assert.That(topics.Select(t => t.GetAttributeValue<string>("rapport_key")), Is.EqualTo(new[] { "pledge" }));
        _w.Refused(() => _w.As(Person.Author).Update(new Entity(FeedTables.Topic, topics[0].Id) { ["rapport_key"] = "hijacked" }), "written by Rapport only");
        _w.Refused(() => _w.As(Person.Author).Delete(FeedTables.Topic, topics[0].Id), "removed with their post");
    }

    public static IEnumerable<TestCaseData> ProtectedPostColumns() =>
        from column in FeedTables.Tables().Single(t => t.LogicalName == FeedTables.Post).Columns
        where column.LogicalName.StartsWith("rapport_", StringComparison.Ordinal) && column.LogicalName is not ("rapport_text" or "rapport_postid")
        from person in new[] { Person.Author, Person.Colleague, Person.Outsider, Person.Moderator }
        select new TestCaseData(column.LogicalName, person).SetName($"Update post {column.LogicalName} as {person}");

    [TestCaseSource(nameof(ProtectedPostColumns))]
    public void Every_post_column_but_the_text_is_refused_on_update_with_nothing_written(string column, Person person)
    {
        var definition = FeedTables.Tables().Single(t => t.LogicalName == FeedTables.Post).Columns.Single(c => c.LogicalName == column);
        var message = _w.Refused(() => _w.As(person).Update(new Entity(FeedTables.Post, _w.Post) { [column] = ValueFor(definition, _w.Id(Person.Colleague)) }), "Rapport keeps these columns");
        Assert.That(message, Does.Contain(column).And.Contain("rapport_text"));
    }

    [Test]
    public void A_Rapport_Administrator_may_repair_a_protected_column()
    {
        _w.As(Person.RapportAdmin).Update(new Entity(FeedTables.Post, _w.Post) { ["rapport_likecount"] = 7 });
        Assert.That(_w.Env.SystemService.Retrieve(FeedTables.Post, _w.Post, new ColumnSet("rapport_likecount")).GetAttributeValue<int>("rapport_likecount"), Is.EqualTo(7));
    }

    public static IEnumerable<TestCaseData> ForgedCreates()
    {
        var regarding = new Func<SecuredFeedWorld, Entity>(w => new Entity(FeedTables.Post)
        {
            ["rapport_regardingtable"] = "contact",
            ["rapport_regardingid"] = w.Board.ToString("D"),
            ["rapport_text"] = "Hello",
        });
        yield return Forged("post with someone else as author", w => With(regarding(w), "rapport_authorid", new EntityReference("systemuser", w.Id(Person.Colleague))), "rapport_authorid");
        yield return Forged("post with a like count", w => With(regarding(w), "rapport_likecount", 999), "rapport_likecount");
        yield return Forged("post with a spoofed author name", w => With(regarding(w), "rapport_authorname", "Spoofed"), "rapport_authorname");
        yield return Forged("post with a regarding name", w => With(regarding(w), "rapport_regardingname", "Somebody else"), "rapport_regardingname");
        yield return Forged("post marked edited", w => With(regarding(w), "rapport_edited", true), "rapport_edited");
        yield return Forged("auto-post", w => With(regarding(w), "rapport_kind", new OptionSetValue(107850001)), "written by Rapport only");
        yield return Forged("comment with someone else as author", w => new Entity(FeedTables.Comment)
        {
            ["rapport_postid"] = new EntityReference(FeedTables.Post, w.Post),
            ["rapport_text"] = "Hi",
            ["rapport_authorid"] = new EntityReference("systemuser", w.Id(Person.Colleague)),
        }, "rapport_authorid");
        yield return Forged("like", w => new Entity(FeedTables.Reaction) { ["rapport_postid"] = new EntityReference(FeedTables.Post, w.Post) }, "prvCreaterapport_reaction");
        yield return Forged("mention", w => new Entity(FeedTables.Mention) { ["rapport_postid"] = new EntityReference(FeedTables.Post, w.Post), ["rapport_mentionedid"] = w.Id(Person.Author).ToString("D") }, "written by Rapport only");
        yield return Forged("revision", w => new Entity(FeedTables.PostRevision) { ["rapport_postid"] = new EntityReference(FeedTables.Post, w.Post), ["rapport_text"] = "fake history" }, "written by Rapport only");
        yield return Forged("topic", w => new Entity(FeedTables.Topic) { ["rapport_name"] = "x", ["rapport_key"] = "x" }, "written by Rapport only");
    }

    [TestCaseSource(nameof(ForgedCreates))]
    public void Forged_creates_are_refused_with_nothing_written(Func<SecuredFeedWorld, Entity> row, string expected) =>
        _w.Refused(() => _w.As(Person.Author).Create(row(_w)), expected);

    [TestCase(FeedTables.Reaction, "rapport_SetLike")]
    [TestCase(FeedTables.Mention, "removed with their post")]
    [TestCase(FeedTables.PostRevision, "removed with their post")]
    public void Likes_mentions_and_revisions_cannot_be_deleted_or_changed_one_by_one(string table, string expected)
    {
        var id = _w.RowOf(table);
        _w.Refused(() => _w.As(Person.Colleague).Delete(table, id), expected);
        _w.Refused(() => _w.As(Person.Colleague).Update(new Entity(table, id) { ["rapport_name"] = "x" }), "written by Rapport only");
    }

    [TestCase(Person.Author, true)]
    [TestCase(Person.Colleague, false)]
    [TestCase(Person.Outsider, false)]
    [TestCase(Person.Moderator, true)]
    public void Post_text_is_edited_by_its_author_or_a_moderator_and_the_revision_names_the_editor(Person person, bool allowed)
    {
        var edit = () => _w.As(person).Update(new Entity(FeedTables.Post, _w.Post) { ["rapport_text"] = "Corrected text" });
        if (!allowed)
        {
            _w.Refused(edit, "Only the author or a moderator can edit this post");
            return;
        }

        edit();
        var newest = _w.Rows(FeedTables.PostRevision).OrderByDescending(r => r.GetAttributeValue<int>("rapport_number")).First();
        Assert.That(newest.GetAttributeValue<EntityReference>("rapport_editedby")?.Id, Is.EqualTo(_w.Id(person)));
    }

    [TestCase(Person.Colleague, true)]
    [TestCase(Person.Author, false)]
    [TestCase(Person.Outsider, false)]
    [TestCase(Person.Moderator, true)]
    public void Comment_text_is_edited_by_its_author_or_a_moderator_and_the_post_shows_the_new_text(Person person, bool allowed)
    {
        var edit = () => _w.As(person).Update(new Entity(FeedTables.Comment, _w.Comment) { ["rapport_text"] = "Edited comment" });
        if (!allowed)
        {
            _w.Refused(edit, "Only the author or a moderator can edit this comment");
            return;
        }

        edit();
        var latest = _w.Env.SystemService.Retrieve(FeedTables.Post, _w.Post, new ColumnSet("rapport_latestcomments")).GetAttributeValue<string>("rapport_latestcomments");
        Assert.That(latest, Does.Contain("Edited comment").And.Not.Contain("Great news"));
    }

    [TestCase("rapport_postid")]
    [TestCase("rapport_authorid")]
    [TestCase("rapport_name")]
    public void A_comments_other_columns_are_refused_even_to_its_author(string column)
    {
        object value = column == "rapport_name" ? "x" : new EntityReference(column == "rapport_postid" ? FeedTables.Post : "systemuser", column == "rapport_postid" ? _w.Post : _w.Id(Person.Author));
        _w.Refused(() => _w.As(Person.Colleague).Update(new Entity(FeedTables.Comment, _w.Comment) { [column] = value }), "Rapport keeps these columns");
    }

    [TestCase(Person.Colleague, false)]
    [TestCase(Person.Outsider, false)]
    [TestCase(Person.Moderator, true)]
    [TestCase(Person.Author, true)]
    public void Posts_are_deleted_by_their_author_or_a_moderator_whose_delete_is_logged(Person person, bool allowed)
    {
        var delete = () => _w.As(person).Delete(FeedTables.Post, _w.Post);
        if (!allowed)
        {
            _w.Refused(delete, "Only the author or a moderator can delete this post");
            return;
        }

        delete();
        Assert.That(_w.Rows(FeedTables.Comment).Concat(_w.Rows(FeedTables.Reaction)).Concat(_w.Rows(FeedTables.Mention)).Concat(_w.Rows(FeedTables.PostRevision)), Is.Empty, "the post's rows cascade");
        var log = _w.Rows(FeedTables.ModerationLog);
        if (person == Person.Author)
        {
            Assert.That(log, Is.Empty, "an author's own delete is not moderation");
            return;
        }

        Assert.That(log, Has.Count.EqualTo(1));
        Assert.That(log[0].GetAttributeValue<string>("rapport_action"), Is.EqualTo("Deleted"));
        Assert.That(log[0].GetAttributeValue<string>("rapport_recordid"), Is.EqualTo(_w.Post.ToString("D")));
        Assert.That(log[0].GetAttributeValue<EntityReference>("rapport_authorid")?.Id, Is.EqualTo(_w.Id(Person.Author)));
        Assert.That(log[0].GetAttributeValue<EntityReference>("rapport_moderatorid")?.Id, Is.EqualTo(_w.Id(Person.Moderator)));
        Assert.That(log[0].GetAttributeValue<string>("rapport_text"), Does.Contain(SecuredFeedWorld.Secret));
        _w.Refused(() => _w.As(Person.Colleague).RetrieveMultiple(new QueryExpression(FeedTables.ModerationLog) { ColumnSet = new ColumnSet(true) }), "prvReadrapport_moderationlog");
    }

    [TestCase(Person.Author, false)]
    [TestCase(Person.Colleague, true)]
    [TestCase(Person.Moderator, true)]
    public void Comments_are_deleted_by_their_author_or_a_moderator(Person person, bool allowed)
    {
        var delete = () => _w.As(person).Delete(FeedTables.Comment, _w.Comment);
        if (!allowed)
        {
            _w.Refused(delete, "Only the author or a moderator can delete this comment");
            return;
        }

        delete();
        Assert.That(_w.Rows(FeedTables.ModerationLog), Has.Count.EqualTo(person == Person.Moderator ? 1 : 0));
        Assert.That(_w.Env.SystemService.Retrieve(FeedTables.Post, _w.Post, new ColumnSet("rapport_commentcount")).GetAttributeValue<int>("rapport_commentcount"), Is.Zero);
    }

    [TestCase(Person.Author, true)]
    [TestCase(Person.Colleague, true)]
    [TestCase(Person.Moderator, true)]
    [TestCase(Person.Outsider, false)]
    public void The_record_feed_shows_the_post_only_to_readers_of_the_record(Person person, bool sees)
    {
        if (sees)
        {
            Assert.That(_w.RecordFeed(person, _w.Board), Does.Contain(SecuredFeedWorld.Secret));
            return;
        }

        // Issue 20: a wall the reader cannot open is refused as Dataverse refuses the read, not shown empty.
        AssertReadRefused(() => _w.RecordFeed(person, _w.Board), _w.Board);
    }

    [Test]
    public void Customer_insights_of_a_contact_the_caller_cannot_read_are_refused_with_the_access_fault()
    {
        var board = new[] { ("RecordTable", (object)"contact"), ("RecordId", _w.Board.ToString("D")) };

        AssertReadRefused(() => _w.Call(Person.Outsider, "rapport_GetCustomerInsights", board), _w.Board);
        Assert.That(_w.Call(Person.Colleague, "rapport_GetCustomerInsights", board)["Insights"], Does.Contain("\"historyGranularity\":\"month\",\"history\":[]"));
    }

    /// <summary>
    /// The record read is refused with Dataverse's own access fault, 0x80048306 "… does not have ReadAccess right(s) for
    /// record with Id = …" (https://learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes),
    /// the fault the emulator's Retrieve gives for a row outside the reader's reach; nothing of the feed is in it.
    /// </summary>
    private static void AssertReadRefused(Action read, Guid record)
    {
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => read())!;
        Assert.Multiple(() =>
        {
            Assert.That(fault.Detail.ErrorCode, Is.EqualTo(unchecked((int)0x80048306)));
            Assert.That(fault.Detail.Message, Does.Contain($"does not have ReadAccess right(s) for record with Id = {record:D} of entity contact"));
            Assert.That(fault.Detail.Message, Does.Not.Contain(SecuredFeedWorld.Secret));
        });
    }

    [TestCase(Person.Colleague, true)]
    [TestCase(Person.Outsider, false)]
    public void Mentions_feed_notifications_and_digest_say_nothing_to_a_mentioned_user_who_cannot_read_the_record(Person person, bool reads)
    {
        var mentions = _w.Call(person, "rapport_GetFeed", ("Scope", "mentions"))["Items"] as string;
        var notifications = _w.Env.SystemService.RetrieveMultiple(new QueryExpression("appnotification") { ColumnSet = new ColumnSet("title", "body", "ownerid") }).Entities
            .Where(n => n.GetAttributeValue<EntityReference>("ownerid")?.Id == _w.Id(person)).ToList();
        var digest = _w.Call(person, "rapport_GetFeedDigest", ("From", _w.Env.Clock.UtcNow.AddDays(-1)), ("To", _w.Env.Clock.UtcNow.AddMinutes(1)));

        Assert.That(mentions, reads ? Does.Contain(SecuredFeedWorld.Secret) : Is.EqualTo("[]"));
        Assert.That(notifications, Has.Count.EqualTo(reads ? 1 : 0));
        Assert.That(notifications.Select(n => n.GetAttributeValue<string>("title")), reads ? Has.All.Contains("Board member") : Is.Empty);
        Assert.That($"{digest["Html"]}{digest["PlainText"]}", reads ? Does.Contain("CONFIDENTIAL") : Does.Not.Contain("CONFIDENTIAL").And.Not.Contain("Board member"));
    }

    [Test]
    public void Custom_APIs_refuse_an_outsider_without_revealing_the_post_or_the_record()
    {
        var post = ("PostId", (object)_w.Post.ToString("D"));
        var board = new[] { ("RecordTable", (object)"contact"), ("RecordId", _w.Board.ToString("D")) };
        var messages = new[]
        {
            _w.Refused(() => _w.Call(Person.Outsider, "rapport_GetFollowState", board), "don't have access to this record"),
            _w.Refused(() => _w.Call(Person.Outsider, "rapport_SetLike", post, ("Liked", true)), "about a record you can't open"),
            _w.Refused(() => _w.Call(Person.Outsider, "rapport_GetPostHistory", post), "about a record you can't open"),
            _w.Refused(() => _w.Call(Person.Outsider, "rapport_Follow", board), "cannot read"),
            _w.Refused(() => _w.As(Person.Outsider).Create(new Entity(FeedTables.Comment) { ["rapport_postid"] = new EntityReference(FeedTables.Post, _w.Post), ["rapport_text"] = "Me too" }), "cannot read"),
        };

        Assert.That(messages, Has.None.Contains(SecuredFeedWorld.Secret).And.None.Contains("Board member"));
        Assert.That(_w.Call(Person.Colleague, "rapport_GetPostHistory", post)["Revisions"], Does.Contain("\"text\":\"Draft @"));
        Assert.That(_w.Call(Person.Author, "rapport_GetFollowState", board)["FollowerCount"], Is.EqualTo(0));
        Assert.That(_w.Call(Person.Author, "rapport_SetLike", post, ("Liked", true))["LikeCount"], Is.EqualTo(2));
    }

    [Test]
    public void A_mentioned_record_the_reader_cannot_read_shows_without_its_name()
    {
        var donor = _w.As(Person.Outsider).Create(new Entity("contact") { ["lastname"] = "Major donor" });
        _w.As(Person.Outsider).Execute(new OrganizationRequest("GrantAccess")
        {
            ["Target"] = new EntityReference("contact", donor),
            ["Principal"] = new EntityReference("systemuser", _w.Id(Person.Author)),
            ["AccessMask"] = 1,
        });
        _w.As(Person.Author).Create(new Entity(FeedTables.Post)
        {
            ["rapport_regardingtable"] = "contact",
            ["rapport_regardingid"] = _w.Board.ToString("D"),
            ["rapport_text"] = $"Introduced to @[contact,{donor:D},\"Major donor\"]",
        });

        Assert.That(_w.RecordFeed(Person.Author, _w.Board), Does.Contain("Introduced to @Major donor"), "Ada reads the donor (shared)");
        Assert.That(_w.RecordFeed(Person.Colleague, _w.Board), Does.Contain("Introduced to @a record you can").And.Not.Contain("Major donor"), "the JSON escapes the apostrophe");
    }

    [Test]
    public void A_mentioned_record_in_a_latest_comment_shows_without_its_name_to_a_reader_who_cannot_read_it()
    {
        var donor = _w.As(Person.Outsider).Create(new Entity("contact") { ["lastname"] = "Major donor" });
        _w.As(Person.Outsider).Execute(new OrganizationRequest("GrantAccess")
        {
            ["Target"] = new EntityReference("contact", donor),
            ["Principal"] = new EntityReference("systemuser", _w.Id(Person.Author)),
            ["AccessMask"] = 1,
        });
        _w.As(Person.Author).Create(new Entity(FeedTables.Comment)
        {
            ["rapport_postid"] = new EntityReference(FeedTables.Post, _w.Post),
            ["rapport_text"] = $"Ask @[contact,{donor:D},\"Major donor\"] too",
        });

        Assert.That(_w.RecordFeed(Person.Author, _w.Board), Does.Contain("Ask @Major donor too"), "Ada reads the donor (shared)");
        Assert.That(_w.RecordFeed(Person.Colleague, _w.Board), Does.Contain("Ask @a record you can").And.Not.Contain("Major donor"), "the comment reaches Bea on the post");
    }

    [Test]
    public void Losing_access_by_an_owner_change_takes_effect_at_the_next_read()
    {
        Assert.That(_w.RecordFeed(Person.Author, _w.Board), Does.Contain(SecuredFeedWorld.Secret));
        _w.As(Person.Author).Execute(new OrganizationRequest("Assign")
        {
            ["Target"] = new EntityReference("contact", _w.Board),
            ["Assignee"] = new EntityReference("systemuser", _w.Id(Person.Outsider)),
        });

        AssertReadRefused(() => _w.RecordFeed(Person.Author, _w.Board), _w.Board); // Ada left the record's business unit scope
        Assert.That(_w.RecordFeed(Person.Outsider, _w.Board), Does.Contain(SecuredFeedWorld.Secret));
        _w.Refused(() => _w.Call(Person.Author, "rapport_GetPostHistory", ("PostId", _w.Post.ToString("D"))), "about a record you can't open");
    }

    [Test]
    public void Losing_access_by_an_unshare_takes_effect_at_the_next_read()
    {
        var share = new OrganizationRequest("GrantAccess")
        {
            ["Target"] = new EntityReference("contact", _w.Board),
            ["Principal"] = new EntityReference("systemuser", _w.Id(Person.Outsider)),
            ["AccessMask"] = 1,
        };
        _w.As(Person.Author).Execute(share);
        Assert.That(_w.RecordFeed(Person.Outsider, _w.Board), Does.Contain(SecuredFeedWorld.Secret));

        _w.As(Person.Author).Execute(new OrganizationRequest("RevokeAccess")
        {
            ["Target"] = new EntityReference("contact", _w.Board),
            ["Revokee"] = new EntityReference("systemuser", _w.Id(Person.Outsider)),
        });
        AssertReadRefused(() => _w.RecordFeed(Person.Outsider, _w.Board), _w.Board);
    }

    private static TestCaseData Forged(string name, Func<SecuredFeedWorld, Entity> row, string expected) =>
        new TestCaseData(row, expected).SetName("Create " + name);

    private static Entity With(Entity row, string column, object value)
    {
        row[column] = value;
        return row;
    }

    private static int Count(EntityCollection rows) => rows.Entities.Count;

    /// <summary>A query joining a readable table to the feed table (so only the linked table is off limits).</summary>
    private static string LinkFetch(string table)
    {
        var (root, from, to) = table switch
        {
            FeedTables.Post => ("systemuser", "rapport_authorid", "systemuserid"),
            FeedTables.Comment => ("systemuser", "rapport_authorid", "systemuserid"),
            FeedTables.Reaction => ("systemuser", "rapport_userid", "systemuserid"),
            FeedTables.PostRevision => ("systemuser", "rapport_editedby", "systemuserid"),
            _ => (FeedTables.Topic, "rapport_name", "rapport_name"),
        };
        return $"<fetch><entity name='{root}'><attribute name='{to}'/><link-entity name='{table}' from='{from}' to='{to}' link-type='outer' alias='x'><attribute name='rapport_name'/></link-entity></entity></fetch>";
    }

    private static object ValueFor(ColumnDefinition column, Guid someone) => column.Type switch
    {
        ColumnType.Integer => 999,
        ColumnType.Boolean => true,
        ColumnType.Picklist => new OptionSetValue(107850001),
        ColumnType.DateTime => new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        ColumnType.Lookup => new EntityReference("systemuser", someone),
        _ => "Spoofed",
    };
}
