using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Rapport.Feed.Crm.Tests;

public sealed class MergeTests
{
    private FeedWorld _w = null!;

    [SetUp]
    public void SetUp() => _w = new FeedWorld();

    private void Merge(Guid survivor, Guid subordinate, Entity? content = null, bool parenting = false) =>
        _w.Env.SystemService.Execute(new OrganizationRequest("Merge")
        {
            ["Target"] = new EntityReference("account", survivor),
            ["SubordinateId"] = subordinate,
            ["UpdateContent"] = content ?? new Entity("account"),
            ["PerformParentingChecks"] = parenting,
        });

    [Test]
    public void Merge_moves_follows_posts_and_child_records_to_the_survivor_without_duplicates()
    {
        var survivor = _w.Account("Contoso");
        var merged = _w.Account("Contoso Ltd (duplicate)");
        var child = _w.Env.SystemService.Create(new Entity("contact") { ["lastname"] = "Smith", ["parentcustomerid"] = new EntityReference("account", merged) });
        _w.Follow(_w.Ben, "account", survivor);
        _w.Follow(_w.Ben, "account", merged);
        _w.Follow(_w.Ana, "account", merged);
        _w.Post(_w.Ana, "account", merged, "about the duplicate");
        _w.Env.StepLog.Clear();

        Merge(survivor, merged, new Entity("account") { ["telephone1"] = "555-0100" });

        var follows = _w.Rows("rapport_follow");
        var account = _w.Env.SystemService.Retrieve("account", survivor, new ColumnSet("telephone1"));
        var loser = _w.Env.SystemService.Retrieve("account", merged, new ColumnSet("statecode"));
        var contact = _w.Env.SystemService.Retrieve("contact", child, new ColumnSet("parentcustomerid"));
        var post = _w.Rows("rapport_post").Single();
        Assert.Multiple(() =>
        {
            Assert.That(follows.Select(f => f.GetAttributeValue<string>("rapport_regardingid")), Is.All.EqualTo(survivor.ToString()), "no follow is left on the merged-away record");
            Assert.That(follows.Select(f => f.GetAttributeValue<string>("rapport_followerid")).OrderBy(x => x), Is.EqualTo(new[] { _w.Ana.ToString(), _w.Ben.ToString() }.OrderBy(x => x)), "Ben followed both and keeps one follow");
            Assert.That(account["telephone1"], Is.EqualTo("555-0100"), "UpdateContent went to the survivor");
            Assert.That(loser.GetAttributeValue<OptionSetValue>("statecode")?.Value, Is.EqualTo(1), "the subordinate is deactivated");
            Assert.That(contact.GetAttributeValue<EntityReference>("parentcustomerid")?.Id, Is.EqualTo(survivor), "child records are re-parented");
            Assert.That(post["rapport_regardingid"], Is.EqualTo(survivor.ToString()));
            Assert.That(post["rapport_regardingname"], Is.EqualTo("Contoso"));
            Assert.That(_w.Env.StepLog.Runs.Any(r => r.Message == "Merge" && r.PluginType.EndsWith("RecordLifecyclePlugin", StringComparison.Ordinal)), "the Merge step ran");
        });

        var feed = System.Text.Json.JsonDocument.Parse((string)_w.Feed(_w.Ana)["Items"]!).RootElement;
        Assert.That(feed.EnumerateArray().Select(i => i.GetProperty("regarding").GetProperty("id").GetString()), Is.EqualTo(new[] { survivor.ToString() }), "Ana's feed follows the post to the survivor");
    }

    [Test]
    public void Merge_with_parenting_checks_refuses_records_with_different_parents()
    {
        var parentA = _w.Account("Parent A");
        var parentB = _w.Account("Parent B");
        var survivor = _w.Env.SystemService.Create(new Entity("account") { ["name"] = "S", ["parentaccountid"] = new EntityReference("account", parentA) });
        var merged = _w.Env.SystemService.Create(new Entity("account") { ["name"] = "M", ["parentaccountid"] = new EntityReference("account", parentB) });
        _w.Follow(_w.Ben, "account", merged);

        _w.Refused(() => Merge(survivor, merged, parenting: true), "different parents");
        Assert.That(_w.Rows("rapport_follow").Single()["rapport_regardingid"], Is.EqualTo(merged.ToString()));
    }

    [Test]
    public void Merge_of_a_record_into_itself_is_refused()
    {
        var account = _w.Account("Self");
        _w.Refused(() => Merge(account, account), "into itself");
    }
}
