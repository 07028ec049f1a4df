namespace Microsoft.Xrm.Sdk.Query;

public sealed class QueryExpression : QueryBase
{
    private ColumnSet? _columnSet;
    private FilterExpression? _criteria;
    private PagingInfo? _pageInfo;

    public QueryExpression()
    {
        LinkEntities = new DataCollection<LinkEntity>();
        Orders = new DataCollection<OrderExpression>();
    }

    public QueryExpression(string entityName)
        : this()
    {
        EntityName = entityName;
    }

    public bool Distinct { get; set; }

    public bool NoLock { get; set; }

    public PagingInfo PageInfo
    {
        get => _pageInfo ??= new PagingInfo();
        set => _pageInfo = value;
    }

    public string? QueryHints { get; set; }

    public DataCollection<LinkEntity> LinkEntities { get; }

    public FilterExpression Criteria
    {
        get => _criteria ??= new FilterExpression();
        set => _criteria = value;
    }

    public DataCollection<OrderExpression> Orders { get; }

    public string EntityName { get; set; } = null!;

    // Defaults to no columns (only the primary key comes back), as in the real SDK.
    public ColumnSet ColumnSet
    {
        get => _columnSet ??= new ColumnSet();
        set => _columnSet = value;
    }

    public int? TopCount { get; set; }

    public void AddOrder(string attributeName, OrderType orderType) =>
        Orders.Add(new OrderExpression(attributeName, orderType));

    public void AddOrder(string attributeName, OrderType orderType, string alias, string entityName) =>
        Orders.Add(new OrderExpression(attributeName, orderType, alias, entityName));

    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName) =>
        AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);

    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        var link = new LinkEntity(EntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
        LinkEntities.Add(link);
        return link;
    }
}
