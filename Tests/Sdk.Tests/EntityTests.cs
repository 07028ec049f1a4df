using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Rapport.Sdk.Tests;

/// <summary>The Entity behaviours plugins and the emulator rely on, as the real SDK has them.</summary>
[TestFixture]
public sealed class EntityTests
{
    private static readonly Guid AccountId = new("6f1b3c1e-0000-4000-8000-000000000001");

    [Test]
    public void Constructors_set_name_id_and_keys()
    {
        var byId = new Entity("account", AccountId);
        var byKey = new Entity("account", "accountnumber", "A-1");
        var byKeys = new Entity("account", new KeyAttributeCollection { { "accountnumber", "A-2" } });

        Assert.Multiple(() =>
        {
            Assert.That(new Entity("account").LogicalName, Is.EqualTo("account"));
            Assert.That(new Entity("account").Id, Is.EqualTo(Guid.Empty));
            Assert.That(byId.Id, Is.EqualTo(AccountId));
            Assert.That(byKey.KeyAttributes["accountnumber"], Is.EqualTo("A-1"));
            Assert.That(byKey.Id, Is.EqualTo(Guid.Empty));
            Assert.That(byKeys.KeyAttributes["accountnumber"], Is.EqualTo("A-2"));
        });
    }

    [Test]
    public void Setting_Id_does_not_add_the_primary_key_column_and_the_column_does_not_set_Id()
    {
        var entity = new Entity("account") { Id = AccountId };
        var other = new Entity("account");
        other["accountid"] = AccountId;

        Assert.Multiple(() =>
        {
            Assert.That(entity.Contains("accountid"), Is.False);
            Assert.That(other.Id, Is.EqualTo(Guid.Empty));
        });
    }

    [Test]
    public void Indexer_throws_the_framework_KeyNotFoundException_for_a_missing_column()
    {
        var entity = new Entity("account");

        var error = Assert.Throws<KeyNotFoundException>(() => _ = entity["name"]);

        Assert.That(error!.Message, Is.EqualTo("The given key was not present in the dictionary."));
    }

    [Test]
    public void Indexer_set_and_Attributes_are_the_same_store()
    {
        var entity = new Entity("account");
        entity["name"] = "Contoso";
        entity.Attributes["telephone1"] = null;

        Assert.Multiple(() =>
        {
            Assert.That(entity.Attributes["name"], Is.EqualTo("Contoso"));
            Assert.That(entity["telephone1"], Is.Null);
            Assert.That(entity.Contains("telephone1"), Is.True, "a null value is still a column the caller set");
            Assert.That(entity.Attributes, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Attribute_names_are_case_sensitive()
    {
        var entity = new Entity("account");
        entity["name"] = "Contoso";

        Assert.Multiple(() =>
        {
            Assert.That(entity.Contains("Name"), Is.False);
            Assert.That(entity.GetAttributeValue<string>("NAME"), Is.Null);
        });
    }

    [Test]
    public void GetAttributeValue_returns_default_for_a_missing_or_null_column()
    {
        var entity = new Entity("account");
        entity["numberofemployees"] = null;

        Assert.Multiple(() =>
        {
            Assert.That(entity.GetAttributeValue<string>("name"), Is.Null);
            Assert.That(entity.GetAttributeValue<int>("numberofemployees"), Is.Zero);
            Assert.That(entity.GetAttributeValue<int?>("numberofemployees"), Is.Null);
            Assert.That(entity.GetAttributeValue<Money>("revenue"), Is.Null);
            Assert.That(entity.GetAttributeValue<Guid>("parentaccountid"), Is.EqualTo(Guid.Empty));
        });
    }

    [Test]
    public void GetAttributeValue_casts_and_throws_for_the_wrong_type()
    {
        var entity = new Entity("account");
        entity["revenue"] = new Money(12.5m);

        Assert.Multiple(() =>
        {
            Assert.That(entity.GetAttributeValue<Money>("revenue")!.Value, Is.EqualTo(12.5m));
            Assert.Throws<InvalidCastException>(() => entity.GetAttributeValue<OptionSetValue>("revenue"));
        });
    }

    [Test]
    public void GetAttributeValue_does_not_unwrap_AliasedValue()
    {
        var entity = new Entity("account");
        entity["c.fullname"] = new AliasedValue("contact", "fullname", "Ada");

        Assert.Multiple(() =>
        {
            Assert.That(entity.GetAttributeValue<AliasedValue>("c.fullname")!.Value, Is.EqualTo("Ada"));
            Assert.Throws<InvalidCastException>(() => entity.GetAttributeValue<string>("c.fullname"));
        });
    }

    [Test]
    public void TryGetAttributeValue_reports_presence_and_type()
    {
        var entity = new Entity("account");
        entity["name"] = "Contoso";

        Assert.Multiple(() =>
        {
            Assert.That(entity.TryGetAttributeValue<string>("name", out var name), Is.True);
            Assert.That(name, Is.EqualTo("Contoso"));
            Assert.That(entity.TryGetAttributeValue<int>("name", out _), Is.False);
            Assert.That(entity.TryGetAttributeValue<string>("missing", out _), Is.False);
        });
    }

    [Test]
    public void Contains_rejects_an_empty_name()
    {
        Assert.Throws<ArgumentNullException>(() => new Entity("account").Contains(" "));
    }

    [Test]
    public void ToEntityReference_carries_name_id_and_keys()
    {
        var entity = new Entity("account", "accountnumber", "A-1") { Id = AccountId };

        var reference = entity.ToEntityReference();

        Assert.Multiple(() =>
        {
            Assert.That(reference.LogicalName, Is.EqualTo("account"));
            Assert.That(reference.Id, Is.EqualTo(AccountId));
            Assert.That(reference.KeyAttributes["accountnumber"], Is.EqualTo("A-1"));
            Assert.Throws<NotSupportedException>(() => new Entity().ToEntityReference());
        });
    }

    [Test]
    public void ToEntity_makes_a_shallow_copy()
    {
        var entity = new Entity("account", AccountId);
        entity["name"] = "Contoso";

        var copy = entity.ToEntity<Entity>();

        Assert.Multiple(() =>
        {
            Assert.That(copy, Is.Not.SameAs(entity));
            Assert.That(copy.Id, Is.EqualTo(AccountId));
            Assert.That(copy.Attributes, Is.SameAs(entity.Attributes));
        });
    }

    [Test]
    public void Collections_exist_on_a_new_entity()
    {
        var entity = new Entity();

        Assert.Multiple(() =>
        {
            Assert.That(entity.Attributes, Is.Empty);
            Assert.That(entity.FormattedValues, Is.Empty);
            Assert.That(entity.KeyAttributes, Is.Empty);
            Assert.That(entity.RelatedEntities, Is.Empty);
            Assert.That(entity.EntityState, Is.Null);
        });
    }
}
