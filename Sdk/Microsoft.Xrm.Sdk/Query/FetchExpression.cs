namespace Microsoft.Xrm.Sdk.Query;

public sealed class FetchExpression : QueryBase
{
    public FetchExpression()
    {
    }

    public FetchExpression(string query)
    {
        Query = query;
    }

    // The FetchXML text.
    public string Query { get; set; } = null!;
}
