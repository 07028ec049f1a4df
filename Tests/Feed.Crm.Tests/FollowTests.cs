using System;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Faults;

namespace Rapport.Feed.Crm.Tests;

public sealed class FollowTests
{
    private FeedWorld _w = null!;

    [SetUp]
    public void SetUp() => _w = new FeedWorld();

    [Test]
    public void Follow_twice_gives_one_follow_and_AlreadyFollowing()
    {
        var account = _w.Account("Contoso");

        var first = _w.Follow(_w.Ana, "account", account);
        var second = _w.Follow(_w.Ana, "account", account);

        Assert.Multiple(() =>
        {
            Assert.That(first["AlreadyFollowing"], Is.False);
            Assert.That(second["AlreadyFollowing"], Is.True);
            Assert.That(second["FollowId"], Is.EqualTo(first["FollowId"]));
            Assert.That(_w.Rows("rapport_follow"), Has.Count.EqualTo(1));
            Assert.That(_w.Rows("rapport_follow")[0]["rapport_regardingname"], Is.EqualTo("Contoso"));
        });
    }

    [Test]
    public void Concurrent_duplicate_create_of_a_follow_fails_on_the_alternate_key()
    {
        var account = _w.Account("Contoso");
        Entity Row() => new("rapport_follow") { ["rapport_regardingtable"] = "account", ["rapport_regardingid"] = account.ToString() };
        _w.As(_w.Ana).Create(Row());

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _w.As(_w.Ana).Create(Row()))!;

        Assert.That(fault.Detail.ErrorCode, Is.EqualTo(ErrorCodes.DuplicateRecordEntityKey));
        Assert.That(_w.Rows("rapport_follow"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Follow_of_a_missing_record_is_refused() =>
        _w.Refused(() => _w.Follow(_w.Ana, "account", Guid.NewGuid()), "does not exist");

    [Test]
    public void Follow_of_a_table_that_does_not_exist_is_refused() =>
        _w.Refused(() => _w.Follow(_w.Ana, "rapport_nosuchtable", Guid.NewGuid()), "there is no table named 'rapport_nosuchtable'");

    [Test]
    public void Follow_of_a_record_the_follower_cannot_read_is_refused()
    {
        var account = _w.Account("Secret");
        _w.Policy.Deny(_w.Ben, account);

        _w.Refused(() => _w.Follow(_w.Ben, "account", account), "cannot read the account");
    }

    [Test]
    public void Unfollow_and_follow_state()
    {
        var account = _w.Account("Contoso");
        _w.Follow(_w.Ana, "account", account);
        _w.Follow(_w.Ben, "account", account);

        var state = _w.Call(_w.Ana, "rapport_GetFollowState", ("RecordTable", "account"), ("RecordId", account.ToString()));
        var removed = _w.Call(_w.Ana, "rapport_Unfollow", ("RecordTable", "account"), ("RecordId", account.ToString()));
        var again = _w.Call(_w.Ana, "rapport_Unfollow", ("RecordTable", "account"), ("RecordId", account.ToString()));

        Assert.Multiple(() =>
        {
            Assert.That(state["IsFollowing"], Is.True);
            Assert.That(state["FollowerCount"], Is.EqualTo(2));
            Assert.That(state["IsTracked"], Is.False);
            Assert.That(removed["Removed"], Is.True);
            Assert.That(again["Removed"], Is.False);
        });
    }

    [Test]
    public void Deleting_a_record_removes_its_follows()
    {
        var account = _w.Account("Contoso");
        var other = _w.Account("Fabrikam");
        _w.Follow(_w.Ana, "account", account);
        _w.Follow(_w.Ana, "account", other);

        _w.Env.SystemService.Delete("account", account);

        Assert.That(_w.Rows("rapport_follow").Select(f => f["rapport_regardingid"]), Is.EqualTo(new[] { other.ToString() }));
    }
}
