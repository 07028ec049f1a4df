using Rapport.Domain.Feed;

namespace Rapport.Feed.Tests;

public sealed class TrackingConfigurationTests
{
    private static readonly string[] Known = { "name", "stepname", "estimatedvalue", "ownerid", "statecode", "statuscode" };

    [Test]
    public void Unknown_columns_are_refused_naming_each_of_them()
    {
        var ex = Assert.Throws<FeedException>(() =>
            TrackingConfiguration.Create("opportunity", new[] { "stepname", "Est. Revenue", "rapport_foo" }, ChangeEvents.Update, Known));

        Assert.That(ex!.Error, Is.EqualTo(FeedError.InvalidConfiguration));
        Assert.That(ex.Message, Does.Contain("'est. revenue'").And.Contain("'rapport_foo'").And.Not.Contain("'stepname'"));
    }

    [Test]
    public void Filtering_attributes_are_sorted_and_include_owner_and_status_for_those_events()
    {
        var config = TrackingConfiguration.Create("Opportunity", new[] { "stepname", "EstimatedValue", "stepname" }, ChangeEvents.Update | ChangeEvents.Assign | ChangeEvents.StatusChange, Known);

        Assert.That(config.FilteringAttributes, Is.EqualTo("estimatedvalue,ownerid,statecode,statuscode,stepname"));
        Assert.That(config.ColumnsText, Is.EqualTo("stepname,estimatedvalue"));
        Assert.That(config.Table, Is.EqualTo("opportunity"));
    }

    [Test]
    public void Filtering_attributes_are_only_the_tracked_columns_for_plain_updates()
    {
        var config = TrackingConfiguration.Create("opportunity", TrackingConfiguration.ParseColumns("stepname, name"), ChangeEvents.Update, Known);

        Assert.That(config.FilteringAttributes, Is.EqualTo("name,stepname"));
    }

    [Test]
    public void Update_tracking_without_columns_is_refused()
    {
        var ex = Assert.Throws<FeedException>(() => TrackingConfiguration.Create("opportunity", new string[0], ChangeEvents.Update, Known));

        Assert.That(ex!.Message, Does.Contain("at least one column"));
    }

    [Test]
    public void Configuration_without_events_is_refused()
    {
        var ex = Assert.Throws<FeedException>(() => TrackingConfiguration.Create("opportunity", new[] { "name" }, ChangeEvents.None, Known));

        Assert.That(ex!.Message, Does.Contain("at least one event"));
    }

    [Test]
    public void Events_round_trip_through_their_text_form_and_unknown_names_are_refused()
    {
        var events = ChangeEventsText.Parse("Create, status;delete");

        Assert.That(events, Is.EqualTo(ChangeEvents.Create | ChangeEvents.StatusChange | ChangeEvents.Delete));
        Assert.That(ChangeEventsText.Format(events), Is.EqualTo("create,status,delete"));
        Assert.That(() => ChangeEventsText.Parse("update,merge"), Throws.TypeOf<FeedException>().With.Message.Contains("merge"));
    }
}
