using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Rapport.Sdk.Tests;

/// <summary>Equality and collection semantics of the SDK's value-like types.</summary>
[TestFixture]
public sealed class ValueTypeTests
{
    private static readonly Guid ContactId = new("6f1b3c1e-0000-4000-8000-000000000002");

    [Test]
    public void EntityReference_equality_is_logical_name_and_id()
    {
        var a = new EntityReference("contact", ContactId) { Name = "Ada" };
        var b = new EntityReference("contact", ContactId);

        Assert.Multiple(() =>
        {
            Assert.That(a, Is.EqualTo(b), "Name does not take part");
            Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
            Assert.That(a, Is.Not.EqualTo(new EntityReference("account", ContactId)));
            Assert.That(a, Is.Not.EqualTo(new EntityReference("contact", Guid.NewGuid())));
            Assert.That(new HashSet<EntityReference> { a, b }, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void EntityReference_constructors()
    {
        var byKey = new EntityReference("contact", "emailaddress1", "ada@example.com");

        Assert.Multiple(() =>
        {
            Assert.That(byKey.KeyAttributes["emailaddress1"], Is.EqualTo("ada@example.com"));
            Assert.That(new EntityReference("contact").Id, Is.EqualTo(Guid.Empty));
            Assert.That(new EntityReference().KeyAttributes, Is.Empty);
        });
    }

    [Test]
    public void Money_and_OptionSetValue_compare_by_value()
    {
        var one = new OptionSetValue(1);
        var alsoOne = new OptionSetValue(1);

        Assert.Multiple(() =>
        {
            Assert.That(new Money(10m), Is.EqualTo(new Money(10.00m)));
            Assert.That(new Money(10m).GetHashCode(), Is.EqualTo(new Money(10.00m).GetHashCode()));
            Assert.That(new Money(10m), Is.Not.EqualTo(new Money(11m)));
            Assert.That(one, Is.EqualTo(alsoOne));
            Assert.That(one.GetHashCode(), Is.EqualTo(alsoOne.GetHashCode()));
            Assert.That(one, Is.Not.EqualTo(new OptionSetValue(2)));
            Assert.That(one.Equals(new Money(1m)), Is.False);
        });
    }

    [Test]
    public void Relationship_equality_is_schema_name_and_role()
    {
        var relationship = new Relationship("contact_customer_accounts");
        var same = new Relationship("contact_customer_accounts");

        Assert.Multiple(() =>
        {
            Assert.That(relationship, Is.EqualTo(same));
            Assert.That(relationship.GetHashCode(), Is.EqualTo(same.GetHashCode()));
            Assert.That(
                new Relationship("account_parent_account") { PrimaryEntityRole = EntityRole.Referenced },
                Is.Not.EqualTo(new Relationship("account_parent_account")));
            Assert.That(new Relationship("x").ToString(), Is.EqualTo("x"));
        });
    }

    [Test]
    public void DataCollection_of_T_is_a_Collection_with_AddRange()
    {
        var references = new EntityReferenceCollection();
        references.AddRange(new EntityReference("contact", ContactId), new EntityReference("contact", Guid.Empty));
        references.AddRange(Enumerable.Empty<EntityReference>());

        Assert.Multiple(() =>
        {
            Assert.That(references, Is.InstanceOf<System.Collections.ObjectModel.Collection<EntityReference>>());
            Assert.That(references, Has.Count.EqualTo(2));
            Assert.That(references.ToArray()[0].Id, Is.EqualTo(ContactId));
        });
    }

    [Test]
    public void Keyed_collections_behave_like_a_dictionary()
    {
        var parameters = new ParameterCollection { { "Target", null } };
        parameters["Target"] = "x";
        parameters.AddOrUpdateIfNotNull("Skipped", null);
        parameters.AddOrUpdateIfNotNull("Kept", 3);

        Assert.Multiple(() =>
        {
            Assert.That(parameters.Count, Is.EqualTo(2));
            Assert.That(parameters.Contains("Target"), Is.True);
            Assert.That(parameters.ContainsKey("Skipped"), Is.False);
            Assert.That(parameters.TryGetValue<int>("Kept", out var kept), Is.True);
            Assert.That(kept, Is.EqualTo(3));
            Assert.That(parameters.TryGetValue<string>("Kept", out _), Is.False);
            Assert.Throws<ArgumentException>(() => parameters.Add("Target", "again"));
            Assert.That(parameters.Remove("Target"), Is.True);
            Assert.That(parameters.Keys, Is.EqualTo(new[] { "Kept" }));
        });
    }

    [Test]
    public void EntityCollection_exposes_paging_state_and_an_indexer()
    {
        var first = new Entity("contact", ContactId);
        var collection = new EntityCollection(new List<Entity> { first })
        {
            EntityName = "contact",
            MoreRecords = true,
            PagingCookie = "<cookie page=\"1\" />",
            TotalRecordCount = -1,
        };

        Assert.Multiple(() =>
        {
            Assert.That(collection[0], Is.SameAs(first));
            Assert.That(collection.Entities, Has.Count.EqualTo(1));
            Assert.That(collection.TotalRecordCountLimitExceeded, Is.False);
            Assert.That(collection.MinActiveRowVersion, Is.Null);
            Assert.That(new EntityCollection().Entities, Is.Empty);
        });
    }

    [Test]
    public void InvalidPluginExecutionException_keeps_status_code_and_http_status()
    {
        var plain = new InvalidPluginExecutionException("stop");
        var full = new InvalidPluginExecutionException(OperationStatus.Retry, 42, "later", PluginHttpStatusCode.ServiceUnavailable);
        var wrapped = new InvalidPluginExecutionException("wrapped", new InvalidOperationException("inner"));

        Assert.Multiple(() =>
        {
            Assert.That(plain.Message, Is.EqualTo("stop"));
            Assert.That(plain.Status, Is.EqualTo(OperationStatus.Failed));
            Assert.That(plain.HttpStatus, Is.EqualTo(PluginHttpStatusCode.NotSet));
            Assert.That(full.Status, Is.EqualTo(OperationStatus.Retry));
            Assert.That(full.ErrorCode, Is.EqualTo(42));
            Assert.That(full.HttpStatus, Is.EqualTo(PluginHttpStatusCode.ServiceUnavailable));
            Assert.That(wrapped.InnerException, Is.InstanceOf<InvalidOperationException>());
            Assert.That(typeof(InvalidPluginExecutionException).IsSealed, Is.True);
        });
    }

    [Test]
    public void OrganizationServiceFault_travels_in_a_FaultException()
    {
        var fault = new OrganizationServiceFault { ErrorCode = -2147220969, Message = "Record not found", InnerFault = new OrganizationServiceFault() };
        fault.ErrorDetails["Reason"] = "missing";

        var error = new System.ServiceModel.FaultException<OrganizationServiceFault>(fault, new System.ServiceModel.FaultReason(fault.Message));

        Assert.Multiple(() =>
        {
            Assert.That(error.Detail.ErrorCode, Is.EqualTo(-2147220969));
            Assert.That(error.Message, Is.EqualTo("Record not found"));
            Assert.That(error.Detail.InnerFault, Is.Not.Null);
            Assert.That(error.Detail.ErrorDetails["Reason"], Is.EqualTo("missing"));
        });
    }
}
