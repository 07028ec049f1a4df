using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

// QueryExpression, QueryByAttribute or FetchExpression.
public abstract class QueryBase : IExtensibleDataObject
{
    protected QueryBase()
    {
    }

    public ExtensionDataObject? ExtensionData { get; set; }
}
