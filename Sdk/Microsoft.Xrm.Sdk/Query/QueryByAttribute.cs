namespace Microsoft.Xrm.Sdk.Query;

// Equality-only query: Attributes[i] == Values[i], joined by AND.
public sealed class QueryByAttribute : QueryBase
{
    private ColumnSet? _columnSet;
    private PagingInfo? _pageInfo;

    public QueryByAttribute()
    {
        Attributes = new DataCollection<string>();
        Values = new DataCollection<object?>();
        Orders = new DataCollection<OrderExpression>();
    }

    public QueryByAttribute(string entityName)
        : this()
    {
        EntityName = entityName;
    }

    public string EntityName { get; set; } = null!;

    public DataCollection<string> Attributes { get; }

    public DataCollection<object?> Values { get; }

    public PagingInfo PageInfo
    {
        get => _pageInfo ??= new PagingInfo();
        set => _pageInfo = value;
    }

    public ColumnSet ColumnSet
    {
        get => _columnSet ??= new ColumnSet();
        set => _columnSet = value;
    }

    public DataCollection<OrderExpression> Orders { get; }

    public int? TopCount { get; set; }

    public void AddOrder(string attributeName, OrderType orderType) =>
        Orders.Add(new OrderExpression(attributeName, orderType));

    public void AddAttributeValue(string attributeName, object? value)
    {
        Attributes.Add(attributeName);
        Values.Add(value);
    }
}
