using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

public sealed class OptionSetValue : IExtensibleDataObject
{
    public OptionSetValue()
    {
    }

    public OptionSetValue(int value)
    {
        Value = value;
    }

    public int Value { get; set; }

    public ExtensionDataObject? ExtensionData { get; set; }

    public override bool Equals(object? obj) => obj is OptionSetValue other && other.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();
}

public sealed class Money : IExtensibleDataObject
{
    public Money()
    {
    }

    public Money(decimal value)
    {
        Value = value;
    }

    public decimal Value { get; set; }

    public ExtensionDataObject? ExtensionData { get; set; }

    public override bool Equals(object? obj) => obj is Money other && other.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();
}

// What a FetchXML/link-entity column comes back as; GetAttributeValue does not unwrap it.
public sealed class AliasedValue : IExtensibleDataObject
{
    public AliasedValue()
    {
    }

    public AliasedValue(string entityLogicalName, string attributeLogicalName, object? value)
    {
        EntityLogicalName = entityLogicalName;
        AttributeLogicalName = attributeLogicalName;
        Value = value;
    }

    public string? AttributeLogicalName { get; private set; }

    public string? EntityLogicalName { get; private set; }

    public object? Value { get; private set; }

    public ExtensionDataObject? ExtensionData { get; set; }
}
