using System;
using System.Linq;
using Rapport.Domain.Feed;

namespace Rapport.Feed.Tests;

public sealed class AutoPostComposerTests
{
    private static readonly string[] OpportunityColumns = { "name", "stepname", "estimatedvalue", "closeprobability", "description", "ownerid", "statecode", "statuscode" };

    private static TrackingConfiguration Config(ChangeEvents events = ChangeEvents.All) =>
        TrackingConfiguration.Create("opportunity", new[] { "stepname", "estimatedvalue", "closeprobability", "description" }, events, OpportunityColumns);

    [Test]
    public void A_change_to_three_tracked_columns_gives_one_post_listing_three_changes()
    {
        var post = AutoPostComposer.Compose(Config(), ChangeEvents.Update, Ids.BigDealRef, "Opportunity", new[]
        {
            new ColumnChange("stepname", "Stage", "Qualify", "Develop"),
            new ColumnChange("estimatedvalue", "Est. Revenue", "$10,000.00", "$12,500.00"),
            new ColumnChange("closeprobability", "Probability", "20", "40"),
        });

        Assert.That(post, Is.Not.Null);
        Assert.That(post!.Text, Is.EqualTo("Stage changed from Qualify to Develop; Est. Revenue changed from $10,000.00 to $12,500.00; Probability changed from 20 to 40"));
        Assert.That(post.Changes, Has.Count.EqualTo(3));
        Assert.That(post.Event, Is.EqualTo(ChangeEvents.Update));
    }

    [Test]
    public void Update_of_untracked_column_posts_nothing()
    {
        var post = AutoPostComposer.Compose(Config(), ChangeEvents.Update, Ids.BigDealRef, "Opportunity", new[] { new ColumnChange("name", "Topic", "Old", "New") });

        Assert.That(post, Is.Null);
    }

    [Test]
    public void Column_written_with_its_current_value_is_not_a_change()
    {
        var post = AutoPostComposer.Compose(Config(), ChangeEvents.Update, Ids.BigDealRef, "Opportunity", new[] { new ColumnChange("stepname", "Stage", "Develop", "Develop ") });

        Assert.That(post, Is.Null);
    }

    [Test]
    public void Only_tracked_columns_of_a_mixed_update_are_listed()
    {
        var post = AutoPostComposer.Compose(Config(), ChangeEvents.Update, Ids.BigDealRef, "Opportunity", new[]
        {
            new ColumnChange("name", "Topic", "Old", "New"),
            new ColumnChange("stepname", "Stage", null, "Develop"),
            new ColumnChange("closeprobability", "Probability", "20", null),
        });

        Assert.That(post!.Text, Is.EqualTo("Stage set to Develop; Probability cleared (was 20)"));
    }

    [Test]
    public void Long_value_is_cut_at_255_characters_in_text_but_kept_in_json()
    {
        var longText = new string('x', 600);

        var post = AutoPostComposer.Compose(Config(), ChangeEvents.Update, Ids.BigDealRef, "Opportunity", new[] { new ColumnChange("description", "Description", "short", longText) });

        var shown = post!.Text.Substring("Description changed from short to ".Length);
        Assert.That(shown, Has.Length.EqualTo(255).And.EndsWith("…"));
        Assert.That(AutoPostChanges.Parse(post.ChangesJson).Changes.Single().NewValue, Is.EqualTo(longText));
    }

    [Test]
    public void Json_keeps_values_up_to_2000_characters()
    {
        var huge = new string('y', 5000);

        var post = AutoPostComposer.Compose(Config(), ChangeEvents.Update, Ids.BigDealRef, "Opportunity", new[] { new ColumnChange("description", "Description", null, huge) });

        var stored = AutoPostChanges.Parse(post!.ChangesJson).Changes.Single().NewValue;
        Assert.That(stored, Has.Length.EqualTo(2000).And.EndsWith("…"));
    }

    [Test]
    public void Change_list_json_is_compact_and_parses_back()
    {
        var post = AutoPostComposer.Compose(Config(), ChangeEvents.Update, Ids.BigDealRef, "Opportunity", new[] { new ColumnChange("stepname", "Stage", "Qualify", "Develop") });

        Assert.That(post!.ChangesJson, Is.EqualTo("{\"v\":1,\"event\":\"update\",\"changes\":[{\"column\":\"stepname\",\"label\":\"Stage\",\"old\":\"Qualify\",\"new\":\"Develop\"}]}"));
        var back = AutoPostChanges.Parse(post.ChangesJson);
        Assert.That(back.Event, Is.EqualTo(ChangeEvents.Update));
        Assert.That(back.Changes, Is.EqualTo(post.Changes));
    }

    [Test]
    public void Many_tracked_columns_are_all_in_json_and_the_text_stays_within_the_post_limit()
    {
        var columns = Enumerable.Range(1, 200).Select(i => "col" + i).ToArray();
        var config = TrackingConfiguration.Create("opportunity", columns, ChangeEvents.Update, columns);
        var changes = columns.Select(c => new ColumnChange(c, "Column " + c, new string('o', 100), new string('n', 100))).ToArray();

        var post = AutoPostComposer.Compose(config, ChangeEvents.Update, Ids.BigDealRef, "Opportunity", changes);

        Assert.That(post!.Changes, Has.Count.EqualTo(200));
        Assert.That(post.Text.Length, Is.LessThanOrEqualTo(PostText.MaxLength));
        Assert.That(post.Text, Does.Match("; and \\d+ more changes$"));
    }

    [Test]
    public void Owner_change_is_an_assignment_even_when_ownerid_is_not_tracked()
    {
        var post = AutoPostComposer.Compose(Config(), ChangeEvents.Update, Ids.BigDealRef, "Opportunity", new[] { new ColumnChange("ownerid", "Owner", "Ben Ode", "Ana López") });

        Assert.That(post!.Event, Is.EqualTo(ChangeEvents.Assign));
        Assert.That(post.Text, Is.EqualTo("Owner changed from Ben Ode to Ana López"));
    }

    [Test]
    public void Status_change_is_not_posted_when_the_event_is_off()
    {
        var config = Config(ChangeEvents.Update);

        var post = AutoPostComposer.Compose(config, ChangeEvents.StatusChange, Ids.BigDealRef, "Opportunity", new[] { new ColumnChange("statecode", "Status", "Open", "Won") });

        Assert.That(post, Is.Null);
    }

    [Test]
    public void Status_change_is_posted_as_a_status_event()
    {
        var post = AutoPostComposer.Compose(Config(), ChangeEvents.StatusChange, Ids.BigDealRef, "Opportunity", new[]
        {
            new ColumnChange("statecode", "Status", "Open", "Won"),
            new ColumnChange("statuscode", "Status Reason", "In Progress", "Won"),
        });

        Assert.That(post!.Event, Is.EqualTo(ChangeEvents.StatusChange));
        Assert.That(post.Text, Is.EqualTo("Status changed from Open to Won; Status Reason changed from In Progress to Won"));
    }

    [Test]
    public void Create_lists_tracked_columns_that_have_a_value()
    {
        var post = AutoPostComposer.Compose(Config(), ChangeEvents.Create, Ids.BigDealRef, "Opportunity", new[]
        {
            new ColumnChange("name", "Topic", null, "Big deal"),
            new ColumnChange("stepname", "Stage", null, "Qualify"),
            new ColumnChange("estimatedvalue", "Est. Revenue", null, "$10,000.00"),
            new ColumnChange("description", "Description", null, ""),
        });

        Assert.That(post!.Text, Is.EqualTo("Opportunity created. Stage: Qualify; Est. Revenue: $10,000.00"));
        Assert.That(post.Event, Is.EqualTo(ChangeEvents.Create));
    }

    [Test]
    public void Delete_names_the_record_and_create_is_skipped_when_off()
    {
        var config = Config(ChangeEvents.Update | ChangeEvents.Delete);

        var deleted = AutoPostComposer.Compose(config, ChangeEvents.Delete, Ids.BigDealRef, "Opportunity", null);
        var created = AutoPostComposer.Compose(config, ChangeEvents.Create, Ids.BigDealRef, "Opportunity", null);

        Assert.That(deleted!.Text, Is.EqualTo("Opportunity \"Big deal\" deleted"));
        Assert.That(created, Is.Null);
    }

    [Test]
    public void Money_is_formatted_with_its_currency_symbol()
    {
        Assert.That(ColumnValueFormatter.Money(12500m, "$"), Is.EqualTo("$12,500.00"));
        Assert.That(ColumnValueFormatter.Money(-5m, "€"), Is.EqualTo("-€5.00"));
    }

    [Test]
    public void Damaged_change_json_is_refused_with_a_message()
    {
        var ex = Assert.Throws<FeedException>(() => AutoPostChanges.Parse("{\"changes\":[{\"label\":1}]}"));

        Assert.That(ex!.Message, Does.Contain("no column name"));
    }
}
