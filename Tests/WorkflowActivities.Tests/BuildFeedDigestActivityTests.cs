using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Rapport.WorkflowActivities.Feed;

namespace Rapport.WorkflowActivities.Tests;

public sealed class BuildFeedDigestActivityTests
{
    private static readonly DateTime End = ActivityWorld.Today.AddHours(1);

    private ActivityWorld _w = null!;
    private Guid _contoso;

    [SetUp]
    public void SetUp()
    {
        _w = new ActivityWorld();
        _contoso = _w.Account("Contoso");
        Follow(_w.Ana, _contoso);
        Post(_w.Ben, _contoso, "Site visit booked");
        Post(_w.Ben, _contoso, "Proposal sent <b>today</b>");
    }

    [Test]
    public void The_digest_of_the_workflow_user_is_what_the_digest_API_returns()
    {
        var outputs = Digest(_w.Ana, _w.Ana);
        var api = _w.Env.GetService(_w.Ana).Execute(new OrganizationRequest("rapport_GetFeedDigest") { ["From"] = End.AddDays(-1), ["To"] = End }).Results;

        Assert.Multiple(() =>
        {
            Assert.That(outputs["Subject"], Is.EqualTo("Rapport digest: 2 updates on 1 record"));
            Assert.That(outputs["ItemCount"], Is.EqualTo(2));
            Assert.That(outputs["RecordCount"], Is.EqualTo(1));
            Assert.That(outputs["Html"], Does.Contain("Hello Ana Lopez,").And.Contain("Contoso (2 updates)").And.Contain("Proposal sent &lt;b&gt;today&lt;/b&gt;"));
            Assert.That(outputs["PlainText"], Does.Contain("- Ben Okafor, 2025-06-15 09:00 UTC: Site visit booked"));
            Assert.That(outputs["Subject"], Is.EqualTo(api["Subject"]));
            Assert.That(outputs["Html"], Is.EqualTo(api["Html"]));
            Assert.That(outputs["PlainText"], Is.EqualTo(api["PlainText"]));
            Assert.That(outputs["ItemCount"], Is.EqualTo(api["ItemCount"]));
        });
    }

    [Test]
    public void The_digest_leaves_out_records_the_user_can_no_longer_read()
    {
        var hidden = _w.Account("Hidden deal");
        Follow(_w.Ana, hidden);
        Post(_w.Ben, hidden, "Confidential terms");
        _w.Policy.Deny(_w.Ana, hidden);

        var outputs = Digest(_w.Ana, _w.Ana);

        Assert.Multiple(() =>
        {
            Assert.That(outputs["ItemCount"], Is.EqualTo(2));
            Assert.That((string)outputs["PlainText"]!, Does.Not.Contain("Confidential").And.Not.Contain("Hidden deal"));
        });
    }

    [Test]
    public void The_period_ends_at_Period_End_and_reaches_back_the_given_days()
    {
        var outputs = Digest(_w.Ana, _w.Ana, periodEnd: ActivityWorld.Today.AddDays(-1), days: 7);

        Assert.Multiple(() =>
        {
            Assert.That(outputs["ItemCount"], Is.EqualTo(0));
            Assert.That(outputs["Subject"], Is.EqualTo("Rapport digest: nothing new"));
            Assert.That(outputs["PlainText"], Does.Contain("2025-06-07 09:00 UTC – 2025-06-14 09:00 UTC"));
        });
    }

    [Test]
    public void A_System_Administrator_workflow_builds_another_users_digest_trimmed_to_that_user()
    {
        var admin = _w.Administrator("Ada Admin");

        var outputs = Digest(admin, _w.Ana);

        Assert.Multiple(() =>
        {
            Assert.That(outputs["ItemCount"], Is.EqualTo(2));
            Assert.That(outputs["Html"], Is.EqualTo(Digest(_w.Ana, _w.Ana)["Html"]));
        });
    }

    [Test]
    public void Another_users_digest_is_refused_to_a_workflow_that_is_not_an_administrators() =>
        _w.Refused(
            new BuildFeedDigestActivity(),
            _w.Ben,
            new Dictionary<string, object?> { ["User"] = new EntityReference("systemuser", _w.Ana), ["PeriodEnd"] = End },
            "Only a System Administrator can build another user's digest");

    [Test]
    public void Days_outside_one_to_31_are_refused_naming_the_input() =>
        _w.Refused(
            new BuildFeedDigestActivity(),
            _w.Ana,
            new Dictionary<string, object?> { ["User"] = new EntityReference("systemuser", _w.Ana), ["Days"] = 40 },
            "Build Feed Digest: the input 'Days' must be 1 to 31; it was 40.");

    private IDictionary<string, object?> Digest(Guid runAs, Guid user, DateTime? periodEnd = null, int? days = null)
    {
        var inputs = new Dictionary<string, object?> { ["User"] = new EntityReference("systemuser", user), ["PeriodEnd"] = periodEnd ?? End };
        if (days is { } d)
        {
            inputs["Days"] = d;
        }

        return _w.Run(new BuildFeedDigestActivity(), runAs, inputs);
    }

    private void Follow(Guid user, Guid account) =>
        _w.Run(new FollowRecordActivity(), user, new Dictionary<string, object?> { ["RecordUrl"] = ActivityWorld.Url("account", account) });

    private void Post(Guid user, Guid account, string text) =>
        _w.Env.GetService(user).Create(new Entity("rapport_post")
        {
            ["rapport_regardingtable"] = "account",
            ["rapport_regardingid"] = account.ToString("D"),
            ["rapport_text"] = text,
        });
}
