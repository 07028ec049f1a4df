using System;
using System.Activities;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Services.Clv;
using Rapport.WorkflowActivities.Clv;
using Rapport.WorkflowActivities.Feed;

namespace Rapport.WorkflowActivities.Tests;

/// <summary>
/// The three ways a designer's step goes wrong: a required input missing (or bound to a value that is empty at run
/// time), a record input of the wrong table, and a record the workflow's user cannot read. Each fails with a message
/// that names the step and the input, and writes nothing.
/// </summary>
public sealed class BadInputTests
{
    /// <summary>One bad run: the activity, its inputs in a world, and what the message must say.</summary>
    public sealed record Case(string Name, Func<Activity> Activity, Func<ActivityWorld, Dictionary<string, object?>> Inputs, params string[] Expected)
    {
        public override string ToString() => Name;
    }

    private static readonly Func<ActivityWorld, string> AccountUrl = w => ActivityWorld.Url("account", w.Account("Contoso"));

    public static IEnumerable<Case> MissingRequired() =>
    [
        new("Follow Record without Record URL", () => new FollowRecordActivity(), _ => new(), "required activity argument 'RecordUrl' was not supplied"),
        new("Unfollow Record without Record URL", () => new UnfollowRecordActivity(), _ => new(), "required activity argument 'RecordUrl' was not supplied"),
        new("Get Follower Count without Record URL", () => new GetFollowerCountActivity(), _ => new(), "required activity argument 'RecordUrl' was not supplied"),
        new("Post to Feed without Text", () => new PostToFeedActivity(), w => new() { ["RecordUrl"] = AccountUrl(w) }, "required activity argument 'Text' was not supplied"),
        new("Build Feed Digest without User", () => new BuildFeedDigestActivity(), _ => new(), "required activity argument 'User' was not supplied"),
        new("Fit CLV Model without Model Kind", () => new FitClvModelActivity(), _ => new() { ["SampleCap"] = 10 }, "required activity argument 'ModelKind' was not supplied"),
    ];

    /// <summary>A required input bound to a dynamic value that is blank for this record: the step runs and refuses.</summary>
    public static IEnumerable<Case> EmptyAtRunTime() =>
    [
        new("Follow Record with a blank Record URL", () => new FollowRecordActivity(), _ => new() { ["RecordUrl"] = " " }, "Follow Record: the input 'Record URL' is empty"),
        new("Get Follower Count with a URL without id", () => new GetFollowerCountActivity(), _ => new() { ["RecordUrl"] = "https://org.crm.dynamics.com/main.aspx?etn=account&pagetype=entityrecord" }, "Get Follower Count: the input 'Record URL'", "has no record id"),
        new("Post to Feed with empty Text", () => new PostToFeedActivity(), w => new() { ["RecordUrl"] = AccountUrl(w), ["Text"] = null }, "Post to Feed: the input 'Text' is empty"),
        new("Build Feed Digest with no User", () => new BuildFeedDigestActivity(), _ => new() { ["User"] = null }, "Build Feed Digest: the input 'User' is empty"),
        new("Fit CLV Model with no Model Kind", () => new FitClvModelActivity(), _ => new() { ["ModelKind"] = null }, "Fit CLV Model: the input 'Model Kind' is empty"),
        new("Calculate CLV with neither customer", () => new CalculateClvActivity(), _ => new(), "Calculate Customer Lifetime Value: set the Contact or the Account input."),
    ];

    public static IEnumerable<Case> WrongTable() =>
    [
        new("Follow Record for a contact as Follower User", () => new FollowRecordActivity(), w => new() { ["RecordUrl"] = AccountUrl(w), ["FollowerUser"] = new EntityReference("contact", w.Contact("Dana")) }, "Follow Record: the input 'Follower User' takes a systemuser record; it was given a record of the 'contact' table."),
        new("Unfollow Record for a user as Follower Team", () => new UnfollowRecordActivity(), w => new() { ["RecordUrl"] = AccountUrl(w), ["FollowerTeam"] = new EntityReference("systemuser", w.Ben) }, "Unfollow Record: the input 'Follower Team' takes a team record; it was given a record of the 'systemuser' table."),
        new("Get Follower Count of a table that does not exist", () => new GetFollowerCountActivity(), _ => new() { ["RecordUrl"] = ActivityWorld.Url("rapport_nosuchtable", Guid.NewGuid()) }, "Get Follower Count: there is no table named 'rapport_nosuchtable'"),
        new("Post to Feed mentioning an account as Mention User", () => new PostToFeedActivity(), w => new() { ["RecordUrl"] = AccountUrl(w), ["Text"] = "Hi", ["MentionUser"] = new EntityReference("account", w.Account("Other")) }, "Post to Feed: the input 'Mention User' takes a systemuser record; it was given a record of the 'account' table."),
        new("Build Feed Digest of a team", () => new BuildFeedDigestActivity(), w => new() { ["User"] = new EntityReference("team", w.Team("Sales")) }, "Build Feed Digest: the input 'User' takes a systemuser record; it was given a record of the 'team' table."),
        new("Calculate CLV of an account given as Contact", () => new CalculateClvActivity(), w => new() { ["Contact"] = new EntityReference("account", w.Account("Contoso")) }, "Calculate Customer Lifetime Value: the input 'Contact' takes a contact record; it was given a record of the 'account' table."),
        new("Follow Record by an unknown custom type code", () => new FollowRecordActivity(), _ => new() { ["RecordUrl"] = ActivityWorld.ClassicUrl(10123, Guid.NewGuid()) }, "Follow Record: the input 'Record URL' names its table only by the type code 10123, and no table with that code was found."),
    ];

    public static IEnumerable<Case> Unreadable() =>
    [
        new("Follow Record", () => new FollowRecordActivity(), w => new() { ["RecordUrl"] = ActivityWorld.Url("account", Hidden(w)) }, "Follow Record: the workflow's user cannot read the account with id"),
        new("Unfollow Record", () => new UnfollowRecordActivity(), w => new() { ["RecordUrl"] = ActivityWorld.Url("account", Hidden(w)) }, "Unfollow Record: the workflow's user cannot read the account with id"),
        new("Get Follower Count", () => new GetFollowerCountActivity(), w => new() { ["RecordUrl"] = ActivityWorld.Url("account", Hidden(w)) }, "Get Follower Count: the workflow's user cannot read the account with id"),
        new("Post to Feed", () => new PostToFeedActivity(), w => new() { ["RecordUrl"] = ActivityWorld.Url("account", Hidden(w)), ["Text"] = "Hi", ["PostAsSystem"] = true }, "Post to Feed: the workflow's user cannot read the account with id"),
        new("Calculate CLV", () => new CalculateClvActivity(), w => new() { ["Contact"] = new EntityReference("contact", HiddenContact(w)) }, "Calculate Customer Lifetime Value: the workflow's user cannot read the contact with id"),
        new("Build Feed Digest of another user", () => new BuildFeedDigestActivity(), w => new() { ["User"] = new EntityReference("systemuser", w.Ben) }, "Only a System Administrator can build another user's digest"),
        new("Follow Record of a deleted record", () => new FollowRecordActivity(), _ => new() { ["RecordUrl"] = ActivityWorld.Url("account", Guid.NewGuid()) }, "Follow Record: the account with id", "does not exist"),
    ];

    [TestCaseSource(nameof(MissingRequired))]
    public void A_missing_required_input_is_refused_by_the_host_before_the_step_runs(Case bad)
    {
        var w = new ActivityWorld();
        var inputs = bad.Inputs(w);
        var before = w.Env.Store.Snapshot();

        var error = Assert.Throws<ArgumentException>(() => w.Run(bad.Activity(), w.Ana, inputs))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain(bad.Expected[0]));
            Assert.That(w.Env.Store.Snapshot(), Is.EqualTo(before));
        });
    }

    [TestCaseSource(nameof(EmptyAtRunTime))]
    public void A_required_input_empty_at_run_time_is_refused_naming_it(Case bad) => Refused(bad);

    [TestCaseSource(nameof(WrongTable))]
    public void A_record_of_the_wrong_table_is_refused_naming_the_input(Case bad) => Refused(bad);

    [TestCaseSource(nameof(Unreadable))]
    public void A_record_the_workflow_user_cannot_read_is_refused(Case bad) => Refused(bad);

    private static void Refused(Case bad)
    {
        var w = new ActivityWorld();
        w.Refused(bad.Activity(), w.Ana, bad.Inputs(w), bad.Expected);
    }

    private static Guid Hidden(ActivityWorld w)
    {
        var account = w.Account("Hidden");
        w.Policy.Deny(w.Ana, account);
        return account;
    }

    private static Guid HiddenContact(ActivityWorld w)
    {
        var contact = w.Contact("Hidden");
        w.Policy.Deny(w.Ana, contact);
        return contact;
    }
}
