namespace Microsoft.Xrm.Sdk.Metadata;

// A subset of the real members. The parameterless constructor leaves AttributeType null; each subtype's sets its code.
public class AttributeMetadata : MetadataBase
{
    public AttributeMetadata()
    {
    }

    protected AttributeMetadata(AttributeTypeCode attributeType)
    {
        AttributeType = attributeType;
    }

    protected AttributeMetadata(AttributeTypeCode attributeType, string schemaName)
        : this(attributeType)
    {
        SchemaName = schemaName;
    }

    public string AttributeOf { get; internal set; } = null!;

    public AttributeTypeCode? AttributeType { get; internal set; }

    public Label? Description { get; set; }

    public Label? DisplayName { get; set; }

    public string EntityLogicalName { get; internal set; } = null!;

    public bool? IsCustomAttribute { get; internal set; }

    public bool? IsPrimaryId { get; internal set; }

    public bool? IsPrimaryName { get; internal set; }

    public bool? IsValidForCreate { get; set; }

    public bool? IsValidForRead { get; internal set; }

    public bool? IsValidForUpdate { get; set; }

    public string LogicalName { get; set; } = null!;

    public string SchemaName { get; set; } = null!;
}

public sealed class StringAttributeMetadata : AttributeMetadata
{
    public const int MinSupportedLength = 1;
    public const int MaxSupportedLength = 4000;

    public StringAttributeMetadata()
        : this(null!)
    {
    }

    public StringAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.String, schemaName)
    {
    }

    public StringFormat? Format { get; set; }

    public int? MaxLength { get; set; }
}

public sealed class MemoAttributeMetadata : AttributeMetadata
{
    public const int MinSupportedLength = 1;
    public const int MaxSupportedLength = 1048576;

    public MemoAttributeMetadata()
        : this(null!)
    {
    }

    public MemoAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.Memo, schemaName)
    {
    }

    public StringFormat? Format { get; set; }

    public int? MaxLength { get; set; }
}

public sealed class IntegerAttributeMetadata : AttributeMetadata
{
    public const int MinSupportedValue = int.MinValue;
    public const int MaxSupportedValue = int.MaxValue;

    public IntegerAttributeMetadata()
        : this(null!)
    {
    }

    public IntegerAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.Integer, schemaName)
    {
    }

    public IntegerFormat? Format { get; set; }

    public int? MaxValue { get; set; }

    public int? MinValue { get; set; }
}

public sealed class BigIntAttributeMetadata : AttributeMetadata
{
    public const long MinSupportedValue = long.MinValue;
    public const long MaxSupportedValue = long.MaxValue;

    public BigIntAttributeMetadata()
        : this(null!)
    {
    }

    public BigIntAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.BigInt, schemaName)
    {
    }

    public long? MaxValue { get; internal set; }

    public long? MinValue { get; internal set; }
}

public sealed class DecimalAttributeMetadata : AttributeMetadata
{
    public const double MinSupportedValue = -100000000000;
    public const double MaxSupportedValue = 100000000000;
    public const int MinSupportedPrecision = 0;
    public const int MaxSupportedPrecision = 10;

    public DecimalAttributeMetadata()
        : this(null!)
    {
    }

    public DecimalAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.Decimal, schemaName)
    {
    }

    public decimal? MaxValue { get; set; }

    public decimal? MinValue { get; set; }

    public int? Precision { get; set; }
}

public sealed class DoubleAttributeMetadata : AttributeMetadata
{
    public const double MinSupportedValue = -100000000000;
    public const double MaxSupportedValue = 100000000000;
    public const int MinSupportedPrecision = 0;
    public const int MaxSupportedPrecision = 5;

    public DoubleAttributeMetadata()
        : this(null!)
    {
    }

    public DoubleAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.Double, schemaName)
    {
    }

    public double? MaxValue { get; set; }

    public double? MinValue { get; set; }

    public int? Precision { get; set; }
}

public sealed class MoneyAttributeMetadata : AttributeMetadata
{
    public const double MinSupportedValue = -922337203685477;
    public const double MaxSupportedValue = 922337203685477;
    public const int MinSupportedPrecision = 0;
    public const int MaxSupportedPrecision = 4;
    public const int MaxSupportedPrecisionAfterCurrencyConversion = 10;

    public MoneyAttributeMetadata()
        : this(null!)
    {
    }

    public MoneyAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.Money, schemaName)
    {
    }

    public double? MaxValue { get; set; }

    public double? MinValue { get; set; }

    public int? Precision { get; set; }

    public int? PrecisionSource { get; set; }
}

public sealed class DateTimeAttributeMetadata : AttributeMetadata
{
    public DateTimeAttributeMetadata()
        : this(null)
    {
    }

    public DateTimeAttributeMetadata(DateTimeFormat? format)
        : this(format, null!)
    {
    }

    public DateTimeAttributeMetadata(DateTimeFormat? format, string schemaName)
        : base(AttributeTypeCode.DateTime, schemaName)
    {
        Format = format;
    }

    public DateTimeFormat? Format { get; set; }
}

public sealed class LookupAttributeMetadata : AttributeMetadata
{
    // The real type's code is Lookup; the service sets Customer/Owner on the columns of those kinds.
    public LookupAttributeMetadata()
        : base(AttributeTypeCode.Lookup)
    {
    }

    public string[] Targets { get; set; } = null!;
}

public sealed class UniqueIdentifierAttributeMetadata : AttributeMetadata
{
    public UniqueIdentifierAttributeMetadata()
        : this(null!)
    {
    }

    public UniqueIdentifierAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.Uniqueidentifier, schemaName)
    {
    }
}

public sealed class BooleanAttributeMetadata : AttributeMetadata
{
    public BooleanAttributeMetadata()
        : this(null!, null!)
    {
    }

    public BooleanAttributeMetadata(string schemaName)
        : this(schemaName, null!)
    {
    }

    public BooleanAttributeMetadata(BooleanOptionSetMetadata optionSet)
        : this(null!, optionSet)
    {
    }

    public BooleanAttributeMetadata(string schemaName, BooleanOptionSetMetadata optionSet)
        : base(AttributeTypeCode.Boolean, schemaName)
    {
        OptionSet = optionSet;
    }

    public bool? DefaultValue { get; set; }

    public BooleanOptionSetMetadata? OptionSet { get; set; }
}

public abstract class EnumAttributeMetadata : AttributeMetadata
{
    protected EnumAttributeMetadata()
    {
    }

    protected EnumAttributeMetadata(AttributeTypeCode attributeType, string schemaName)
        : base(attributeType, schemaName)
    {
    }

    public int? DefaultFormValue { get; set; }

    public OptionSetMetadata? OptionSet { get; set; }
}

public sealed class PicklistAttributeMetadata : EnumAttributeMetadata
{
    public PicklistAttributeMetadata()
        : this(null!)
    {
    }

    public PicklistAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.Picklist, schemaName)
    {
    }
}

public sealed class StateAttributeMetadata : EnumAttributeMetadata
{
    public StateAttributeMetadata()
        : base(AttributeTypeCode.State, null!)
    {
    }
}

public sealed class StatusAttributeMetadata : EnumAttributeMetadata
{
    public StatusAttributeMetadata()
        : base(AttributeTypeCode.Status, null!)
    {
    }
}

public sealed class EntityNameAttributeMetadata : EnumAttributeMetadata
{
    public EntityNameAttributeMetadata()
        : this(null!)
    {
    }

    public EntityNameAttributeMetadata(string schemaName)
        : base(AttributeTypeCode.EntityName, schemaName)
    {
    }
}
