using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Faults;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Tests;

/// <summary>Alternate keys, Upsert and optional parameters as Microsoft documents them, each test citing its page.</summary>
public sealed class DocumentedKeyAndPipelineTests : EmulatorTest
{
    // "If the record exists: ... Remove any data from the Target Entity.Attributes collection that uses the same keys as
    // the Target Entity.KeyAttributes collection. Call Update." If it doesn't: "Copy any data from the Target
    // KeyAttributes that the Target doesn't already have in its Attributes ... Call Create."
    // learn.microsoft.com/power-apps/developer/data-platform/use-upsert-insert-update-record#understand-the-upsert-process-for-standard-tables
    [Test]
    public void Upsert_matched_by_alternate_key_removes_key_columns_from_Attributes_before_updating()
    {
        var id = Service.Create(new Entity(TestSolution.Item) { ["rapport_code"] = "K1", ["rapport_name"] = "old" });
        var target = new Entity(TestSolution.Item, "rapport_code", "K1") { ["rapport_code"] = "K9", ["rapport_name"] = "new" };

        var response = (UpsertResponse)Service.Execute(new UpsertRequest { Target = target });

        var row = Service.Retrieve(TestSolution.Item, id, new ColumnSet("rapport_code", "rapport_name"));
        Assert.Multiple(() =>
        {
            Assert.That(response.RecordCreated, Is.False);
            Assert.That(row["rapport_name"], Is.EqualTo("new"));
            Assert.That(row["rapport_code"], Is.EqualTo("K1"), "the key column sent in Attributes was dropped");
        });
    }

    [Test]
    public void Upsert_that_creates_keeps_the_Attributes_value_over_the_KeyAttributes_value()
    {
        var target = new Entity(TestSolution.Item, "rapport_code", "URL") { ["rapport_code"] = "BODY", ["rapport_name"] = "created" };

        var response = (UpsertResponse)Service.Execute(new UpsertRequest { Target = target });

        Assert.That(response.RecordCreated, Is.True);
        Assert.That(Service.Retrieve(TestSolution.Item, response.Target.Id, new ColumnSet("rapport_code"))["rapport_code"], Is.EqualTo("BODY"),
            "the server uses the Attributes value 'even if the values are different' from KeyAttributes");
    }

    // "0x80060891 ... The specified key attributes are not a defined key for the {0} entity"
    // learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes
    [Test]
    public void Retrieve_by_a_key_that_is_not_defined_faults_0x80060891()
    {
        Service.Create(new Entity(TestSolution.Item) { ["rapport_name"] = "Widget" });
        var request = new RetrieveRequest { Target = new EntityReference(TestSolution.Item, "rapport_name", "Widget"), ColumnSet = new ColumnSet(true) };

        var fault = FaultAssert.Throws(Env, unchecked((int)0x80060891), () => Service.Execute(request));

        Assert.That(fault.Message, Does.StartWith($"The specified key attributes are not a defined key for the {TestSolution.Item} entity"));
    }

    [Test]
    public void Retrieve_by_a_defined_key_with_no_matching_row_still_faults_ObjectDoesNotExist()
    {
        var request = new RetrieveRequest { Target = new EntityReference(TestSolution.Item, "rapport_code", "NONE"), ColumnSet = new ColumnSet(true) };

        FaultAssert.Throws(Env, ErrorCodes.ObjectDoesNotExist, () => Service.Execute(request));
    }

    // "tag: Add a shared variable to the plug-in execution context ... available as SharedVariables["tag"]"
    // learn.microsoft.com/power-apps/developer/data-platform/optional-parameters#add-a-shared-variable-to-the-plugin-execution-context
    [Test]
    public void The_tag_parameter_reaches_plugins_as_the_tag_shared_variable()
    {
        Service.Execute(new CreateRequest { Target = new Entity("lead") { ["lastname"] = "Tagged" }, ["tag"] = "import-42" });
        Service.Create(new Entity("lead") { ["lastname"] = "Plain" });

        Assert.That(Env.Traces.Text, Does.Contain("tag:import-42").And.Contain("tag:(none)"));
    }

    // Creating an entity key is a metadata operation at run time; existing rows are indexed by a system job and a
    // duplicate value set makes it fail. learn.microsoft.com/power-apps/developer/data-platform/define-alternate-keys-entity
    [Test]
    public void An_alternate_key_declared_after_construction_identifies_rows_and_keeps_them_unique()
    {
        var id = Service.Create(new Entity("contact") { ["lastname"] = "Lee", ["emailaddress1"] = "lee@contoso.com" });

        Env.AddAlternateKey("contact", new AlternateKeyDefinition("contact_email", "Email", ["emailaddress1"]));

        var found = ((RetrieveResponse)Service.Execute(new RetrieveRequest
        {
            Target = new EntityReference("contact", "emailaddress1", "LEE@contoso.com"),
            ColumnSet = new ColumnSet("lastname"),
        })).Entity;
        Assert.That(found.Id, Is.EqualTo(id), "rows stored before the key are indexed");
        FaultAssert.Throws(Env, ErrorCodes.DuplicateRecordEntityKey,
            () => Service.Create(new Entity("contact") { ["lastname"] = "Twin", ["emailaddress1"] = "lee@contoso.com" }));
    }

    [Test]
    public void An_alternate_key_that_existing_rows_violate_is_refused_and_nothing_changes()
    {
        Service.Create(new Entity("contact") { ["lastname"] = "One", ["emailaddress1"] = "same@contoso.com" });
        Service.Create(new Entity("contact") { ["lastname"] = "Two", ["emailaddress1"] = "same@contoso.com" });

        FaultAssert.Throws(Env, ErrorCodes.DuplicateRecordEntityKey,
            () => Env.AddAlternateKey("contact", new AlternateKeyDefinition("contact_email", "Email", ["emailaddress1"])));

        Assert.That(Env.Metadata.Table("contact").Keys.Select(k => k.LogicalName), Does.Not.Contain("contact_email"));
        Assert.DoesNotThrow(() => Service.Create(new Entity("contact") { ["lastname"] = "Three", ["emailaddress1"] = "same@contoso.com" }));
    }

    [Test]
    public void An_alternate_key_on_a_missing_column_is_refused_with_the_column_named()
    {
        var fault = FaultAssert.Throws(Env, ErrorCodes.QueryBuilderNoAttribute,
            () => Env.AddAlternateKey("contact", new AlternateKeyDefinition("contact_badge", "Badge", ["new_badge"])));

        Assert.That(fault.Message, Does.Contain("new_badge"));
    }

    // "Only include columns of the following types: Decimal Number, Whole Number, Single line of text, Date Time,
    // Lookup, Option Set" and "A table ... can have up to ten alternate key table definitions."
    // learn.microsoft.com/power-apps/developer/data-platform/define-alternate-keys-entity#create-alternate-keys
    [Test]
    public void An_alternate_key_on_a_column_of_a_type_keys_cannot_use_is_refused()
    {
        var fault = FaultAssert.Throws(Env, ErrorCodes.InvalidArgument,
            () => Env.AddAlternateKey("contact", new AlternateKeyDefinition("contact_description", "Description", ["description"])));

        Assert.That(fault.Message, Does.Contain("'description' (Memo) cannot be part of an alternate key"));
    }

    [Test]
    public void An_eleventh_alternate_key_on_a_table_is_refused()
    {
        string[] columns = ["firstname", "lastname", "emailaddress1", "telephone1", "mobilephone", "jobtitle", "address1_city", "address1_country", "birthdate", "parentcustomerid"];
        foreach (var column in columns)
        {
            Env.AddAlternateKey("contact", new AlternateKeyDefinition("key_" + column, column, [column]));
        }

        FaultAssert.Throws(Env, ErrorCodes.InvalidArgument,
            () => Env.AddAlternateKey("contact", new AlternateKeyDefinition("key_gender", "Gender", ["gendercode"])));
        Assert.That(Env.Metadata.Table("contact").Keys, Has.Count.EqualTo(10));
    }
}
