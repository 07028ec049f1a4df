using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Pipeline;
using Rapport.Emulator.Query;

namespace Rapport.Emulator.Handlers;

/// <summary>RetrieveMultiple with a QueryExpression, a QueryByAttribute or FetchXML.</summary>
internal sealed class RetrieveMultipleHandler : IMessageHandler
{
    public string Message => "RetrieveMultiple";

    public PipelineEvent Describe(Organization org, CallerContext caller, ParameterCollection input)
    {
        var (query, _) = Normalize(Args.Required<QueryBase>(input, "Query"));
        var table = org.Metadata.Table(query.EntityName);
        PagingCookie.Validate(query.PageInfo?.PagingCookie);
        return new PipelineEvent(Message, table.LogicalName, []);
    }

    public void Execute(HandlerContext context)
    {
        var (query, aggregate) = Normalize(Args.Required<QueryBase>(context.Input, "Query"));
        context.Output["EntityCollection"] = new QueryEngine(context.Org).Execute(query, aggregate, context.Caller);
    }

    private static (QueryExpression, FetchAggregate?) Normalize(QueryBase query) => query switch
    {
        QueryExpression expression => (expression, null),
        FetchExpression fetch => FetchXmlParser.Parse(fetch.Query),
        QueryByAttribute byAttribute => (FromAttributes(byAttribute), null),
        _ => throw Fault.InvalidArgument($"The query type {query.GetType().Name} is not supported."),
    };

    private static QueryExpression FromAttributes(QueryByAttribute query)
    {
        if (query.Attributes.Count != query.Values.Count)
        {
            throw Fault.InvalidArgument("QueryByAttribute needs as many values as attributes.");
        }

        var expression = new QueryExpression(query.EntityName) { ColumnSet = query.ColumnSet, PageInfo = query.PageInfo, TopCount = query.TopCount };
        for (var i = 0; i < query.Attributes.Count; i++)
        {
            expression.Criteria.AddCondition(query.Attributes[i], ConditionOperator.Equal, query.Values[i]);
        }

        foreach (var order in query.Orders)
        {
            expression.Orders.Add(order);
        }

        return expression;
    }
}
