using System;
using System.Linq;
using Rapport.Domain.Feed;

namespace Rapport.Feed.Tests;

/// <summary>Latest-comments JSON, admin column labels and the unverified token peek.</summary>
public sealed class FeedAdditionsTests
{
    private static StoredComment Comment(int n, Guid? author = null) =>
        new StoredComment(new Guid("c0000000-0000-4000-8000-0000000000" + n.ToString("00", System.Globalization.CultureInfo.InvariantCulture)), author ?? Ids.Ana, "Ana López", $"c{n} @[systemuser,{Ids.Ben},\"Ben Ode\"]", Ids.Noon.AddMinutes(n));

    [Test]
    public void Latest_comments_keep_the_newest_three_and_render_mentions()
    {
        var json = Enumerable.Range(1, 5).Aggregate((string?)null, (j, n) => LatestComments.Add(j, Comment(n)));

        var read = LatestComments.Read(json);

        Assert.That(read.Select(c => c.StoredText.Substring(0, 2)), Is.EqualTo(new[] { "c5", "c4", "c3" }));
        var shown = read[0].ToFeedComment();
        Assert.That(shown.Text, Is.EqualTo("c5 @Ben Ode"));
        Assert.That(shown.Author.Name, Is.EqualTo("Ana López"));
        Assert.That(read[0].CreatedOn, Is.EqualTo(Ids.Noon.AddMinutes(5)));
    }

    [Test]
    public void Removing_a_shown_comment_asks_for_a_refill_only_when_older_ones_exist()
    {
        var json = Enumerable.Range(1, 3).Aggregate((string?)null, (j, n) => LatestComments.Add(j, Comment(n)));

        var fewer = LatestComments.Remove(json, Comment(3).Id, remainingCount: 2, out var refillNone);
        LatestComments.Remove(json, Comment(3).Id, remainingCount: 7, out var refill);
        LatestComments.Remove(json, Guid.NewGuid(), remainingCount: 7, out var notShown);

        Assert.Multiple(() =>
        {
            Assert.That(LatestComments.Read(fewer), Has.Count.EqualTo(2));
            Assert.That(refillNone, Is.False);
            Assert.That(refill, Is.True);
            Assert.That(notShown, Is.False);
        });
    }

    [Test]
    public void Damaged_latest_comments_read_as_none() =>
        Assert.That(LatestComments.Read("{not json"), Is.Empty);

    [Test]
    public void Column_labels_name_columns_options_and_the_table()
    {
        var labels = ColumnLabels.Parse("stepname=Stage; EstimatedValue = Est. Revenue ;statuscode.1=In Progress;@table=Deal|x");

        Assert.Multiple(() =>
        {
            Assert.That(labels.Column("stepname", "stepname"), Is.EqualTo("Stage"));
            Assert.That(labels.Column("estimatedvalue", "estimatedvalue"), Is.EqualTo("Est. Revenue"));
            Assert.That(labels.Column("closeprobability", "closeprobability"), Is.EqualTo("closeprobability"));
            Assert.That(labels.Option("statuscode", 1), Is.EqualTo("In Progress"));
            Assert.That(labels.Option("statuscode", 2), Is.Null);
            Assert.That(labels.Column(ColumnLabels.TableKey, "opportunity"), Is.EqualTo("Dealx"), "'|' is the step configuration's separator and is dropped");
            Assert.That(ColumnLabels.Parse(labels.Text).Text, Is.EqualTo(labels.Text));
        });
        var ex = Assert.Throws<FeedException>(() => ColumnLabels.Parse("stepname"));
        Assert.That(ex!.Message, Does.Contain("column=Label"));
    }

    [Test]
    public void Peek_reads_the_position_without_the_key_but_refuses_garbage()
    {
        var query = FeedQuery.Create(FeedScope.Following, pageSize: 20);
        var position = new FeedPosition(Ids.Noon, Ids.Contoso);
        var token = ContinuationToken.Create(position, query, Ids.KeyFor(Ids.Ana));

        Assert.That(ContinuationToken.Peek(token), Is.EqualTo(position));
        Assert.Throws<FeedException>(() => ContinuationToken.Peek("garbage"));
        Assert.That(FeedPageAssembler.FirstFetch(query, position), Is.EqualTo(new FeedPageAssembler(query, token, Ids.KeyFor(Ids.Ana)).NextFetch()));
    }
}
