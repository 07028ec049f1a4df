using System;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;

namespace Rapport.Sdk.Tests;

/// <summary>
/// The metadata surface the feed reads (labels, RetrieveEntity) has the real SDK's namespaces, values, read-only
/// members and constructor behaviour: learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.metadata,
/// learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.label and
/// learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.retrieveentityrequest; enum values and constructor
/// bodies as compiled in Microsoft.Xrm.Sdk 9.0.2.56.
/// </summary>
[TestFixture]
public sealed class MetadataContractTests
{
    [Test]
    public void RetrieveEntityRequest_sets_all_four_parameters_like_the_real_constructor()
    {
        var request = new RetrieveEntityRequest();

        Assert.Multiple(() =>
        {
            Assert.That(request.RequestName, Is.EqualTo("RetrieveEntity"));
            Assert.That(request.Parameters.Keys.OrderBy(k => k, StringComparer.Ordinal), Is.EqualTo(new[] { "EntityFilters", "MetadataId", "RetrieveAsIfPublished" }));
            Assert.That(request.Parameters["EntityFilters"], Is.EqualTo((EntityFilters)0));
            Assert.That(request.Parameters["MetadataId"], Is.EqualTo(Guid.Empty));
            Assert.That(request.Parameters["RetrieveAsIfPublished"], Is.EqualTo(false));
            Assert.That(typeof(RetrieveEntityRequest).Namespace, Is.EqualTo("Microsoft.Xrm.Sdk.Messages"));
        });
    }

    // learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.metadata.entityfilters: a flags enum, Default = Entity.
    [Test]
    public void EntityFilters_is_the_documented_flags_enum()
    {
        Assert.Multiple(() =>
        {
            Assert.That(typeof(EntityFilters).GetCustomAttribute<FlagsAttribute>(), Is.Not.Null);
            Assert.That(new[] { EntityFilters.Entity, EntityFilters.Default, EntityFilters.Attributes, EntityFilters.Privileges, EntityFilters.Relationships, EntityFilters.All }.Select(f => (int)f),
                Is.EqualTo(new[] { 1, 1, 2, 4, 8, 15 }));
            Assert.That((int)AttributeTypeCode.Picklist, Is.EqualTo(11));
            Assert.That((int)AttributeTypeCode.EntityName, Is.EqualTo(20));
            Assert.That((int)OptionSetType.Boolean, Is.EqualTo(3));
            Assert.That((int)OwnershipTypes.OrganizationOwned, Is.EqualTo(8));
        });
    }

    [Test]
    public void Label_from_text_holds_one_localized_label_and_no_user_label()
    {
        var label = new Label("Email", 1033);

        Assert.Multiple(() =>
        {
            Assert.That(label.LocalizedLabels.Select(l => (l.Label, l.LanguageCode)), Is.EqualTo(new[] { ("Email", 1033) }));
            Assert.That(label.UserLocalizedLabel, Is.Null, "the real constructor leaves UserLocalizedLabel unset");
            Assert.That(new Label().LocalizedLabels, Is.Empty, "created on first read");
            Assert.That(typeof(LocalizedLabel).BaseType, Is.EqualTo(typeof(MetadataBase)));
        });
    }

    [TestCase(typeof(EntityMetadata), nameof(EntityMetadata.Attributes))]
    [TestCase(typeof(EntityMetadata), nameof(EntityMetadata.PrimaryNameAttribute))]
    [TestCase(typeof(EntityMetadata), nameof(EntityMetadata.ObjectTypeCode))]
    [TestCase(typeof(AttributeMetadata), nameof(AttributeMetadata.AttributeType))]
    [TestCase(typeof(AttributeMetadata), nameof(AttributeMetadata.EntityLogicalName))]
    [TestCase(typeof(AttributeMetadata), nameof(AttributeMetadata.IsPrimaryName))]
    [TestCase(typeof(OptionSetMetadata), nameof(OptionSetMetadata.Options))]
    [TestCase(typeof(Label), nameof(Label.LocalizedLabels))]
    [TestCase(typeof(RetrieveEntityResponse), nameof(RetrieveEntityResponse.EntityMetadata))]
    public void Members_read_only_in_the_real_SDK_have_no_public_setter(Type type, string property)
    {
        var setter = type.GetProperty(property)!.SetMethod;

        Assert.That(setter is null || !setter.IsPublic, Is.True, $"{type.Name}.{property} has no public setter in Microsoft.Xrm.Sdk");
    }

    [Test]
    public void Each_attribute_subtype_carries_its_type_code_and_the_base_constructor_none()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new AttributeMetadata().AttributeType, Is.Null);
            Assert.That(new StringAttributeMetadata().AttributeType, Is.EqualTo(AttributeTypeCode.String));
            Assert.That(new PicklistAttributeMetadata().AttributeType, Is.EqualTo(AttributeTypeCode.Picklist));
            Assert.That(new StateAttributeMetadata().AttributeType, Is.EqualTo(AttributeTypeCode.State));
            Assert.That(new StatusAttributeMetadata().AttributeType, Is.EqualTo(AttributeTypeCode.Status));
            Assert.That(new BooleanAttributeMetadata().AttributeType, Is.EqualTo(AttributeTypeCode.Boolean));
            Assert.That(new LookupAttributeMetadata().AttributeType, Is.EqualTo(AttributeTypeCode.Lookup));
            Assert.That(new MoneyAttributeMetadata().AttributeType, Is.EqualTo(AttributeTypeCode.Money));
            Assert.That(new DateTimeAttributeMetadata(DateTimeFormat.DateOnly).Format, Is.EqualTo(DateTimeFormat.DateOnly));
            Assert.That(typeof(EnumAttributeMetadata).IsAbstract, Is.True);
            Assert.That(typeof(PicklistAttributeMetadata).BaseType, Is.EqualTo(typeof(EnumAttributeMetadata)));
            Assert.That(new StatusOptionMetadata(3, 1).State, Is.EqualTo(1));
        });
    }
}
