using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Rapport.Solution.Declarations;
using Rapport.Solution.Declarations.Security;
using Rapport.Solution.Model;
using Rapport.WorkflowActivities.Feed;

namespace Rapport.WorkflowActivities.Tests;

/// <summary>
/// The workflow activities' cells of issue 15's access matrix, with Rapport's roles and Dataverse's record security
/// (no test policy): a workflow user who cannot read the record gets nothing written and nothing told; the digest is
/// trimmed to what its user may read; the post a workflow writes passes the same column guard as a person's.
/// </summary>
public sealed class FeedActivitySecurityTests
{
    private const string Secret = "CONFIDENTIAL pledge";
    private ActivityWorld _w = null!;
    private Guid _author;
    private Guid _outsider;
    private Guid _hidden;
    private Guid _colleague;

    [SetUp]
    public void SetUp()
    {
        _w = new ActivityWorld();
        var security = _w.Env.Security;
        security.LoadRoles(RapportSolution.Build("1.0.0.0").Roles);
        security.CreateRole("Fundraiser",
            ("contact", PrivilegeType.Create, PrivilegeDepth.Basic), ("contact", PrivilegeType.Read, PrivilegeDepth.Local),
            ("contact", PrivilegeType.Append, PrivilegeDepth.Local), ("contact", PrivilegeType.AppendTo, PrivilegeDepth.Local),
            ("systemuser", PrivilegeType.Read, PrivilegeDepth.Global), ("systemuser", PrivilegeType.AppendTo, PrivilegeDepth.Global));
        var fundraising = security.CreateBusinessUnit("Fundraising");
        _author = security.CreateUser("Ada Author", fundraising, "Fundraiser", RapportRoles.User);
        _colleague = security.CreateUser("Bea Colleague", fundraising, "Fundraiser", RapportRoles.User);
        _outsider = security.CreateUser("Cy Outsider", security.CreateBusinessUnit("Major Gifts"), "Fundraiser", RapportRoles.User);
        _hidden = security.AsUser(_author).Create(new Entity("contact") { ["lastname"] = "Board member" });
        _w.Run(new PostToFeedActivity(), _author, new Dictionary<string, object?>
        {
            ["RecordUrl"] = ActivityWorld.Url("contact", _hidden),
            ["Text"] = $"{Secret} @[systemuser,{_colleague:D},\"Bea Colleague\"]",
            ["MentionUser"] = new EntityReference("systemuser", _outsider),
        });
    }

    [Test]
    public void Post_to_feed_follow_and_follower_count_refuse_a_record_the_workflow_user_cannot_read()
    {
        var record = new Dictionary<string, object?> { ["RecordUrl"] = ActivityWorld.Url("contact", _hidden) };
        var messages = new[]
        {
            _w.Refused(new PostToFeedActivity(), _outsider, new Dictionary<string, object?>(record) { ["Text"] = "Me too" }, "cannot read"),
            _w.Refused(new FollowRecordActivity(), _outsider, record, "cannot read"),
            _w.Refused(new GetFollowerCountActivity(), _outsider, record, "cannot read"),
        };

        Assert.That(messages, Has.None.Contains("Board member").And.None.Contains(Secret));
    }

    [Test]
    public void The_digest_shows_the_post_to_a_mentioned_reader_and_nothing_to_a_mentioned_outsider()
    {
        var outsider = _w.Run(new BuildFeedDigestActivity(), _outsider, new Dictionary<string, object?> { ["User"] = new EntityReference("systemuser", _outsider), ["Days"] = 1, ["PeriodEnd"] = ActivityWorld.Today.AddHours(1) });
        var colleague = _w.Run(new BuildFeedDigestActivity(), _colleague, new Dictionary<string, object?> { ["User"] = new EntityReference("systemuser", _colleague), ["Days"] = 1, ["PeriodEnd"] = ActivityWorld.Today.AddHours(1) });

        Assert.That(outsider["ItemCount"], Is.Zero);
        Assert.That($"{outsider["Html"]}{outsider["PlainText"]}", Does.Not.Contain(Secret).And.Not.Contain("Board member"));
        Assert.That(colleague["ItemCount"], Is.EqualTo(1), "Bea, mentioned too, reads the record");
        Assert.That($"{colleague["PlainText"]}", Does.Contain(Secret));
    }

    [Test]
    public void The_workflow_users_post_cannot_be_read_back_directly_by_people()
    {
        var fault = Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() =>
            _w.Env.Security.AsUser(_author).RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryExpression("rapport_post") { ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(true) }))!;
        Assert.That(fault.Detail.Message, Does.Contain("prvReadrapport_post").And.Not.Contain(Secret));
    }
}
