using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Tests;

/// <summary>
/// The standard tables and relationships carry the facts of Microsoft's table reference
/// (learn.microsoft.com/power-apps/developer/data-platform/reference/entities/{table}, and for lead and incident
/// learn.microsoft.com/dynamics365/sales/developer/entities/lead and
/// learn.microsoft.com/dynamics365/customer-service/develop/reference/entities/incident): primary id, primary name,
/// ownership and object type code as listed under "Properties", relationship names and cascades as listed there.
/// </summary>
public sealed class StandardCatalogueTests
{
    private static readonly object[] Tables =
    [
        new object[] { "account", "accountid", "name", Ownership.UserOwned, 1 },
        new object[] { "contact", "contactid", "fullname", Ownership.UserOwned, 2 },
        new object[] { "opportunity", "opportunityid", "name", Ownership.UserOwned, 3 },
        new object[] { "lead", "leadid", "fullname", Ownership.UserOwned, 4 },
        new object[] { "annotation", "annotationid", "subject", Ownership.UserOwned, 5 },
        new object[] { "systemuser", "systemuserid", "fullname", Ownership.OrganizationOwned, 8 },
        new object[] { "team", "teamid", "name", Ownership.OrganizationOwned, 9 },
        new object[] { "businessunit", "businessunitid", "name", Ownership.OrganizationOwned, 10 },
        new object[] { "incident", "incidentid", "title", Ownership.UserOwned, 112 },
        new object[] { "activitypointer", "activityid", "subject", Ownership.UserOwned, 4200 },
        new object[] { "email", "activityid", "subject", Ownership.UserOwned, 4202 },
        new object[] { "task", "activityid", "subject", Ownership.UserOwned, 4212 },
    ];

    [TestCaseSource(nameof(Tables))]
    public void A_standard_table_has_the_documented_primary_key_name_ownership_and_type_code(string table, string primaryId, string primaryName, Ownership ownership, int typeCode)
    {
        var meta = new DataverseEmulator().Metadata.Table(table);

        Assert.Multiple(() =>
        {
            Assert.That(meta.PrimaryIdAttribute, Is.EqualTo(primaryId));
            Assert.That(meta.PrimaryNameAttribute, Is.EqualTo(primaryName));
            Assert.That(meta.Definition.Ownership, Is.EqualTo(ownership));
            Assert.That(meta.Definition.ObjectTypeCode, Is.EqualTo(typeCode));
            Assert.That(meta.HasColumn(primaryName), Is.True);
        });
    }

    // accountleads_association: IntersectEntityName accountleads (account reference page, Many-To-Many).
    [Test]
    public void accountleads_association_joins_accounts_and_leads_through_accountleads()
    {
        var env = new DataverseEmulator();
        var service = env.SystemService;
        var account = service.Create(new Entity("account") { ["name"] = "Contoso" });
        var lead = service.Create(new Entity("lead") { ["firstname"] = "Ada", ["lastname"] = "Lee" });

        service.Associate("account", account, new Relationship("accountleads_association"), [new EntityReference("lead", lead)]);

        var pair = env.Store.Rows("accountleads").Single();
        Assert.That((pair["accountid"], pair["leadid"]), Is.EqualTo(((object)account, (object)lead)));
        var linked = service.RetrieveMultiple(new QueryExpression("lead")
        {
            ColumnSet = new ColumnSet("fullname"),
            LinkEntities = { new LinkEntity("lead", "accountleads", "leadid", "leadid", JoinOperator.Inner) },
        });
        Assert.That(linked.Entities.Single()["fullname"], Is.EqualTo("Ada Lee"));
    }

    // contact_customer_accounts: ReferencingAttribute parentcustomerid, CascadeConfiguration Delete: Cascade.
    // account_primary_contact: ReferencingAttribute primarycontactid, Delete: RemoveLink.
    [Test]
    public void Deleting_an_account_deletes_its_contacts_and_deleting_a_contact_clears_the_primary_contact()
    {
        var env = new DataverseEmulator();
        var service = env.SystemService;
        var account = service.Create(new Entity("account") { ["name"] = "Contoso" });
        var child = service.Create(new Entity("contact") { ["lastname"] = "Child", ["parentcustomerid"] = new EntityReference("account", account) });
        var primary = service.Create(new Entity("contact") { ["lastname"] = "Primary" });
        var other = service.Create(new Entity("account") { ["name"] = "Fabrikam", ["primarycontactid"] = new EntityReference("contact", primary) });

        service.Delete("contact", primary);
        service.Delete("account", account);

        Assert.Multiple(() =>
        {
            Assert.That(env.Store.Find("contact", child), Is.Null, "contact_customer_accounts cascades the delete");
            Assert.That(service.Retrieve("account", other, new ColumnSet("primarycontactid")).Contains("primarycontactid"), Is.False, "account_primary_contact removes the link");
        });
    }

    // Contact_Annotation: ReferencingEntity annotation, ReferencingAttribute objectid.
    [Test]
    public void Contact_Annotation_sets_the_note_objectid_and_the_note_goes_with_the_contact()
    {
        var env = new DataverseEmulator();
        var service = env.SystemService;
        var contact = service.Create(new Entity("contact") { ["lastname"] = "Lee" });
        var note = service.Create(new Entity("annotation") { ["subject"] = "Call back", ["notetext"] = "Tuesday" });

        service.Associate("contact", contact, new Relationship("Contact_Annotation"), [new EntityReference("annotation", note)]);

        Assert.That(service.Retrieve("annotation", note, new ColumnSet("objectid")).GetAttributeValue<EntityReference>("objectid")!.Id, Is.EqualTo(contact));
        service.Delete("contact", contact);
        Assert.That(env.Store.Find("annotation", note), Is.Null);
    }

    [Test]
    public void A_lead_gets_its_fullname_from_first_and_last_name()
    {
        var service = new DataverseEmulator().SystemService;

        var lead = service.Create(new Entity("lead") { ["firstname"] = "Ada", ["lastname"] = "Lee" });

        Assert.That(service.Retrieve("lead", lead, new ColumnSet("fullname"))["fullname"], Is.EqualTo("Ada Lee"));
    }
}
