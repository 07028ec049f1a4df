using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Rapport.Sdk.Tests;

/// <summary>Typed messages are views over Parameters/Results with the real names, so late- and early-bound agree.</summary>
[TestFixture]
public sealed class MessageTests
{
    private static readonly Guid AccountId = new("6f1b3c1e-0000-4000-8000-000000000003");

    [TestCase(typeof(CreateRequest), "Create")]
    [TestCase(typeof(RetrieveRequest), "Retrieve")]
    [TestCase(typeof(UpdateRequest), "Update")]
    [TestCase(typeof(DeleteRequest), "Delete")]
    [TestCase(typeof(RetrieveMultipleRequest), "RetrieveMultiple")]
    [TestCase(typeof(AssociateRequest), "Associate")]
    [TestCase(typeof(DisassociateRequest), "Disassociate")]
    [TestCase(typeof(UpsertRequest), "Upsert")]
    [TestCase(typeof(ExecuteMultipleRequest), "ExecuteMultiple")]
    [TestCase(typeof(ExecuteTransactionRequest), "ExecuteTransaction")]
    [TestCase(typeof(CreateMultipleRequest), "CreateMultiple")]
    [TestCase(typeof(UpdateMultipleRequest), "UpdateMultiple")]
    [TestCase(typeof(UpsertMultipleRequest), "UpsertMultiple")]
    public void Request_names_are_the_real_ones(Type requestType, string name)
    {
        var request = (OrganizationRequest)Activator.CreateInstance(requestType)!;

        Assert.That(request.RequestName, Is.EqualTo(name));
    }

    [Test]
    public void Request_properties_are_parameters()
    {
        var target = new Entity("account", AccountId);
        var create = new CreateRequest { Target = target };
        var update = new UpdateRequest { Target = target, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches };
        var retrieve = new RetrieveRequest { Target = target.ToEntityReference(), ColumnSet = new ColumnSet(true) };

        Assert.Multiple(() =>
        {
            Assert.That(create.Parameters["Target"], Is.SameAs(target));
            Assert.That(create["Target"], Is.SameAs(target));
            Assert.That(update.Parameters["ConcurrencyBehavior"], Is.EqualTo(ConcurrencyBehavior.IfRowVersionMatches));
            Assert.That(retrieve.Parameters["ColumnSet"], Is.SameAs(retrieve.ColumnSet));
            Assert.That(new DeleteRequest().ConcurrencyBehavior, Is.EqualTo(ConcurrencyBehavior.Default));
        });
    }

    [Test]
    public void A_late_bound_request_reads_through_the_typed_class()
    {
        var late = new OrganizationRequest("Create") { ["Target"] = new Entity("account") };
        var typed = new CreateRequest { Parameters = late.Parameters };

        Assert.That(typed.Target!.LogicalName, Is.EqualTo("account"));
    }

    [Test]
    public void Response_properties_read_results_with_the_real_keys()
    {
        var create = new CreateResponse();
        create.Results["id"] = AccountId;
        var upsert = new UpsertResponse();
        upsert.Results["RecordCreated"] = true;
        upsert.Results["Target"] = new EntityReference("account", AccountId);
        var many = new CreateMultipleResponse();
        many.Results["Ids"] = new[] { AccountId };
        var multiple = new ExecuteMultipleResponse();
        multiple.Results["IsFaulted"] = true;
        multiple.Results["Responses"] = new ExecuteMultipleResponseItemCollection { new ExecuteMultipleResponseItem { RequestIndex = 0 } };
        var retrieveMultiple = new RetrieveMultipleResponse();
        retrieveMultiple.Results["EntityCollection"] = new EntityCollection();

        Assert.Multiple(() =>
        {
            Assert.That(create.id, Is.EqualTo(AccountId));
            Assert.That(new CreateResponse().id, Is.EqualTo(Guid.Empty), "absent result reads as default");
            Assert.That(upsert.RecordCreated, Is.True);
            Assert.That(upsert.Target.Id, Is.EqualTo(AccountId));
            Assert.That(many.Ids, Is.EqualTo(new[] { AccountId }));
            Assert.That(multiple.IsFaulted, Is.True);
            Assert.That(multiple.Responses[0].RequestIndex, Is.Zero);
            Assert.That(retrieveMultiple.EntityCollection.Entities, Is.Empty);
        });
    }

    [Test]
    public void ExecuteMultiple_and_ExecuteTransaction_carry_their_requests_and_settings()
    {
        var requests = new OrganizationRequestCollection { new CreateRequest(), new DeleteRequest() };
        var multiple = new ExecuteMultipleRequest
        {
            Requests = requests,
            Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
        };
        var transaction = new ExecuteTransactionRequest { Requests = requests, ReturnResponses = true };

        Assert.Multiple(() =>
        {
            Assert.That(multiple.Requests, Has.Count.EqualTo(2));
            Assert.That(multiple.Settings!.ContinueOnError, Is.True);
            Assert.That(transaction.ReturnResponses, Is.True);
            Assert.That(new ExecuteTransactionRequest().ReturnResponses, Is.Null);
        });
    }

    [Test]
    public void Required_parameters_are_present_but_null_on_a_new_request()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new CreateRequest().Parameters.Contains("Target"), Is.True);
            Assert.That(new CreateRequest().Target, Is.Null);
            Assert.That(new UpdateRequest().Parameters.Contains("ConcurrencyBehavior"), Is.False);
        });
    }
}
