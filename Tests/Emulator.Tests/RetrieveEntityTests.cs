using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;

namespace Rapport.Emulator.Tests;

/// <summary>
/// RetrieveEntity (learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.retrieveentityrequest) answers from the
/// table metadata with the display names and choice labels Microsoft's table reference documents:
/// https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/contact (EMailAddress1 "Email",
/// GenderCode "Gender": 1 Male, 2 Female; DoNotEMail "Do not allow Emails": 0 Allow, 1 Do Not Allow; StateCode "Status":
/// 0 Active, 1 Inactive; StatusCode "Status Reason"), …/entities/opportunity (EstimatedValue "Est. Revenue", Name "Topic").
/// </summary>
public sealed class RetrieveEntityTests
{
    private static EntityMetadata Retrieve(DataverseEmulator env, string table, EntityFilters filters = EntityFilters.Attributes) =>
        ((RetrieveEntityResponse)env.SystemService.Execute(new RetrieveEntityRequest { LogicalName = table, EntityFilters = filters })).EntityMetadata;

    private static string Base(Label? label) => label!.LocalizedLabels.Single(l => l.LanguageCode == 1033).Label;

    [Test]
    public void The_contact_table_has_its_documented_display_names_and_choice_labels()
    {
        var contact = Retrieve(new DataverseEmulator(), "contact");
        AttributeMetadata Column(string name) => contact.Attributes.Single(a => a.LogicalName == name);

        Assert.Multiple(() =>
        {
            Assert.That(Base(contact.DisplayName), Is.EqualTo("Contact"));
            Assert.That(contact.PrimaryNameAttribute, Is.EqualTo("fullname"));
            Assert.That(contact.ObjectTypeCode, Is.EqualTo(2));
            Assert.That(Base(Column("emailaddress1").DisplayName), Is.EqualTo("Email"));
            Assert.That(Column("emailaddress1"), Is.TypeOf<StringAttributeMetadata>());
            Assert.That(Column("emailaddress1").EntityLogicalName, Is.EqualTo("contact"));
            var gender = (PicklistAttributeMetadata)Column("gendercode");
            Assert.That(Base(gender.DisplayName), Is.EqualTo("Gender"));
            Assert.That(gender.OptionSet!.Options.Select(o => (o.Value, Base(o.Label))), Is.EqualTo(new[] { ((int?)1, "Male"), (2, "Female") }));
            var doNotEmail = (BooleanAttributeMetadata)Column("donotemail");
            Assert.That((Base(doNotEmail.OptionSet!.TrueOption!.Label), Base(doNotEmail.OptionSet.FalseOption!.Label)), Is.EqualTo(("Do Not Allow", "Allow")));
            var state = (StateAttributeMetadata)Column("statecode");
            Assert.That(Base(state.DisplayName), Is.EqualTo("Status"));
            Assert.That(state.OptionSet!.Options.Select(o => Base(o.Label)), Is.EqualTo(new[] { "Active", "Inactive" }));
            Assert.That(Base(Column("statuscode").DisplayName), Is.EqualTo("Status Reason"));
            Assert.That(((StatusOptionMetadata)((StatusAttributeMetadata)Column("statuscode")).OptionSet!.Options[1]).State, Is.EqualTo(1));
            var company = (LookupAttributeMetadata)Column("parentcustomerid");
            Assert.That((Base(company.DisplayName), company.AttributeType, company.Targets), Is.EqualTo(("Company Name", (AttributeTypeCode?)AttributeTypeCode.Customer, new[] { "account", "contact" })));
            Assert.That(Column("ownerid").AttributeType, Is.EqualTo(AttributeTypeCode.Owner));
            Assert.That(((DateTimeAttributeMetadata)Column("birthdate")).Format, Is.EqualTo(DateTimeFormat.DateOnly));
        });
    }

    [Test]
    public void Opportunity_columns_carry_their_documented_labels()
    {
        var env = new DataverseEmulator(TestSolution.Definition);
        var opportunity = Retrieve(env, "opportunity");

        Assert.Multiple(() =>
        {
            Assert.That(Base(opportunity.Attributes.Single(a => a.LogicalName == "estimatedvalue").DisplayName), Is.EqualTo("Est. Revenue"));
            Assert.That(Base(opportunity.Attributes.Single(a => a.LogicalName == "name").DisplayName), Is.EqualTo("Topic"));
            Assert.That(((MoneyAttributeMetadata)opportunity.Attributes.Single(a => a.LogicalName == "estimatedvalue")).PrecisionSource, Is.EqualTo(2), "the currency's precision");
        });
    }

    [Test]
    public void Translations_add_a_localized_label_beside_the_base_language()
    {
        var env = new DataverseEmulator();
        env.Metadata.Translations.Add("contact", "emailaddress1", 1036, "Adresse e-mail");
        env.Metadata.Translations.Add("contact", "gendercode", 1036, "Femme", optionValue: 2);

        var contact = Retrieve(env, "contact");
        var email = contact.Attributes.Single(a => a.LogicalName == "emailaddress1").DisplayName!;
        var female = ((PicklistAttributeMetadata)contact.Attributes.Single(a => a.LogicalName == "gendercode")).OptionSet!.Options.Single(o => o.Value == 2).Label!;

        Assert.Multiple(() =>
        {
            Assert.That(email.LocalizedLabels.Select(l => (l.LanguageCode, l.Label)), Is.EqualTo(new[] { (1033, "Email"), (1036, "Adresse e-mail") }));
            Assert.That(email.UserLocalizedLabel!.Label, Is.EqualTo("Email"), "the caller's language (1033 here)");
            Assert.That(female.LocalizedLabels.Select(l => l.LanguageCode), Is.EqualTo(new[] { 1033, 1036 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => env.Metadata.Translations.Add("contact", "emailaddress1", 1033, "Courriel"));
        });
    }

    [Test]
    public void Entity_filter_alone_returns_no_attributes_and_an_unknown_table_is_refused()
    {
        var env = new DataverseEmulator();

        Assert.Multiple(() =>
        {
            Assert.That(Retrieve(env, "account", EntityFilters.Entity).Attributes, Is.Null);
            Assert.That(Base(Retrieve(env, "account", EntityFilters.Entity).DisplayName), Is.EqualTo("Account"));
        });
        Assert.That(env.Metrics.Count("RetrieveEntity"), Is.EqualTo(2), "each RetrieveEntity is one counted request");
        FaultAssert.Throws(env, unchecked((int)0x80041102), () => Retrieve(env, "nosuchtable"));
    }
}
