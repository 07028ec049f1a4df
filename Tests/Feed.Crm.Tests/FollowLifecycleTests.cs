using System;
using System.Linq;
using System.Text.Json;
using Microsoft.Xrm.Sdk;

namespace Rapport.Feed.Crm.Tests;

/// <summary>
/// Follows that outlive their reason. Dataverse's own activity feeds remove a follow when the follower loses read
/// access to the record (https://learn.microsoft.com/dynamics365/customerengagement/on-premises/developer/introduction-activity-feeds).
/// </summary>
public sealed class FollowLifecycleTests
{
    private const string Programme = "rapport_socialprogramme";
    private FeedWorld _w = null!;

    [SetUp]
    public void SetUp() => _w = new FeedWorld();

    private Guid NewProgramme(string name) => _w.Env.SystemService.Create(new Entity(Programme) { ["rapport_name"] = name });

    private int CleanupSteps(string table) => _w.Rows("sdkmessageprocessingstep", "name", "Rapport follow cleanup: Delete of " + table).Count;

    [Test]
    public void Deleting_a_custom_table_row_removes_its_follows_through_one_step_registered_at_run_time()
    {
        var winter = NewProgramme("Winter appeal");
        var spring = NewProgramme("Spring run");
        var before = CleanupSteps(Programme);
        _w.Follow(_w.Ana, Programme, winter);
        int secondFollow;
        using (var scope = _w.Env.Metrics.BeginScope())
        {
            _w.Follow(_w.Ben, Programme, winter);
            secondFollow = scope.Requests.Count(r => r.Depth > 1);
        }

        _w.Follow(_w.Ana, Programme, spring);
        _w.Env.SystemService.Delete(Programme, winter);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Zero, "no step before the table's first follow");
            Assert.That(CleanupSteps(Programme), Is.EqualTo(1), "one Delete step for the table, however many follows");
            Assert.That(_w.Rows("rapport_follow").Select(f => f.GetAttributeValue<string>("rapport_regardingid")), Is.EqualTo(new[] { spring.ToString() }));
            // existing follow (1), follower name (1), record read as the follower (1), step lookup (1), create (1)
            Assert.That(secondFollow, Is.EqualTo(5), "a follow of an already-registered table");
        });
    }

    [Test]
    public void A_follower_who_loses_read_access_is_not_following_sees_nothing_and_the_sweep_removes_the_follow()
    {
        var shelter = _w.Account("Hope Shelter");
        var food = _w.Account("Food bank");
        _w.Follow(_w.Ana, "account", shelter);
        _w.Follow(_w.Ana, "account", food);
        _w.Follow(_w.Ben, "account", shelter);
        _w.Post(_w.Ben, "account", shelter, "Beds for 40 tonight");
        _w.Policy.Deny(_w.Ana, shelter);

        var state = _w.Env.SystemService.Execute(new OrganizationRequest("rapport_GetFollowState")
        {
            ["RecordTable"] = "account", ["RecordId"] = shelter.ToString(), ["FollowerId"] = _w.Ana.ToString(),
        });
        var feed = JsonDocument.Parse((string?)_w.Feed(_w.Ana)["Items"] ?? "[]").RootElement;
        int requests;
        OrganizationResponse sweep;
        using (var scope = _w.Env.Metrics.BeginScope())
        {
            sweep = _w.Env.SystemService.Execute(new OrganizationRequest("rapport_SweepFollows"));
            requests = scope.Requests.Count(r => r.Depth == 2);
        }

        var again = _w.Env.SystemService.Execute(new OrganizationRequest("rapport_SweepFollows"));
        var left = _w.Rows("rapport_follow").Select(f => (f.GetAttributeValue<string>("rapport_followerid"), f.GetAttributeValue<string>("rapport_regardingid"))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(state["IsFollowing"], Is.False);
            Assert.That(feed.GetArrayLength(), Is.Zero);
            Assert.That(sweep["Checked"], Is.EqualTo(3));
            Assert.That(sweep["Removed"], Is.EqualTo(1));
            Assert.That(sweep["HasMore"], Is.False);
            Assert.That(again["Removed"], Is.EqualTo(0));
            Assert.That(left, Is.EquivalentTo(new[] { (_w.Ana.ToString(), food.ToString()), (_w.Ben.ToString(), shelter.ToString()) }));
            // roles (1) + follows (1) + one access query per follower and table (2) + one delete per removed follow (1)
            Assert.That(requests, Is.EqualTo(5));
        });
    }

    [Test]
    public void The_sweep_is_bounded_and_continues_where_it_stopped()
    {
        var ids = Enumerable.Range(0, 5).Select(i => _w.Account("Donor " + i)).ToList();
        foreach (var id in ids)
        {
            _w.Follow(_w.Ana, "account", id);
            _w.Env.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        _w.Policy.Deny(_w.Ana, ids[0]);
        _w.Policy.Deny(_w.Ana, ids[4]);
        var first = _w.Env.SystemService.Execute(new OrganizationRequest("rapport_SweepFollows") { ["MaxFollows"] = 3 });
        var second = _w.Env.SystemService.Execute(new OrganizationRequest("rapport_SweepFollows") { ["MaxFollows"] = 3, ["Continuation"] = first["Continuation"] });

        Assert.Multiple(() =>
        {
            Assert.That(new[] { first["Checked"], first["Removed"], first["HasMore"] }, Is.EqualTo(new object[] { 3, 1, true }));
            Assert.That(new[] { second["Checked"], second["Removed"], second["HasMore"] }, Is.EqualTo(new object[] { 2, 1, false }));
            Assert.That(_w.Rows("rapport_follow"), Has.Count.EqualTo(3));
        });
    }
}
