using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

public sealed class LinkEntity : IExtensibleDataObject
{
    private ColumnSet? _columns;
    private FilterExpression? _linkCriteria;

    public LinkEntity()
    {
        LinkEntities = new DataCollection<LinkEntity>();
        Orders = new DataCollection<OrderExpression>();
    }

    public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        : this()
    {
        LinkFromEntityName = linkFromEntityName;
        LinkToEntityName = linkToEntityName;
        LinkFromAttributeName = linkFromAttributeName;
        LinkToAttributeName = linkToAttributeName;
        JoinOperator = joinOperator;
    }

    public string LinkFromAttributeName { get; set; } = null!;

    public string LinkFromEntityName { get; set; } = null!;

    public string LinkToEntityName { get; set; } = null!;

    public string LinkToAttributeName { get; set; } = null!;

    public JoinOperator JoinOperator { get; set; }

    public FilterExpression LinkCriteria
    {
        get => _linkCriteria ??= new FilterExpression();
        set => _linkCriteria = value;
    }

    public DataCollection<LinkEntity> LinkEntities { get; }

    // Defaults to no columns from the linked table.
    public ColumnSet Columns
    {
        get => _columns ??= new ColumnSet();
        set => _columns = value;
    }

    public string? EntityAlias { get; set; }

    public DataCollection<OrderExpression> Orders { get; }

    public ExtensionDataObject? ExtensionData { get; set; }

    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName) =>
        AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);

    // A nested link starts from this link's table.
    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        var link = new LinkEntity(LinkToEntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
        LinkEntities.Add(link);
        return link;
    }
}
