using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Rapport.Plugins.Services.Clv;
using Rapport.WorkflowActivities.Clv;
using Rapport.WorkflowActivities.Feed;

namespace Rapport.WorkflowActivities.Tests;

/// <summary>
/// What a step costs: the requests the activity itself sends (depth 2, nested in the workflow), which the exit trace
/// line also reports. The follow check costs one read on top of the shared service's requests.
/// </summary>
public sealed class RequestCostTests
{
    private ActivityWorld _w = null!;

    [SetUp]
    public void SetUp() => _w = new ActivityWorld();

    [Test]
    public void Get_Follower_Count_costs_the_read_check_and_two_queries()
    {
        var url = ActivityWorld.Url("account", _w.Account("Contoso"));

        var requests = ActivityRequests(() => _w.Run(new GetFollowerCountActivity(), _w.Ana, new Dictionary<string, object?> { ["RecordUrl"] = url }));

        Assert.Multiple(() =>
        {
            Assert.That(requests, Is.EqualTo(new[] { "Retrieve account", "RetrieveMultiple rapport_follow", "RetrieveMultiple rapport_feedconfig" }));
            Assert.That(_w.Trace.Text, Does.Contain("GetFollowerCountActivity: exit after").And.Contain("ms, 3 requests"));
        });
    }

    [Test]
    public void Follow_Record_costs_the_read_check_a_lookup_and_the_create()
    {
        var url = ActivityWorld.Url("account", _w.Account("Contoso"));

        var requests = ActivityRequests(() => _w.Run(new FollowRecordActivity(), _w.Ana, new Dictionary<string, object?> { ["RecordUrl"] = url }));

        Assert.That(requests, Is.EqualTo(new[] { "Retrieve account", "RetrieveMultiple rapport_follow", "Create rapport_follow" }));
    }

    [Test]
    public void Calculate_CLV_costs_the_read_check_and_the_three_requests_of_a_rescore()
    {
        var contact = _w.Contact("Dana Ruiz");

        var requests = ActivityRequests(() => _w.Run(new CalculateClvActivity(), _w.Ana, new Dictionary<string, object?> { ["Contact"] = new EntityReference("contact", contact) }));

        Assert.That(requests, Is.EqualTo(new[] { "Retrieve contact", "Retrieve contact", "RetrieveMultiple " + ClvSchema.Model, "Update contact" }));
    }

    private List<string> ActivityRequests(Action run)
    {
        using var scope = _w.Env.Metrics.BeginScope();
        run();
        return scope.Requests.Where(r => r.Depth == 2).Select(r => $"{r.Message} {r.Table}").ToList();
    }
}
