using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

public class Entity : IExtensibleDataObject
{
    private AttributeCollection? _attributes;
    private FormattedValueCollection? _formattedValues;
    private RelatedEntityCollection? _relatedEntities;
    private KeyAttributeCollection? _keyAttributes;

    public Entity()
    {
    }

    public Entity(string entityName)
    {
        LogicalName = entityName;
    }

    public Entity(string entityName, Guid id)
    {
        LogicalName = entityName;
        Id = id;
    }

    public Entity(string entityName, string keyName, object keyValue)
    {
        LogicalName = entityName;
        KeyAttributes[keyName] = keyValue;
    }

    public Entity(string entityName, KeyAttributeCollection keyAttributes)
    {
        LogicalName = entityName;
        KeyAttributes = keyAttributes;
    }

    // Null only on an Entity built with the parameterless constructor.
    public string LogicalName { get; set; } = null!;

    // Virtual because early-bound classes override it; the base does not touch Attributes["<name>id"].
    public virtual Guid Id { get; set; }

    public AttributeCollection Attributes
    {
        get => _attributes ??= new AttributeCollection();
        set => _attributes = value;
    }

    public EntityState? EntityState { get; set; }

    public FormattedValueCollection FormattedValues => _formattedValues ??= new FormattedValueCollection();

    public RelatedEntityCollection RelatedEntities => _relatedEntities ??= new RelatedEntityCollection();

    public string? RowVersion { get; set; }

    public KeyAttributeCollection KeyAttributes
    {
        get => _keyAttributes ??= new KeyAttributeCollection();
        set => _keyAttributes = value;
    }

    public ExtensionDataObject? ExtensionData { get; set; }

    // Throws KeyNotFoundException for a missing column, like the real indexer.
    public object? this[string attributeName]
    {
        get => Attributes[attributeName];
        set => Attributes[attributeName] = value;
    }

    public bool Contains(string attributeName)
    {
        if (string.IsNullOrWhiteSpace(attributeName))
        {
            throw new ArgumentNullException(nameof(attributeName));
        }

        return Attributes.Contains(attributeName);
    }

    // Missing or null gives default(T); a value of another type throws InvalidCastException.
    // AliasedValue is not unwrapped, as in the real SDK.
    public virtual T? GetAttributeValue<T>(string attributeLogicalName)
    {
        if (string.IsNullOrWhiteSpace(attributeLogicalName))
        {
            throw new ArgumentNullException(nameof(attributeLogicalName));
        }

        return Attributes.TryGetValue(attributeLogicalName, out var value) && value is not null ? (T)value : default;
    }

    public bool TryGetAttributeValue<T>(string attributeKey, out T result)
    {
        if (Attributes.TryGetValue(attributeKey, out var value) && value is T typed)
        {
            result = typed;
            return true;
        }

        result = default!;
        return false;
    }

    public EntityReference ToEntityReference()
    {
        if (string.IsNullOrEmpty(LogicalName))
        {
            throw new NotSupportedException("LogicalName must be set before calling ToEntityReference()");
        }

        return new EntityReference(LogicalName, Id) { KeyAttributes = KeyAttributes, RowVersion = RowVersion };
    }

    // Shallow copy into T, sharing the collections, as the real method does.
    public T ToEntity<T>()
        where T : Entity
    {
        if (typeof(T) == typeof(Entity))
        {
            var copy = new Entity();
            ShallowCopyTo(copy);
            return (T)copy;
        }

        var target = (T)Activator.CreateInstance(typeof(T))!;
        if (!string.IsNullOrEmpty(target.LogicalName) && !string.IsNullOrEmpty(LogicalName)
            && !string.Equals(target.LogicalName, LogicalName, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Cannot convert entity {LogicalName} to {typeof(T).Name}.");
        }

        ShallowCopyTo(target);
        return target;
    }

    protected virtual void SetAttributeValue(string attributeLogicalName, object? value)
    {
        if (string.IsNullOrWhiteSpace(attributeLogicalName))
        {
            throw new ArgumentNullException(nameof(attributeLogicalName));
        }

        Attributes[attributeLogicalName] = value;
    }

    protected virtual string? GetFormattedAttributeValue(string attributeLogicalName)
    {
        if (string.IsNullOrWhiteSpace(attributeLogicalName))
        {
            throw new ArgumentNullException(nameof(attributeLogicalName));
        }

        return FormattedValues.TryGetValue(attributeLogicalName, out var value) ? value : null;
    }

    private void ShallowCopyTo(Entity target)
    {
        if (string.IsNullOrEmpty(target.LogicalName))
        {
            target.LogicalName = LogicalName;
        }

        target.Id = Id;
        target.Attributes = Attributes;
        target.EntityState = EntityState;
        target._formattedValues = FormattedValues;
        target._relatedEntities = RelatedEntities;
        target.KeyAttributes = KeyAttributes;
        target.RowVersion = RowVersion;
        target.ExtensionData = ExtensionData;
    }
}
