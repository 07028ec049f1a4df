using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Domain.Feed;
using Rapport.Plugins.Services.Feed;

namespace Rapport.Feed.Crm.Tests;

/// <summary>
/// Auto-posts read as a person reads the form: column display names, choice labels, lookup names — the contact's
/// display names as Microsoft's table reference lists them
/// (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/contact: EMailAddress1 "Email",
/// GenderCode "Gender" with options 1 Male / 2 Female, ParentCustomerId "Company Name", DoNotEMail "Do not allow Emails" with
/// options 0 Allow / 1 Do Not Allow, BirthDate "Birthday" (date only), CreditLimit "Credit Limit"), and per language in the
/// stored change list.
/// </summary>
public sealed class AutoPostLabelTests
{
    private FeedWorld _w = null!;

    [SetUp]
    public void SetUp()
    {
        _w = new FeedWorld();
        _w.Env.SystemService.Create(new Entity("rapport_feedconfig")
        {
            ["rapport_name"] = "Contacts",
            ["rapport_table"] = "contact",
            ["rapport_trackedcolumns"] = "emailaddress1,gendercode,parentcustomerid,donotemail,birthdate,creditlimit",
            ["rapport_events"] = "update",
            ["rapport_active"] = true,
        });
    }

    private Entity LastUpdatePost() => _w.Rows("rapport_post", "rapport_event", "update").OrderBy(p => p.GetAttributeValue<DateTime>("createdon")).Last();

    private sealed record Cost(int RetrieveEntity, int RetrieveRow, int PostCreate);

    private Cost Update(Entity change)
    {
        using var scope = _w.Env.Metrics.BeginScope();
        _w.As(_w.Ana).Update(change);
        var nested = scope.Requests.Where(r => r.Depth > 1).ToList();
        TestContext.Out.WriteLine(string.Join("; ", nested));
        return new Cost(
            nested.Count(r => r.Message == "RetrieveEntity"),
            nested.Count(r => r.Message == "Retrieve" && r.Table == change.LogicalName),
            nested.Count(r => r.Message == "Create" && r.Table == "rapport_post"));
    }

    [Test]
    public void A_contact_email_change_reads_Email_set_to_the_address_in_two_requests()
    {
        var ann = _w.As(_w.Ana).Create(new Entity("contact") { ["lastname"] = "Abbot" });

        var cost = Update(new Entity("contact", ann) { ["emailaddress1"] = "ann.abbot@example.org" });

        var post = LastUpdatePost();
        var changes = AutoPostChanges.Parse(post.GetAttributeValue<string>("rapport_changes"));
        Assert.Multiple(() =>
        {
            Assert.That(post["rapport_text"], Is.EqualTo("Email set to ann.abbot@example.org"));
            Assert.That(changes.Changes.Single().Column, Is.EqualTo("emailaddress1"), "the logical name stays in the data");
            Assert.That(changes.Changes.Single().Labels, Is.EqualTo(new Dictionary<int, string> { [1033] = "Email" }));
            Assert.That(cost, Is.EqualTo(new Cost(RetrieveEntity: 1, RetrieveRow: 0, PostCreate: 1)), "metadata once + the post; no lookup to name");
        });
    }

    [Test]
    public void A_choice_change_shows_the_option_labels_in_every_language_the_metadata_has()
    {
        // A French translation imported for the column and its options (the base language stays 1033).
        var translations = _w.Env.Metadata.Translations;
        translations.Add("contact", "gendercode", 1036, "Sexe");
        translations.Add("contact", "gendercode", 1036, "Homme", optionValue: 1);
        translations.Add("contact", "gendercode", 1036, "Femme", optionValue: 2);
        var ann = _w.As(_w.Ana).Create(new Entity("contact") { ["lastname"] = "Abbot", ["gendercode"] = new OptionSetValue(1) });

        var cost = Update(new Entity("contact", ann) { ["gendercode"] = new OptionSetValue(2) });

        var post = LastUpdatePost();
        var change = AutoPostChanges.Parse(post.GetAttributeValue<string>("rapport_changes")).Changes.Single();
        Assert.Multiple(() =>
        {
            Assert.That(post["rapport_text"], Is.EqualTo("Gender changed from Male to Female"));
            Assert.That(change.Labels, Is.EqualTo(new Dictionary<int, string> { [1033] = "Gender", [1036] = "Sexe" }));
            Assert.That(change.OldLabels, Is.EqualTo(new Dictionary<int, string> { [1033] = "Male", [1036] = "Homme" }));
            Assert.That(change.NewLabels, Is.EqualTo(new Dictionary<int, string> { [1033] = "Female", [1036] = "Femme" }));
            Assert.That(post.GetAttributeValue<string>("rapport_changes"), Does.Contain("\"newLabels\":{\"1033\":\"Female\",\"1036\":\"Femme\"}"));
            Assert.That(cost, Is.EqualTo(new Cost(1, 0, 1)));
        });
    }

    [Test]
    public void A_lookup_set_without_a_name_shows_the_record_name_read_back_in_one_request()
    {
        var contoso = _w.Account("Contoso Pharmaceuticals");
        var ann = _w.As(_w.Ana).Create(new Entity("contact") { ["lastname"] = "Abbot" });

        // As the Web API's @odata.bind sends it: an id and no name.
        var cost = Update(new Entity("contact", ann) { ["parentcustomerid"] = new EntityReference("account", contoso) });

        Assert.Multiple(() =>
        {
            Assert.That(LastUpdatePost()["rapport_text"], Is.EqualTo("Company Name set to Contoso Pharmaceuticals"));
            Assert.That(cost, Is.EqualTo(new Cost(RetrieveEntity: 1, RetrieveRow: 1, PostCreate: 1)), "one read names every unnamed lookup");
        });

        var fabrikam = _w.Account("Fabrikam");
        var named = Update(new Entity("contact", ann) { ["parentcustomerid"] = new EntityReference("account", fabrikam) { Name = "Fabrikam" } });
        Assert.Multiple(() =>
        {
            Assert.That(LastUpdatePost()["rapport_text"], Is.EqualTo("Company Name changed from Contoso Pharmaceuticals to Fabrikam"));
            Assert.That(named, Is.EqualTo(new Cost(1, 0, 1)), "a named reference needs no read");
        });
    }

    [Test]
    public void Yes_no_date_and_money_columns_read_as_labels_and_base_language_formats()
    {
        var ann = _w.As(_w.Ana).Create(new Entity("contact") { ["lastname"] = "Abbot", ["donotemail"] = false });

        Update(new Entity("contact", ann) { ["donotemail"] = true, ["birthdate"] = new DateTime(1980, 3, 14), ["creditlimit"] = new Money(12_500m) });

        Assert.That(LastUpdatePost()["rapport_text"], Is.EqualTo("Do not allow Emails changed from Allow to Do Not Allow; Birthday set to 3/14/1980; Credit Limit set to 12,500.00"));
    }

    [Test]
    public void An_untracked_change_costs_no_metadata_request()
    {
        var ann = _w.As(_w.Ana).Create(new Entity("contact") { ["lastname"] = "Abbot" });

        var cost = Update(new Entity("contact", ann) { ["jobtitle"] = "Trustee" });

        Assert.That(cost, Is.EqualTo(new Cost(0, 0, 0)));
    }

    [Test]
    public void A_column_the_metadata_does_not_know_falls_back_to_its_logical_name_and_the_raw_value()
    {
        var labels = TableLabels.Retrieve(new MetadataWithoutColumns(), "contact");

        Assert.Multiple(() =>
        {
            Assert.That(labels.Column("emailaddress1"), Is.Null);
            Assert.That(labels.ColumnLanguages("emailaddress1"), Is.Null);
            Assert.That(labels.ValueLabel("gendercode", new OptionSetValue(2)), Is.Null);
            Assert.That(labels.TableName, Is.EqualTo("Contact"));
        });
    }

    /// <summary>A service whose RetrieveEntity answer lists no columns (e.g. a column added after the metadata was read).</summary>
    private sealed class MetadataWithoutColumns : IOrganizationService
    {
        public OrganizationResponse Execute(OrganizationRequest request)
        {
            Assert.That(request, Is.TypeOf<RetrieveEntityRequest>());
            var response = new RetrieveEntityResponse();
            response.Results["EntityMetadata"] = new EntityMetadata { LogicalName = "contact", DisplayName = new Label("Contact", 1033) };
            return response;
        }

        public Guid Create(Entity entity) => throw new NotSupportedException();

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => throw new NotSupportedException();

        public void Update(Entity entity) => throw new NotSupportedException();

        public void Delete(string entityName, Guid id) => throw new NotSupportedException();

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();

        public EntityCollection RetrieveMultiple(QueryBase query) => throw new NotSupportedException();
    }
}
