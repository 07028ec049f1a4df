using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Faults;

namespace Rapport.Emulator.Query;

/// <summary>
/// Turns FetchXML into a QueryExpression (plus the aggregate columns of an aggregate fetch). Condition values stay
/// text; the condition compiler converts them by the column's type. link-entity from is the linked table's column,
/// to the parent's.
/// </summary>
internal static class FetchXmlParser
{
    private static readonly Dictionary<string, ConditionOperator> Operators = new(StringComparer.Ordinal)
    {
        ["eq"] = ConditionOperator.Equal, ["ne"] = ConditionOperator.NotEqual, ["neq"] = ConditionOperator.NotEqual,
        ["gt"] = ConditionOperator.GreaterThan, ["ge"] = ConditionOperator.GreaterEqual, ["lt"] = ConditionOperator.LessThan,
        ["le"] = ConditionOperator.LessEqual, ["like"] = ConditionOperator.Like, ["not-like"] = ConditionOperator.NotLike,
        ["in"] = ConditionOperator.In, ["not-in"] = ConditionOperator.NotIn, ["between"] = ConditionOperator.Between,
        ["not-between"] = ConditionOperator.NotBetween, ["null"] = ConditionOperator.Null, ["not-null"] = ConditionOperator.NotNull,
        ["begins-with"] = ConditionOperator.BeginsWith, ["not-begin-with"] = ConditionOperator.DoesNotBeginWith,
        ["ends-with"] = ConditionOperator.EndsWith, ["not-end-with"] = ConditionOperator.DoesNotEndWith,
        ["on"] = ConditionOperator.On, ["not-on"] = ConditionOperator.NotOn, ["on-or-after"] = ConditionOperator.OnOrAfter,
        ["on-or-before"] = ConditionOperator.OnOrBefore, ["today"] = ConditionOperator.Today, ["yesterday"] = ConditionOperator.Yesterday,
        ["tomorrow"] = ConditionOperator.Tomorrow, ["last-seven-days"] = ConditionOperator.Last7Days, ["next-seven-days"] = ConditionOperator.Next7Days,
        ["last-x-days"] = ConditionOperator.LastXDays, ["next-x-days"] = ConditionOperator.NextXDays,
        ["last-x-hours"] = ConditionOperator.LastXHours, ["next-x-hours"] = ConditionOperator.NextXHours,
        ["last-x-months"] = ConditionOperator.LastXMonths, ["next-x-months"] = ConditionOperator.NextXMonths,
        ["last-x-years"] = ConditionOperator.LastXYears, ["next-x-years"] = ConditionOperator.NextXYears,
        ["olderthan-x-days"] = ConditionOperator.OlderThanXDays, ["olderthan-x-months"] = ConditionOperator.OlderThanXMonths,
        ["this-month"] = ConditionOperator.ThisMonth, ["last-month"] = ConditionOperator.LastMonth,
        ["this-year"] = ConditionOperator.ThisYear, ["last-year"] = ConditionOperator.LastYear,
        ["eq-userid"] = ConditionOperator.EqualUserId, ["ne-userid"] = ConditionOperator.NotEqualUserId,
        ["eq-businessid"] = ConditionOperator.EqualBusinessId,
    };

    public static (QueryExpression Query, FetchAggregate? Aggregate) Parse(string? fetchXml)
    {
        if (string.IsNullOrWhiteSpace(fetchXml))
        {
            throw Fault.MissingArgument("Query");
        }

        XElement fetch;
        try
        {
            fetch = XElement.Parse(fetchXml);
        }
        catch (XmlException error)
        {
            throw Fault.InvalidFetchXml(error.Message);
        }

        if (fetch.Name.LocalName != "fetch" || fetch.Element("entity") is not { } entity)
        {
            throw Fault.InvalidFetchXml("the root must be <fetch> with one <entity>");
        }

        var query = new QueryExpression(Required(entity, "name")) { ColumnSet = new ColumnSet(), Distinct = Flag(fetch, "distinct") };
        var isAggregate = Flag(fetch, "aggregate");
        var aggregateColumns = new List<AggregateColumn>();
        var aggregateOrders = new List<(string, bool)>();
        ReadEntity(entity, query.ColumnSet, query.Criteria, query.Orders, query.LinkEntities, null, isAggregate, aggregateColumns, aggregateOrders);
        if (Int(fetch, "top") is { } top)
        {
            query.TopCount = top;
        }

        if (Int(fetch, "count") is { } count)
        {
            query.PageInfo.Count = count;
            query.PageInfo.PageNumber = Int(fetch, "page") ?? 1;
            query.PageInfo.PagingCookie = (string?)fetch.Attribute("paging-cookie");
        }

        query.PageInfo.ReturnTotalRecordCount = Flag(fetch, "returntotalrecordcount");
        return (query, isAggregate ? new FetchAggregate(aggregateColumns, aggregateOrders) { Limit = AggregateLimit(fetch) } : null);
    }

    private static void ReadEntity(
        XElement element, ColumnSet columns, FilterExpression criteria, ICollection<OrderExpression> orders, ICollection<LinkEntity> links,
        string? alias, bool isAggregate, List<AggregateColumn> aggregates, List<(string, bool)> aggregateOrders)
    {
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "attribute":
                    var name = Required(child, "name");
                    if (isAggregate)
                    {
                        var function = Flag(child, "groupby") ? "groupby" : (string?)child.Attribute("aggregate")
                            ?? throw Fault.InvalidFetchXml($"attribute '{name}' of an aggregate query needs aggregate or groupby");
                        aggregates.Add(new AggregateColumn(
                            (string?)child.Attribute("alias") ?? throw Fault.InvalidFetchXml($"aggregate attribute '{name}' needs an alias"),
                            name, alias, function, (string?)child.Attribute("dategrouping"), Flag(child, "distinct")));
                    }
                    else
                    {
                        columns.AddColumn(name);
                    }

                    break;
                case "all-attributes":
                    columns.AllColumns = true;
                    break;
                case "order":
                    var descending = Flag(child, "descending");
                    if (isAggregate)
                    {
                        aggregateOrders.Add(((string?)child.Attribute("alias") ?? Required(child, "attribute"), descending));
                    }
                    else
                    {
                        orders.Add(new OrderExpression(Required(child, "attribute"), descending ? OrderType.Descending : OrderType.Ascending));
                    }

                    break;
                case "filter":
                    var filter = ReadFilter(child);
                    if (criteria.Conditions.Count == 0 && criteria.Filters.Count == 0)
                    {
                        criteria.FilterOperator = filter.FilterOperator;
                        foreach (var condition in filter.Conditions)
                        {
                            criteria.AddCondition(condition);
                        }

                        foreach (var nested in filter.Filters)
                        {
                            criteria.AddFilter(nested);
                        }
                    }
                    else
                    {
                        criteria.AddFilter(filter);
                    }

                    break;
                case "link-entity":
                    var type = (string?)child.Attribute("link-type") ?? "inner";
                    var link = new LinkEntity
                    {
                        LinkToEntityName = Required(child, "name"),
                        LinkToAttributeName = Required(child, "from"),
                        LinkFromAttributeName = Required(child, "to"),
                        EntityAlias = (string?)child.Attribute("alias"),
                        JoinOperator = type switch
                        {
                            "inner" => JoinOperator.Inner,
                            "outer" => JoinOperator.LeftOuter,
                            _ => throw Fault.Create(ErrorCodes.FetchInvalidLinkType,
                                $"The only valid values for link-type attribute are 'natural', 'inner','in','exists','matchfirstrowusingcrossapply' and 'outer'. (link-type '{type}'{Unsupported(type)})"),
                        },
                        Columns = new ColumnSet(),
                    };
                    link.EntityAlias ??= link.LinkToEntityName;
                    ReadEntity(child, link.Columns, link.LinkCriteria, link.Orders, link.LinkEntities, link.EntityAlias, isAggregate, aggregates, aggregateOrders);
                    links.Add(link);
                    break;
                default:
                    throw Fault.Create(ErrorCodes.FetchInvalidNode, $"The element node encountered is invalid. (<{child.Name.LocalName}>)");
            }
        }
    }

    // aggregatelimit lowers the 50,000-row cap of an aggregate query; it cannot raise it.
    private static int AggregateLimit(XElement fetch) => Int(fetch, "aggregatelimit") switch
    {
        null => FetchAggregate.DefaultLimit,
        >= 1 and <= FetchAggregate.DefaultLimit and var limit => limit,
        var other => throw Fault.InvalidFetchXml($"aggregatelimit must be between 1 and {FetchAggregate.DefaultLimit}, not {other}"),
    };

    private static FilterExpression ReadFilter(XElement element)
    {
        var type = (string?)element.Attribute("type") ?? "and";
        var filter = new FilterExpression(type switch
        {
            "and" => LogicalOperator.And,
            "or" => LogicalOperator.Or,
            _ => throw Fault.Create(ErrorCodes.FetchInvalidFilterType, $"Unsupported filter type. Valid values are 'and', or 'or'. (type '{type}')"),
        });
        foreach (var child in element.Elements())
        {
            if (child.Name.LocalName == "filter")
            {
                filter.AddFilter(ReadFilter(child));
                continue;
            }

            if (child.Name.LocalName != "condition")
            {
                throw Fault.Create(ErrorCodes.FetchInvalidNode, $"The element node encountered is invalid. (<{child.Name.LocalName}> in <filter>)");
            }

            var op = Required(child, "operator");
            var condition = new ConditionExpression
            {
                AttributeName = Required(child, "attribute"),
                EntityName = (string?)child.Attribute("entityname"),
                Operator = Operators.TryGetValue(op, out var known) ? known
                    : throw Fault.Create(ErrorCodes.FetchInvalidConditionOperator, $"Unsupported condition operator. (operator '{op}')"),
            };
            if ((string?)child.Attribute("value") is { } value)
            {
                condition.Values.Add(value);
            }

            foreach (var item in child.Elements("value"))
            {
                condition.Values.Add(item.Value);
            }

            filter.AddCondition(condition);
        }

        return filter;
    }

    // in, exists and natural are real FetchXML link types the emulator does not run.
    private static string Unsupported(string type) => type is "in" or "exists" or "natural" or "matchfirstrowusingcrossapply" ? " is not supported by the emulator" : "";

    private static string Required(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) ?? throw Fault.InvalidFetchXml($"<{element.Name.LocalName}> needs the '{attribute}' attribute");

    private static bool Flag(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) is "true" or "1";

    private static int? Int(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) is { } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Fault.InvalidFetchXml($"'{attribute}' must be a number")
            : null;
}
