using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Faults;

namespace Rapport.Emulator.Tests;

public sealed class BatchTests : EmulatorTest
{
    [Test]
    public void Upsert_creates_then_updates_by_alternate_key()
    {
        var first = (UpsertResponse)Service.Execute(new UpsertRequest { Target = new Entity(TestSolution.Item, "rapport_code", "K1") { ["rapport_name"] = "first" } });
        var second = (UpsertResponse)Service.Execute(new UpsertRequest { Target = new Entity(TestSolution.Item, "rapport_code", "K1") { ["rapport_name"] = "second" } });

        var row = Service.Retrieve(TestSolution.Item, first.Target.Id, new ColumnSet("rapport_name", "rapport_code"));
        Assert.Multiple(() =>
        {
            Assert.That(first.RecordCreated, Is.True);
            Assert.That(second.RecordCreated, Is.False);
            Assert.That(second.Target.Id, Is.EqualTo(first.Target.Id));
            Assert.That(row["rapport_name"], Is.EqualTo("second"));
            Assert.That(row["rapport_code"], Is.EqualTo("K1"));
            Assert.That(Env.Store.Count(TestSolution.Item), Is.EqualTo(1));
        });
    }

    [Test]
    public void Retrieve_and_update_by_alternate_key()
    {
        var id = Service.Create(new Entity(TestSolution.Item) { ["rapport_code"] = "K2" });

        Service.Update(new Entity(TestSolution.Item, "rapport_code", "K2") { ["rapport_name"] = "keyed" });
        var row = ((RetrieveResponse)Service.Execute(new RetrieveRequest
        {
            Target = new EntityReference(TestSolution.Item, "rapport_code", "k2"),
            ColumnSet = new ColumnSet("rapport_name"),
        })).Entity;

        Assert.That(row.Id, Is.EqualTo(id));
        Assert.That(row["rapport_name"], Is.EqualTo("keyed"));
    }

    [Test]
    public void ExecuteMultiple_continue_on_error_runs_every_request()
    {
        var request = Batch(continueOnError: true);

        var response = (ExecuteMultipleResponse)Service.Execute(request);

        Assert.Multiple(() =>
        {
            Assert.That(response.IsFaulted, Is.True);
            Assert.That(response.Responses.Select(r => r.RequestIndex), Is.EqualTo(new[] { 0, 1, 2 }));
            Assert.That(response.Responses[1].Fault!.ErrorCode, Is.EqualTo(ErrorCodes.StringLengthTooLong));
            Assert.That(Env.Store.Count(TestSolution.Item), Is.EqualTo(2));
        });
    }

    [Test]
    public void ExecuteMultiple_stops_at_the_first_fault_without_continue_on_error()
    {
        var response = (ExecuteMultipleResponse)Service.Execute(Batch(continueOnError: false));

        Assert.Multiple(() =>
        {
            Assert.That(response.IsFaulted, Is.True);
            Assert.That(response.Responses.Select(r => r.RequestIndex), Is.EqualTo(new[] { 0, 1 }));
            Assert.That(Env.Store.Count(TestSolution.Item), Is.EqualTo(1), "each request has its own transaction: the first stays");
        });
    }

    [Test]
    public void ExecuteTransaction_rolls_back_every_request_when_one_fails()
    {
        var request = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection(), ReturnResponses = true };
        request.Requests.Add(new CreateRequest { Target = new Entity(TestSolution.Item) { ["rapport_name"] = "one" } });
        request.Requests.Add(new CreateRequest { Target = new Entity(TestSolution.Item) { ["rapport_name"] = new string('x', 50) } });

        var fault = FaultAssert.Throws(Env, ErrorCodes.StringLengthTooLong, () => Service.Execute(request));

        // The detail is an ExecuteTransactionFault naming the failed request, as the SDK documents it:
        // learn.microsoft.com/power-apps/developer/data-platform/org-service/use-executetransaction#handle-errors
        Assert.That(fault, Is.InstanceOf<ExecuteTransactionFault>());
        Assert.That(((ExecuteTransactionFault)fault).FaultedRequestIndex, Is.EqualTo(1));
        Assert.That(fault.Message, Does.Contain("rapport_name"), "the failed request's own message");
    }

    [Test]
    public void ExecuteTransaction_returns_responses_in_order()
    {
        var request = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection(), ReturnResponses = true };
        request.Requests.Add(new CreateRequest { Target = new Entity(TestSolution.Item) { ["rapport_name"] = "one" } });
        request.Requests.Add(new CreateRequest { Target = new Entity(TestSolution.Item) { ["rapport_name"] = "two" } });

        var response = (ExecuteTransactionResponse)Service.Execute(request);

        var ids = response.Responses.Select(r => ((CreateResponse)r).id).ToList();
        Assert.That(ids, Is.EqualTo(Env.Store.Rows(TestSolution.Item).OrderBy(r => r.Sequence).Select(r => r.Id)));
    }

    [Test]
    public void UpdateMultiple_updates_every_target()
    {
        var ids = Enumerable.Range(0, 3).Select(i => Service.Create(new Entity(TestSolution.Item) { ["rapport_name"] = "n" + i })).ToList();
        var targets = new EntityCollection(ids.Select(id => new Entity(TestSolution.Item, id) { ["rapport_count"] = 7 }).ToList()) { EntityName = TestSolution.Item };

        Service.Execute(new UpdateMultipleRequest { Targets = targets });

        Assert.That(Env.Store.Rows(TestSolution.Item).Select(r => r["rapport_count"]), Is.All.EqualTo(7));
    }

    private static ExecuteMultipleRequest Batch(bool continueOnError)
    {
        var request = new ExecuteMultipleRequest
        {
            Requests = new OrganizationRequestCollection(),
            Settings = new ExecuteMultipleSettings { ContinueOnError = continueOnError, ReturnResponses = true },
        };
        request.Requests.Add(new CreateRequest { Target = new Entity(TestSolution.Item) { ["rapport_name"] = "one" } });
        request.Requests.Add(new CreateRequest { Target = new Entity(TestSolution.Item) { ["rapport_name"] = new string('x', 50) } });
        request.Requests.Add(new CreateRequest { Target = new Entity(TestSolution.Item) { ["rapport_name"] = "three" } });
        return request;
    }
}
