using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

public sealed class EntityReference : IExtensibleDataObject
{
    private KeyAttributeCollection? _keyAttributes;

    public EntityReference()
    {
    }

    public EntityReference(string logicalName)
    {
        LogicalName = logicalName;
    }

    public EntityReference(string logicalName, Guid id)
    {
        LogicalName = logicalName;
        Id = id;
    }

    public EntityReference(string logicalName, string keyName, object keyValue)
    {
        LogicalName = logicalName;
        KeyAttributes[keyName] = keyValue;
    }

    public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection)
    {
        LogicalName = logicalName;
        KeyAttributes = keyAttributeCollection;
    }

    public Guid Id { get; set; }

    // Null only on a reference built with the parameterless constructor.
    public string LogicalName { get; set; } = null!;

    public string? Name { get; set; }

    public KeyAttributeCollection KeyAttributes
    {
        get => _keyAttributes ??= new KeyAttributeCollection();
        set => _keyAttributes = value;
    }

    public string? RowVersion { get; set; }

    public ExtensionDataObject? ExtensionData { get; set; }

    // Identity is LogicalName + Id; Name, keys and row version do not take part.
    public override bool Equals(object? obj) =>
        obj is EntityReference other
        && Id == other.Id
        && string.Equals(LogicalName, other.LogicalName, StringComparison.Ordinal);

    public override int GetHashCode() => Id.GetHashCode() ^ (LogicalName?.GetHashCode() ?? 0);
}
