using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Faults;

namespace Rapport.Emulator.Tests;

public sealed class PipelineTests : EmulatorTest
{
    [Test]
    public void Target_changed_in_PreOperation_is_persisted()
    {
        var id = Service.Create(new Entity(TestSolution.Item) { ["rapport_name"] = "one" });

        Assert.That(Service.Retrieve(TestSolution.Item, id, new ColumnSet("rapport_count"))["rapport_count"], Is.EqualTo(42));
    }

    [Test]
    public void Sync_post_step_that_throws_rolls_back_the_row_and_nested_writes()
    {
        var before = Env.Store.Snapshot();

        var fault = Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() =>
            Service.Create(new Entity("account") { ["name"] = "fail" }))!;

        Assert.Multiple(() =>
        {
            Assert.That(fault.Detail.ErrorCode, Is.EqualTo(ErrorCodes.IsvAborted));
            Assert.That(fault.Detail.Message, Is.EqualTo("The account cannot be named fail."));
            Assert.That(Env.Store.Count("account"), Is.Zero);
            Assert.That(Env.Store.Count("contact"), Is.Zero, "the nested contact was not rolled back");
            Assert.That(Env.Store.Snapshot(), Is.EqualTo(before));
            Assert.That(Env.Metrics.Count("Create", "contact"), Is.EqualTo(1), "the nested request was counted");
        });
    }

    [Test]
    public void Steps_run_in_rank_order()
    {
        var id = Service.Create(new Entity("contact") { ["lastname"] = "Smith" });
        Env.StepLog.Clear();

        Service.Update(new Entity("contact", id) { ["firstname"] = "Jo" });

        Assert.That(Env.StepLog.Names, Is.EqualTo(new[] { "RankOneOnFirstNameUpdate", "RankTwoOnContactUpdate" }));
    }

    [Test]
    public void Step_with_filtering_attributes_does_not_run_when_another_column_changes()
    {
        var id = Service.Create(new Entity("contact") { ["lastname"] = "Smith" });
        Env.StepLog.Clear();

        Service.Update(new Entity("contact", id) { ["jobtitle"] = "Boss" });

        Assert.That(Env.StepLog.Names, Is.EqualTo(new[] { "RankTwoOnContactUpdate" }));
    }

    [Test]
    public void Images_carry_only_their_declared_columns()
    {
        var id = Service.Create(new Entity(TestSolution.Item) { ["rapport_name"] = "one", ["rapport_code"] = "C1", ["rapport_count"] = 5 });

        Service.Update(new Entity(TestSolution.Item, id) { ["rapport_count"] = 6 });

        var trace = Env.Traces.Text;
        Assert.Multiple(() =>
        {
            Assert.That(trace, Does.Contain("pre:rapport_count,rapport_name"));
            Assert.That(trace, Does.Contain("post:rapport_count,rapport_name"));
            Assert.That(trace, Does.Contain("precount:5"));
        });
    }

    [Test]
    public void Depth_grows_on_nested_calls_and_the_loop_guard_stops_at_eight()
    {
        var id = Service.Create(new Entity("task") { ["subject"] = "loop" });

        var fault = FaultAssert.Throws(Env, ErrorCodes.InfiniteLoopDetected, () => Service.Update(new Entity("task", id) { ["description"] = "go" }));

        var depths = Env.StepLog.Runs.Where(r => r.PluginType.EndsWith("EndlessTaskUpdate", StringComparison.Ordinal)).Select(r => r.Depth).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(fault.Message, Does.Contain("infinite loop"));
            Assert.That(depths, Is.EqualTo(Enumerable.Range(1, 8).ToArray()));
            Assert.That(Env.Metrics.ByDepth.Keys.Max(), Is.EqualTo(8));
        });
    }

    [Test]
    public void Async_step_waits_until_the_queue_is_drained()
    {
        Service.Create(new Entity("campaign") { ["name"] = "Spring" });
        Assert.That(Env.Store.Count("task"), Is.Zero);
        Assert.That(Env.PendingAsyncJobs, Is.EqualTo(1));

        var results = Env.DrainAsyncQueue();

        Assert.Multiple(() =>
        {
            Assert.That(results.Single().Succeeded, Is.True);
            Assert.That(Env.Store.Rows("task").Single()["subject"], Is.EqualTo("follow up Spring"));
        });
    }

    [Test]
    public void Async_job_of_a_rolled_back_transaction_is_dropped()
    {
        var request = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection() };
        request.Requests.Add(new CreateRequest { Target = new Entity("campaign") { ["name"] = "Spring" } });
        request.Requests.Add(new CreateRequest { Target = new Entity("account") { ["name"] = "fail" } });

        Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => Service.Execute(request));

        Assert.That(Env.PendingAsyncJobs, Is.Zero);
    }

    [Test]
    public void CreateMultiple_runs_single_Create_steps_once_per_record()
    {
        var targets = new EntityCollection(Enumerable.Range(0, 3).Select(i => new Entity("opportunity") { ["name"] = "o" + i }).ToList()) { EntityName = "opportunity" };

        var response = (CreateMultipleResponse)Service.Execute(new CreateMultipleRequest { Targets = targets });

        Assert.Multiple(() =>
        {
            Assert.That(response.Ids, Has.Length.EqualTo(3));
            Assert.That(Env.StepLog.Names.Count(n => n == "MarkOpportunity"), Is.EqualTo(3));
            Assert.That(Env.Store.Rows("opportunity").Select(r => r["description"]), Is.All.EqualTo("seen"));
        });
    }

    [Test]
    public void Create_runs_CreateMultiple_steps_with_one_target()
    {
        var id = Service.Create(new Entity("invoice") { ["name"] = "i1" });

        Assert.Multiple(() =>
        {
            Assert.That(Env.Traces.Text, Does.Contain("targets:1"));
            Assert.That(Service.Retrieve("invoice", id, new ColumnSet("description"))["description"], Is.EqualTo("bulk"));
        });
    }

    [Test]
    public void Step_registered_at_run_time_runs_and_stops_when_its_row_is_deleted()
    {
        var service = Env.SystemService;
        var type = service.Create(new Entity("plugintype") { ["typename"] = "Rapport.Emulator.Tests.Plugins.RuntimeRegistered", ["name"] = "RuntimeRegistered" });
        var message = service.RetrieveMultiple(new QueryByAttribute("sdkmessage") { Attributes = { "name" }, Values = { "Create" }, ColumnSet = new ColumnSet("name") }).Entities[0].Id;
        var filter = service.Create(new Entity("sdkmessagefilter") { ["sdkmessageid"] = new EntityReference("sdkmessage", message), ["primaryobjecttypecode"] = "account" });
        var step = service.Create(new Entity("sdkmessageprocessingstep")
        {
            ["name"] = "runtime step",
            ["plugintypeid"] = new EntityReference("plugintype", type),
            ["sdkmessageid"] = new EntityReference("sdkmessage", message),
            ["sdkmessagefilterid"] = new EntityReference("sdkmessagefilter", filter),
            ["stage"] = new OptionSetValue(40),
            ["mode"] = new OptionSetValue(0),
            ["rank"] = 1,
            ["configuration"] = "config",
        });

        service.Create(new Entity("account") { ["name"] = "a" });
        Assert.That(Env.Traces.Text, Does.Contain("runtime config|"));

        service.Delete("sdkmessageprocessingstep", step);
        Env.Traces.Clear();
        service.Create(new Entity("account") { ["name"] = "b" });
        Assert.That(Env.Traces.Text, Does.Not.Contain("runtime"));
    }

    [Test]
    public void Plugin_requests_run_as_the_calling_user_with_parent_context()
    {
        var user = Env.CreateUser("Ann Lee");

        Env.GetService(user).Create(new Entity("campaign") { ["name"] = "Spring" });
        Env.DrainAsyncQueue();

        var task = Env.Store.Rows("task").Single();
        Assert.That(((EntityReference)task["createdby"]!).Id, Is.EqualTo(user));
    }
}
