using System.Collections.Generic;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Metadata;

namespace Microsoft.Xrm.Sdk;

// As in Microsoft.Xrm.Sdk 9.0.2.56 (IL read): Label(string, int) adds one localized label and leaves
// UserLocalizedLabel null; the collection is created on first read.
public sealed class Label : IExtensibleDataObject
{
    private LocalizedLabelCollection? _localizedLabels;

    public Label()
    {
    }

    public Label(string label, int languageCode)
    {
        LocalizedLabels.Add(new LocalizedLabel(label, languageCode));
    }

    public Label(LocalizedLabel userLocalizedLabel, LocalizedLabel[] labels)
    {
        UserLocalizedLabel = userLocalizedLabel;
        if (labels is not null)
        {
            _localizedLabels = new LocalizedLabelCollection(labels);
        }
    }

    public LocalizedLabelCollection LocalizedLabels => _localizedLabels ??= new LocalizedLabelCollection();

    public LocalizedLabel? UserLocalizedLabel { get; set; }

    public ExtensionDataObject? ExtensionData { get; set; }
}

public sealed class LocalizedLabel : MetadataBase
{
    public LocalizedLabel()
    {
    }

    public LocalizedLabel(string label, int languageCode)
    {
        Label = label;
        LanguageCode = languageCode;
    }

    public string Label { get; set; } = null!;

    public int LanguageCode { get; set; }

    public bool? IsManaged { get; internal set; }
}

public sealed class LocalizedLabelCollection : DataCollection<LocalizedLabel>
{
    public LocalizedLabelCollection()
    {
    }

    public LocalizedLabelCollection(IList<LocalizedLabel> list)
        : base(list)
    {
    }
}
