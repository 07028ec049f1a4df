using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk.Metadata;

public abstract class OptionSetMetadataBase : MetadataBase
{
    protected OptionSetMetadataBase()
    {
    }

    public Label? Description { get; set; }

    public Label? DisplayName { get; set; }

    public bool? IsCustomOptionSet { get; set; }

    public bool? IsGlobal { get; set; }

    public bool? IsManaged { get; internal set; }

    public string Name { get; set; } = null!;

    public OptionSetType? OptionSetType { get; set; }
}

public sealed class OptionSetMetadata : OptionSetMetadataBase
{
    private OptionMetadataCollection? _options;

    public OptionSetMetadata()
    {
    }

    public OptionSetMetadata(OptionMetadataCollection options)
    {
        _options = options;
    }

    public OptionMetadataCollection Options => _options ??= new OptionMetadataCollection();
}

public sealed class BooleanOptionSetMetadata : OptionSetMetadataBase
{
    public BooleanOptionSetMetadata()
    {
    }

    public BooleanOptionSetMetadata(OptionMetadata trueOption, OptionMetadata falseOption)
    {
        TrueOption = trueOption;
        FalseOption = falseOption;
    }

    public OptionMetadata? TrueOption { get; set; }

    public OptionMetadata? FalseOption { get; set; }
}

public class OptionMetadata : MetadataBase
{
    public OptionMetadata()
    {
    }

    public OptionMetadata(int value)
    {
        Value = value;
    }

    public OptionMetadata(Label label, int? value)
    {
        Label = label;
        Value = value;
    }

    public int? Value { get; set; }

    public Label? Label { get; set; }

    public Label? Description { get; set; }

    public bool? IsManaged { get; internal set; }
}

public sealed class StateOptionMetadata : OptionMetadata
{
    public StateOptionMetadata()
    {
    }

    public int? DefaultStatus { get; set; }

    public string InvariantName { get; set; } = null!;
}

public sealed class StatusOptionMetadata : OptionMetadata
{
    public StatusOptionMetadata()
    {
    }

    public StatusOptionMetadata(int value, int? state)
        : base(value)
    {
        State = state;
    }

    public int? State { get; set; }
}

public sealed class OptionMetadataCollection : DataCollection<OptionMetadata>
{
    public OptionMetadataCollection()
    {
    }

    public OptionMetadataCollection(IList<OptionMetadata> list)
        : base(list)
    {
    }
}
