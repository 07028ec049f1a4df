using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Faults;

namespace Rapport.Emulator.Tests;

public sealed class CrudTests : EmulatorTest
{
    [Test]
    public void Create_sets_system_columns_from_caller_and_clock()
    {
        var user = Env.CreateUser("Ann Lee");
        var id = Env.GetService(user).Create(new Entity("contact") { ["firstname"] = "Jo", ["lastname"] = "Smith" });

        var contact = Service.Retrieve("contact", id, new ColumnSet(true));

        Assert.Multiple(() =>
        {
            Assert.That(contact.GetAttributeValue<string>("fullname"), Is.EqualTo("Jo Smith"));
            Assert.That(contact.GetAttributeValue<DateTime>("createdon"), Is.EqualTo(Env.Clock.UtcNow));
            Assert.That(contact.GetAttributeValue<EntityReference>("createdby")!.Id, Is.EqualTo(user));
            Assert.That(contact.GetAttributeValue<EntityReference>("ownerid")!.Id, Is.EqualTo(user));
            Assert.That(contact.GetAttributeValue<EntityReference>("owningbusinessunit")!.Id, Is.EqualTo(Env.RootBusinessUnitId));
            Assert.That(contact.GetAttributeValue<OptionSetValue>("statecode")!.Value, Is.EqualTo(0));
            Assert.That(contact.GetAttributeValue<OptionSetValue>("statuscode")!.Value, Is.EqualTo(1));
            Assert.That(contact.RowVersion, Is.Not.Null.And.Not.Empty);
        });
    }

    [Test]
    public void Retrieve_returns_requested_columns_and_primary_id_only()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso", ["accountnumber"] = "A1" });

        var account = Service.Retrieve("account", id, new ColumnSet("name"));

        Assert.That(account.Attributes.Keys, Is.EquivalentTo(new[] { "name", "accountid" }));
    }

    [Test]
    public void Update_moves_modifiedon_and_version()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var before = Service.Retrieve("account", id, new ColumnSet(true));
        Env.Clock.Advance(TimeSpan.FromHours(1));

        Service.Update(new Entity("account", id) { ["name"] = "Fabrikam" });

        var after = Service.Retrieve("account", id, new ColumnSet(true));
        Assert.Multiple(() =>
        {
            Assert.That(after["name"], Is.EqualTo("Fabrikam"));
            Assert.That(after["modifiedon"], Is.EqualTo(Env.Clock.UtcNow));
            Assert.That(after["createdon"], Is.EqualTo(before["createdon"]));
            Assert.That(after.RowVersion, Is.Not.EqualTo(before.RowVersion));
        });
    }

    [Test]
    public void Update_with_stale_row_version_fails_with_concurrency_mismatch()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var stale = Service.Retrieve("account", id, new ColumnSet("name")).RowVersion;
        Service.Update(new Entity("account", id) { ["name"] = "Changed" });

        FaultAssert.Throws(Env, ErrorCodes.ConcurrencyVersionMismatch, () => Service.Execute(new UpdateRequest
        {
            Target = new Entity("account", id) { ["name"] = "Mine", RowVersion = stale },
            ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        }));
    }

    [Test]
    public void Update_with_current_row_version_succeeds()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var current = Service.Retrieve("account", id, new ColumnSet("name")).RowVersion;

        Service.Execute(new UpdateRequest
        {
            Target = new Entity("account", id) { ["name"] = "Mine", RowVersion = current },
            ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        });

        Assert.That(Service.Retrieve("account", id, new ColumnSet("name"))["name"], Is.EqualTo("Mine"));
    }

    [Test]
    public void Delete_with_stale_row_version_fails_and_keeps_the_row()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        FaultAssert.Throws(Env, ErrorCodes.ConcurrencyVersionMismatch, () => Service.Execute(new DeleteRequest
        {
            Target = new EntityReference("account", id) { RowVersion = "1" },
            ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        }));
    }

    [Test]
    // account_parent_account is RemoveLink on delete (account table reference, One-To-Many relationships).
    public void Delete_removes_the_row_and_clears_lookups_to_it()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var child = Service.Create(new Entity("account") { ["name"] = "Contoso East", ["parentaccountid"] = new EntityReference("account", account) });

        Service.Delete("account", account);

        Assert.Multiple(() =>
        {
            Assert.That(Env.Store.Find("account", account), Is.Null);
            Assert.That(Service.Retrieve("account", child, new ColumnSet("parentaccountid")).Contains("parentaccountid"), Is.False);
        });
    }

    [Test]
    public void Lookup_value_comes_back_with_the_referenced_name()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var contact = Service.Create(new Entity("contact") { ["lastname"] = "Smith", ["parentcustomerid"] = new EntityReference("account", account) });

        var parent = Service.Retrieve("contact", contact, new ColumnSet("parentcustomerid")).GetAttributeValue<EntityReference>("parentcustomerid");

        Assert.That(parent!.Name, Is.EqualTo("Contoso"));
    }

    [Test]
    public void SetState_changes_state_and_default_status()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });

        Service.Execute(new OrganizationRequest("SetState")
        {
            ["EntityMoniker"] = new EntityReference("account", id),
            ["State"] = new OptionSetValue(1),
            ["Status"] = new OptionSetValue(-1),
        });

        var account = Service.Retrieve("account", id, new ColumnSet("statecode", "statuscode"));
        Assert.That(account.GetAttributeValue<OptionSetValue>("statuscode")!.Value, Is.EqualTo(2));
    }

    [Test]
    public void Update_of_statecode_with_a_status_of_another_state_fails()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        FaultAssert.Throws(Env, ErrorCodes.InvalidStateTransition, () =>
            Service.Update(new Entity("account", id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(1) }));
    }

    [Test]
    public void Assign_moves_owner_and_owning_columns()
    {
        var user = Env.CreateUser("Bob Ray");
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });

        Service.Execute(new OrganizationRequest("Assign") { ["Target"] = new EntityReference("account", id), ["Assignee"] = new EntityReference("systemuser", user) });

        var account = Service.Retrieve("account", id, new ColumnSet("ownerid", "owninguser"));
        Assert.Multiple(() =>
        {
            Assert.That(account.GetAttributeValue<EntityReference>("ownerid")!.Id, Is.EqualTo(user));
            Assert.That(account.GetAttributeValue<EntityReference>("owninguser")!.Id, Is.EqualTo(user));
        });
    }

    [Test]
    public void WhoAmI_returns_the_caller_its_unit_and_the_organization()
    {
        var user = Env.CreateUser("Ann Lee");

        var response = Env.GetService(user).Execute(new OrganizationRequest("WhoAmI"));

        Assert.Multiple(() =>
        {
            Assert.That(response.Results["UserId"], Is.EqualTo(user));
            Assert.That(response.Results["BusinessUnitId"], Is.EqualTo(Env.RootBusinessUnitId));
            Assert.That(response.Results["OrganizationId"], Is.EqualTo(Env.OrganizationId));
        });
    }

    [Test]
    public void Associate_and_disassociate_a_user_with_a_team()
    {
        var user = Env.CreateUser("Ann Lee");
        var team = Service.Create(new Entity("team") { ["name"] = "Sales", ["businessunitid"] = new EntityReference("businessunit", Env.RootBusinessUnitId) });
        var relationship = new Relationship("teammembership_association");

        Service.Associate("team", team, relationship, new EntityReferenceCollection { new EntityReference("systemuser", user) });
        Assert.That(Env.Store.Count("teammembership"), Is.EqualTo(1));
        FaultAssert.Throws(Env, ErrorCodes.DuplicateRecord, () =>
            Service.Associate("team", team, relationship, new EntityReferenceCollection { new EntityReference("systemuser", user) }));

        Service.Disassociate("team", team, relationship, new EntityReferenceCollection { new EntityReference("systemuser", user) });
        Assert.That(Env.Store.Count("teammembership"), Is.EqualTo(0));
    }

    [Test]
    public void Caller_objects_are_not_changed_by_the_pipeline()
    {
        var target = new Entity(TestSolution.Item) { ["rapport_name"] = "one" };

        Service.Create(target);

        Assert.That(target.Contains("rapport_count"), Is.False);
    }
}
