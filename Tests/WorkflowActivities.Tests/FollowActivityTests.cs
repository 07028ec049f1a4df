using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.WorkflowActivities.Feed;

namespace Rapport.WorkflowActivities.Tests;

public sealed class FollowActivityTests
{
    private ActivityWorld _w = null!;

    [SetUp]
    public void SetUp() => _w = new ActivityWorld();

    [Test]
    public void Follow_Record_makes_the_user_who_started_the_workflow_follow_once()
    {
        var account = _w.Account("Contoso");
        var inputs = new Dictionary<string, object?> { ["RecordUrl"] = ActivityWorld.Url("account", account) };

        var first = _w.Run(new FollowRecordActivity(), _w.Ana, inputs);
        var second = _w.Run(new FollowRecordActivity(), _w.Ana, inputs);

        var follow = _w.Rows("rapport_follow").Single();
        Assert.Multiple(() =>
        {
            Assert.That(first["AlreadyFollowing"], Is.False);
            Assert.That(second["AlreadyFollowing"], Is.True);
            Assert.That(first["Follow"], Is.EqualTo(new EntityReference("rapport_follow", follow.Id)));
            Assert.That(second["Follow"], Is.EqualTo(first["Follow"]));
            Assert.That(follow["rapport_followerid"], Is.EqualTo(_w.Ana.ToString("D")));
            Assert.That(follow["rapport_regardingname"], Is.EqualTo("Contoso"), "the follow step filled the name");
            Assert.That(_w.Trace.Text, Does.Contain("FollowRecordActivity: enter depth 1").And.Contain("FollowRecordActivity: exit after"));
        });
    }

    [Test]
    public void Follow_Record_defaults_to_the_initiating_user_not_the_workflow_owner()
    {
        var account = _w.Account("Contoso");

        _w.Run(new FollowRecordActivity(), _w.Ana, new Dictionary<string, object?> { ["RecordUrl"] = ActivityWorld.Url("account", account) }, initiatingUser: _w.Ben);

        Assert.That(_w.Rows("rapport_follow").Single()["rapport_followerid"], Is.EqualTo(_w.Ben.ToString("D")));
    }

    [Test]
    public void Follow_Record_for_a_team_from_a_classic_record_url()
    {
        var contact = _w.Contact("Dana Ruiz");
        var team = _w.Team("Major gifts");

        var outputs = _w.Run(new FollowRecordActivity(), _w.Ana, new Dictionary<string, object?>
        {
            ["RecordUrl"] = ActivityWorld.ClassicUrl(2, contact),
            ["FollowerTeam"] = new EntityReference("team", team),
        });

        var follow = _w.Rows("rapport_follow").Single();
        Assert.Multiple(() =>
        {
            Assert.That(outputs["AlreadyFollowing"], Is.False);
            Assert.That(follow["rapport_followertable"], Is.EqualTo("team"));
            Assert.That(follow["rapport_followerid"], Is.EqualTo(team.ToString("D")));
            Assert.That(follow["rapport_regardingtable"], Is.EqualTo("contact"));
            Assert.That(follow["rapport_regardingid"], Is.EqualTo(contact.ToString("D")));
        });
    }

    [Test]
    public void Follow_Record_for_a_user_who_cannot_read_the_record_is_refused_by_the_follow_step()
    {
        var account = _w.Account("Secret");
        _w.Policy.Deny(_w.Ben, account);

        _w.Refused(
            new FollowRecordActivity(),
            _w.Ana,
            new Dictionary<string, object?> { ["RecordUrl"] = ActivityWorld.Url("account", account), ["FollowerUser"] = new EntityReference("systemuser", _w.Ben) },
            "the follower 'Ben Okafor' cannot read the account");
    }

    [Test]
    public void Unfollow_Record_removes_the_follow_and_reports_when_there_was_none()
    {
        var account = _w.Account("Contoso");
        var inputs = new Dictionary<string, object?> { ["RecordUrl"] = ActivityWorld.Url("account", account), ["FollowerUser"] = new EntityReference("systemuser", _w.Ben) };
        _w.Run(new FollowRecordActivity(), _w.Ana, inputs);

        var removed = _w.Run(new UnfollowRecordActivity(), _w.Ana, inputs);
        var again = _w.Run(new UnfollowRecordActivity(), _w.Ana, inputs);

        Assert.Multiple(() =>
        {
            Assert.That(removed["Removed"], Is.True);
            Assert.That(again["Removed"], Is.False);
            Assert.That(_w.Rows("rapport_follow"), Is.Empty);
        });
    }

    [Test]
    public void Get_Follower_Count_counts_users_and_teams_and_writes_nothing()
    {
        var account = _w.Account("Contoso");
        var url = ActivityWorld.Url("account", account);
        _w.Run(new FollowRecordActivity(), _w.Ana, new Dictionary<string, object?> { ["RecordUrl"] = url });
        _w.Run(new FollowRecordActivity(), _w.Ana, new Dictionary<string, object?> { ["RecordUrl"] = url, ["FollowerTeam"] = new EntityReference("team", _w.Team("Sales")) });
        var before = _w.Env.Store.Snapshot();

        var mine = _w.Run(new GetFollowerCountActivity(), _w.Ana, new Dictionary<string, object?> { ["RecordUrl"] = url });
        var bens = _w.Run(new GetFollowerCountActivity(), _w.Ana, new Dictionary<string, object?> { ["RecordUrl"] = url, ["FollowerUser"] = new EntityReference("systemuser", _w.Ben) });

        Assert.Multiple(() =>
        {
            Assert.That(mine["FollowerCount"], Is.EqualTo(2));
            Assert.That(mine["IsFollowing"], Is.True);
            Assert.That(mine["IsTracked"], Is.False);
            Assert.That(bens["FollowerCount"], Is.EqualTo(2));
            Assert.That(bens["IsFollowing"], Is.False);
            Assert.That(_w.Env.Store.Snapshot(), Is.EqualTo(before));
        });
    }
}
