using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace Rapport.LocalEnvironment.WebApi.OData;

/// <summary>A FilterExpression as a FetchXML &lt;filter&gt; (learn.microsoft.com/power-apps/developer/data-platform/fetchxml/reference/condition):
/// $apply runs as an aggregate FetchXML query, the form Dataverse aggregates in.</summary>
internal static class FetchXmlWriter
{
    private static readonly Dictionary<ConditionOperator, string> Operators = new()
    {
        [ConditionOperator.Equal] = "eq", [ConditionOperator.NotEqual] = "ne", [ConditionOperator.GreaterThan] = "gt",
        [ConditionOperator.GreaterEqual] = "ge", [ConditionOperator.LessThan] = "lt", [ConditionOperator.LessEqual] = "le",
        [ConditionOperator.Like] = "like", [ConditionOperator.NotLike] = "not-like", [ConditionOperator.In] = "in",
        [ConditionOperator.NotIn] = "not-in", [ConditionOperator.Between] = "between", [ConditionOperator.NotBetween] = "not-between",
        [ConditionOperator.Null] = "null", [ConditionOperator.NotNull] = "not-null", [ConditionOperator.BeginsWith] = "begins-with",
        [ConditionOperator.DoesNotBeginWith] = "not-begin-with", [ConditionOperator.EndsWith] = "ends-with",
        [ConditionOperator.DoesNotEndWith] = "not-end-with", [ConditionOperator.On] = "on", [ConditionOperator.NotOn] = "not-on",
        [ConditionOperator.OnOrAfter] = "on-or-after", [ConditionOperator.OnOrBefore] = "on-or-before", [ConditionOperator.Today] = "today",
        [ConditionOperator.Yesterday] = "yesterday", [ConditionOperator.Tomorrow] = "tomorrow", [ConditionOperator.Last7Days] = "last-seven-days",
        [ConditionOperator.Next7Days] = "next-seven-days", [ConditionOperator.LastXDays] = "last-x-days", [ConditionOperator.NextXDays] = "next-x-days",
        [ConditionOperator.LastXHours] = "last-x-hours", [ConditionOperator.NextXHours] = "next-x-hours", [ConditionOperator.LastXMonths] = "last-x-months",
        [ConditionOperator.NextXMonths] = "next-x-months", [ConditionOperator.LastXYears] = "last-x-years", [ConditionOperator.NextXYears] = "next-x-years",
        [ConditionOperator.OlderThanXDays] = "olderthan-x-days", [ConditionOperator.OlderThanXMonths] = "olderthan-x-months",
        [ConditionOperator.ThisMonth] = "this-month", [ConditionOperator.LastMonth] = "last-month", [ConditionOperator.ThisYear] = "this-year",
        [ConditionOperator.LastYear] = "last-year", [ConditionOperator.EqualUserId] = "eq-userid", [ConditionOperator.NotEqualUserId] = "ne-userid",
        [ConditionOperator.EqualBusinessId] = "eq-businessid",
    };

    public static XElement Filter(FilterExpression filter)
    {
        var element = new XElement("filter", new XAttribute("type", filter.FilterOperator == LogicalOperator.Or ? "or" : "and"));
        foreach (var condition in filter.Conditions)
        {
            var op = Operators.TryGetValue(condition.Operator, out var name) ? name : throw WebApiException.BadQuery($"The condition {condition.Operator} cannot be used with $apply.");
            var xml = new XElement("condition", new XAttribute("attribute", condition.AttributeName), new XAttribute("operator", op));
            if (condition.Operator is ConditionOperator.In or ConditionOperator.NotIn or ConditionOperator.Between or ConditionOperator.NotBetween)
            {
                xml.Add(condition.Values.Select(v => new XElement("value", Text(v))));
            }
            else if (condition.Values.Count > 0)
            {
                xml.Add(new XAttribute("value", Text(condition.Values[0])));
            }

            element.Add(xml);
        }

        element.Add(filter.Filters.Select(Filter));
        return element;
    }

    private static string Text(object? value) => value switch
    {
        DateTime date => date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        Guid id => id.ToString("D"),
        bool flag => flag ? "1" : "0",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
