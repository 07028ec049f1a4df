using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Faults;

namespace Rapport.Emulator.Tests;

/// <summary>Every request with missing or invalid arguments gets Dataverse's fault and leaves the store unchanged.</summary>
public sealed class BadInputTests : EmulatorTest
{
    private Guid _item;

    [SetUp]
    public void SetUp()
    {
        _item = Service.Create(new Entity(TestSolution.Item) { ["rapport_name"] = "existing", ["rapport_code"] = "A1" });
    }

    [Test]
    public void Create_of_unknown_column_fails_with_QueryBuilderNoAttribute()
    {
        var fault = FaultAssert.Throws(Env, ErrorCodes.QueryBuilderNoAttribute, () =>
            Service.Create(new Entity(TestSolution.Item) { ["rapport_nope"] = "x" }));
        Assert.That(fault.Message, Does.StartWith("'rapport_item' entity doesn't contain attribute with Name = 'rapport_nope'"));
    }

    [Test]
    public void Create_of_unknown_table_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.QueryBuilderNoEntity, () => Service.Create(new Entity("rapport_nothing") { ["name"] = "x" }));

    [Test]
    public void Create_without_target_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.InvalidArgument, () => Service.Execute(new CreateRequest()));

    [Test]
    public void Create_with_wrong_clr_type_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.InvalidArgument, () => Service.Create(new Entity(TestSolution.Item) { ["rapport_count"] = "three" }));

    [Test]
    public void Create_with_too_long_text_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.StringLengthTooLong, () => Service.Create(new Entity(TestSolution.Item) { ["rapport_name"] = new string('x', 21) }));

    [Test]
    public void Create_with_invalid_choice_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.OutOfRange, () => Service.Create(new Entity(TestSolution.Item) { ["rapport_kind"] = new OptionSetValue(7) }));

    [Test]
    public void Create_with_number_out_of_range_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.OutOfRange, () => Service.Create(new Entity(TestSolution.Item) { ["rapport_count"] = 5000 }));

    [Test]
    public void Create_with_lookup_to_missing_row_fails()
    {
        var missing = Guid.NewGuid();
        var fault = FaultAssert.Throws(Env, ErrorCodes.ObjectDoesNotExist, () =>
            Service.Create(new Entity(TestSolution.Item) { ["rapport_contactid"] = new EntityReference("contact", missing) }));
        Assert.That(fault.Message, Is.EqualTo($"contact With Id = {missing} Does Not Exist"));
    }

    [Test]
    public void Create_with_lookup_to_wrong_table_fails()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "a" });
        FaultAssert.Throws(Env, ErrorCodes.InvalidArgument, () =>
            Service.Create(new Entity(TestSolution.Item) { ["rapport_contactid"] = new EntityReference("account", account) }));
    }

    [Test]
    public void Create_with_existing_id_fails_with_duplicate_record() =>
        FaultAssert.Throws(Env, ErrorCodes.DuplicateRecord, () => Service.Create(new Entity(TestSolution.Item, _item) { ["rapport_name"] = "again" }));

    [Test]
    public void Create_with_duplicate_alternate_key_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.DuplicateRecordEntityKey, () => Service.Create(new Entity(TestSolution.Item) { ["rapport_code"] = "a1" }));

    [Test]
    public void Retrieve_of_missing_row_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.ObjectDoesNotExist, () => Service.Retrieve(TestSolution.Item, Guid.NewGuid(), new ColumnSet(true)));

    [Test]
    public void Retrieve_without_column_set_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.InvalidArgument, () => Service.Execute(new RetrieveRequest { Target = new EntityReference(TestSolution.Item, _item) }));

    [Test]
    public void Retrieve_of_unknown_column_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.QueryBuilderNoAttribute, () => Service.Retrieve(TestSolution.Item, _item, new ColumnSet("nope")));

    [Test]
    public void Update_of_missing_row_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.ObjectDoesNotExist, () => Service.Update(new Entity(TestSolution.Item, Guid.NewGuid()) { ["rapport_name"] = "x" }));

    [Test]
    public void Update_without_id_or_key_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.InvalidArgument, () => Service.Update(new Entity(TestSolution.Item) { ["rapport_name"] = "x" }));

    [Test]
    public void Update_with_too_long_text_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.StringLengthTooLong, () => Service.Update(new Entity(TestSolution.Item, _item) { ["rapport_name"] = new string('x', 30) }));

    [Test]
    public void Update_to_a_key_another_row_holds_fails()
    {
        var other = Service.Create(new Entity(TestSolution.Item) { ["rapport_code"] = "B2" });
        FaultAssert.Throws(Env, ErrorCodes.DuplicateRecordEntityKey, () => Service.Update(new Entity(TestSolution.Item, other) { ["rapport_code"] = "A1" }));
    }

    [Test]
    public void Update_without_row_version_when_required_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.ConcurrencyVersionNotProvided, () => Service.Execute(new UpdateRequest
        {
            Target = new Entity(TestSolution.Item, _item) { ["rapport_name"] = "x" },
            ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        }));

    [Test]
    public void Delete_of_missing_row_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.ObjectDoesNotExist, () => Service.Delete(TestSolution.Item, Guid.NewGuid()));

    [Test]
    public void Delete_without_target_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.InvalidArgument, () => Service.Execute(new DeleteRequest()));

    [Test]
    public void RetrieveMultiple_without_query_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.InvalidArgument, () => Service.Execute(new RetrieveMultipleRequest()));

    [Test]
    public void RetrieveMultiple_with_unknown_condition_column_fails()
    {
        var query = new QueryExpression(TestSolution.Item);
        query.Criteria.AddCondition("nope", ConditionOperator.Equal, 1);
        FaultAssert.Throws(Env, ErrorCodes.QueryBuilderNoAttribute, () => Service.RetrieveMultiple(query));
    }

    [Test]
    public void RetrieveMultiple_with_malformed_fetch_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.InvalidFetchXml, () => Service.RetrieveMultiple(new FetchExpression("<fetch><entity name='account'>")));

    [Test]
    public void Associate_with_unknown_relationship_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.InvalidArgument, () =>
            Service.Associate(TestSolution.Item, _item, new Relationship("rapport_nothing"), new EntityReferenceCollection()));

    [Test]
    public void SetState_without_state_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.InvalidArgument, () =>
            Service.Execute(new OrganizationRequest("SetState") { ["EntityMoniker"] = new EntityReference(TestSolution.Item, _item) }));

    [Test]
    public void Assign_to_a_missing_user_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.ObjectDoesNotExist, () => Service.Execute(new OrganizationRequest("Assign")
        {
            ["Target"] = new EntityReference(TestSolution.Item, _item),
            ["Assignee"] = new EntityReference("systemuser", Guid.NewGuid()),
        }));

    [Test]
    public void Upsert_without_id_or_key_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.InvalidArgument, () => Service.Execute(new UpsertRequest { Target = new Entity(TestSolution.Item) }));

    [Test]
    public void ExecuteMultiple_without_settings_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.InvalidArgument, () => Service.Execute(new ExecuteMultipleRequest { Requests = new OrganizationRequestCollection() }));

    [Test]
    public void ExecuteMultiple_over_1000_requests_fails_with_max_batch_size()
    {
        var request = new ExecuteMultipleRequest { Requests = new OrganizationRequestCollection(), Settings = new ExecuteMultipleSettings() };
        for (var i = 0; i < 1001; i++)
        {
            request.Requests.Add(new CreateRequest { Target = new Entity("account") { ["name"] = "a" } });
        }

        var fault = FaultAssert.Throws(Env, ErrorCodes.BatchSizeExceeded, () => Service.Execute(request));
        Assert.That(fault.ErrorDetails["MaxBatchSize"], Is.EqualTo(1000));
    }

    [Test]
    public void CreateMultiple_with_mixed_tables_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.InvalidArgument, () => Service.Execute(new CreateMultipleRequest
        {
            Targets = new EntityCollection([new Entity("account") { ["name"] = "a" }, new Entity("contact") { ["lastname"] = "b" }]) { EntityName = "account" },
        }));

    [Test]
    public void CreateMultiple_with_one_bad_record_creates_none() =>
        FaultAssert.Throws(Env, ErrorCodes.StringLengthTooLong, () => Service.Execute(new CreateMultipleRequest
        {
            Targets = new EntityCollection([new Entity(TestSolution.Item) { ["rapport_name"] = "ok" }, new Entity(TestSolution.Item) { ["rapport_name"] = new string('x', 40) }])
            {
                EntityName = TestSolution.Item,
            },
        }));

    [Test]
    public void Unknown_message_fails() =>
        FaultAssert.Throws(Env, ErrorCodes.UnrecognizedRequest, () => Service.Execute(new OrganizationRequest("rapport_Nothing")));
}
