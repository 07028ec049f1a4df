using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Metadata;

/// <summary>
/// A table's metadata in the SDK's shape, as RetrieveEntity returns it
/// (learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.retrieveentityrequest): display names, descriptions
/// and option labels as <see cref="Label"/>s with one <see cref="LocalizedLabel"/> per language (1033 from the
/// declarations, others from <see cref="Translations"/>) and UserLocalizedLabel in the caller's language (1033 here).
/// Members the SDK keeps read-only (Attributes, AttributeType of a Customer/Owner lookup, EntityLogicalName, …) are
/// set by reflection, as a service filling them from its wire format does.
/// </summary>
internal static class SdkMetadataBuilder
{
    public static EntityMetadata Build(TableMetadata table, Translations translations, bool withAttributes)
    {
        var definition = table.Definition;
        var entity = new EntityMetadata
        {
            LogicalName = definition.LogicalName,
            SchemaName = definition.LogicalName,
            DisplayName = Label(definition.DisplayName, translations.For(definition.LogicalName, null)),
            DisplayCollectionName = Label(definition.PluralName, new Dictionary<int, string>()),
            Description = Label(definition.Description, new Dictionary<int, string>()),
            OwnershipType = definition.Ownership switch
            {
                Ownership.UserOwned => OwnershipTypes.UserOwned,
                Ownership.OrganizationOwned => OwnershipTypes.OrganizationOwned,
                _ => OwnershipTypes.None,
            },
            EntitySetName = definition.EntitySetName ?? string.Empty,
        };
        SetInternal(entity, nameof(EntityMetadata.PrimaryIdAttribute), definition.PrimaryIdAttribute);
        SetInternal(entity, nameof(EntityMetadata.PrimaryNameAttribute), definition.PrimaryNameAttribute);
        SetInternal(entity, nameof(EntityMetadata.ObjectTypeCode), definition.ObjectTypeCode);
        SetInternal(entity, nameof(EntityMetadata.IsCustomEntity), (bool?)definition.IsCustom);
        if (withAttributes)
        {
            SetInternal(entity, nameof(EntityMetadata.Attributes), table.Columns.OrderBy(c => c.LogicalName, StringComparer.Ordinal).Select(c => Attribute(table, c, translations)).ToArray());
        }

        return entity;
    }

    private static AttributeMetadata Attribute(TableMetadata table, ColumnDefinition column, Translations translations)
    {
        var name = column.LogicalName;
        Label OptionLabel(int value, string text) => Label(text, translations.For(table.LogicalName, name, value));
        AttributeMetadata attribute = column.Type switch
        {
            ColumnType.String => new StringAttributeMetadata { MaxLength = column.MaxLength },
            ColumnType.Memo => new MemoAttributeMetadata { MaxLength = column.MaxLength },
            ColumnType.Integer => new IntegerAttributeMetadata(),
            ColumnType.BigInt => new BigIntAttributeMetadata(),
            ColumnType.Decimal => new DecimalAttributeMetadata { Precision = column.Precision },
            ColumnType.Double => new DoubleAttributeMetadata { Precision = column.Precision },
            // Standard money columns take the currency's precision (PrecisionSource 2), 2 by default.
            ColumnType.Money => new MoneyAttributeMetadata { Precision = 2, PrecisionSource = 2 },
            ColumnType.DateTime => new DateTimeAttributeMetadata(column.DateOnly ? DateTimeFormat.DateOnly : DateTimeFormat.DateAndTime),
            ColumnType.Boolean => new BooleanAttributeMetadata(new BooleanOptionSetMetadata(
                new OptionMetadata(OptionLabel(1, OptionText(column, 1) ?? "Yes"), 1),
                new OptionMetadata(OptionLabel(0, OptionText(column, 0) ?? "No"), 0))),
            ColumnType.Picklist => new PicklistAttributeMetadata { OptionSet = Options(column, OptionLabel, OptionSetType.Picklist) },
            ColumnType.State => new StateAttributeMetadata { OptionSet = States(table, OptionLabel) },
            ColumnType.Status => new StatusAttributeMetadata { OptionSet = Statuses(table, OptionLabel) },
            ColumnType.EntityName => new EntityNameAttributeMetadata(),
            ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => new LookupAttributeMetadata { Targets = column.Targets.ToArray() },
            ColumnType.Uniqueidentifier => new UniqueIdentifierAttributeMetadata(),
            _ => new AttributeMetadata(),
        };
        attribute.LogicalName = name;
        attribute.SchemaName = name;
        attribute.DisplayName = Label(column.DisplayName, translations.For(table.LogicalName, name));
        attribute.Description = Label(column.Description, new Dictionary<int, string>());
        var code = column.Type switch
        {
            ColumnType.Customer => AttributeTypeCode.Customer,
            ColumnType.Owner => AttributeTypeCode.Owner,
            ColumnType.PartyList => AttributeTypeCode.PartyList,
            ColumnType.MultiSelectPicklist => AttributeTypeCode.Virtual,
            _ => attribute.AttributeType,
        };
        SetInternal(attribute, nameof(AttributeMetadata.AttributeType), code);
        SetInternal(attribute, nameof(AttributeMetadata.EntityLogicalName), table.LogicalName);
        SetInternal(attribute, nameof(AttributeMetadata.IsPrimaryId), (bool?)(name == table.PrimaryIdAttribute));
        SetInternal(attribute, nameof(AttributeMetadata.IsPrimaryName), (bool?)(name == table.PrimaryNameAttribute));
        SetInternal(attribute, nameof(AttributeMetadata.IsValidForRead), (bool?)true);
        return attribute;
    }

    private static string? OptionText(ColumnDefinition column, int value) => column.OptionSet?.Options.FirstOrDefault(o => o.Value == value)?.Label;

    private static OptionSetMetadata Options(ColumnDefinition column, Func<int, string, Label> label, OptionSetType type)
    {
        var set = new OptionSetMetadata
        {
            Name = column.OptionSet?.Name ?? column.LogicalName,
            IsGlobal = column.OptionSet?.IsGlobal ?? false,
            OptionSetType = type,
        };
        foreach (var option in column.OptionSet?.Options ?? [])
        {
            set.Options.Add(new OptionMetadata(label(option.Value, option.Label), option.Value));
        }

        return set;
    }

    private static OptionSetMetadata States(TableMetadata table, Func<int, string, Label> label)
    {
        var set = new OptionSetMetadata { Name = table.LogicalName + "_statecode", IsGlobal = false, OptionSetType = OptionSetType.State };
        foreach (var state in table.Definition.States)
        {
            set.Options.Add(new StateOptionMetadata { Value = state.Value, Label = label(state.Value, state.Label), DefaultStatus = state.Statuses.FirstOrDefault()?.Value, InvariantName = state.Label });
        }

        return set;
    }

    private static OptionSetMetadata Statuses(TableMetadata table, Func<int, string, Label> label)
    {
        var set = new OptionSetMetadata { Name = table.LogicalName + "_statuscode", IsGlobal = false, OptionSetType = OptionSetType.Status };
        foreach (var state in table.Definition.States)
        {
            foreach (var status in state.Statuses)
            {
                set.Options.Add(new StatusOptionMetadata(status.Value, state.Value) { Label = label(status.Value, status.Label) });
            }
        }

        return set;
    }

    /// <summary>The base language's label first, then the translations; UserLocalizedLabel is the base language's.</summary>
    private static Label Label(string text, IReadOnlyDictionary<int, string> translations)
    {
        var labels = new List<LocalizedLabel>();
        if (!string.IsNullOrEmpty(text))
        {
            labels.Add(new LocalizedLabel(text, Translations.BaseLanguage));
        }

        labels.AddRange(translations.Select(t => new LocalizedLabel(t.Value, t.Key)));
        return new Label(labels.Count > 0 && labels[0].LanguageCode == Translations.BaseLanguage ? labels[0] : null!, labels.ToArray());
    }

    private static void SetInternal(object target, string property, object? value) =>
        target.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(target, value);
}
