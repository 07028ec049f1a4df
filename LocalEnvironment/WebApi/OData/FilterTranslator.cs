using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Metadata;
using Rapport.Solution.Model;

namespace Rapport.LocalEnvironment.WebApi.OData;

/// <summary>
/// A $filter bound by Microsoft.OData (a tree of query nodes) → the FilterExpression the emulator's query engine runs.
/// "not" is pushed down (De Morgan, each operator to its opposite) because a QueryExpression has no negated group.
/// A condition across a navigation property (primarycontactid/fullname eq 'x', rapport_post_rapport_comment/any(c: …),
/// …/all(…)) runs the inner condition as its own query, as the caller, and becomes "lookup in the ids found" — so rows
/// the caller cannot read never decide a match.
/// </summary>
internal sealed class FilterTranslator
{
    private readonly WebApiModel _model;
    private readonly Func<QueryExpression, IEnumerable<Microsoft.Xrm.Sdk.Entity>> _query;
    private readonly Func<TableMetadata, string, Guid, bool, IReadOnlyCollection<Guid>> _hierarchy;

    /// <param name="query">Runs a query as the caller (every page).</param>
    /// <param name="hierarchy">The ids under a row in the table's hierarchy (and the row itself when asked).</param>
    public FilterTranslator(WebApiModel model, Func<QueryExpression, IEnumerable<Microsoft.Xrm.Sdk.Entity>> query, Func<TableMetadata, string, Guid, bool, IReadOnlyCollection<Guid>> hierarchy)
    {
        _model = model;
        _query = query;
        _hierarchy = hierarchy;
    }

    public FilterExpression Translate(SingleValueNode node, TableMetadata table) => Lower(node, table, negate: false);

    private FilterExpression Lower(SingleValueNode node, TableMetadata table, bool negate)
    {
        switch (Unwrap(node))
        {
            case UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not:
                return Lower(not.Operand, table, !negate);
            case BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.Or } logical:
                var and = (logical.OperatorKind == BinaryOperatorKind.And) != negate;
                var group = new FilterExpression(and ? LogicalOperator.And : LogicalOperator.Or);
                foreach (var side in new[] { logical.Left, logical.Right })
                {
                    var lowered = Lower(side, table, negate);
                    if (lowered.Conditions.Count == 1 && lowered.Filters.Count == 0)
                    {
                        group.Conditions.Add(lowered.Conditions[0]);
                    }
                    else if (lowered.FilterOperator == group.FilterOperator)
                    {
                        group.Conditions.AddRange(lowered.Conditions);
                        group.Filters.AddRange(lowered.Filters);
                    }
                    else
                    {
                        group.Filters.Add(lowered);
                    }
                }

                return group;
            case BinaryOperatorNode comparison:
                return Single(Compare(comparison, table, negate));
            case SingleValueFunctionCallNode call:
                return Single(Function(call, table, negate));
            case AnyNode any:
                return Single(Lambda(any.Source, any.Body, any.CurrentRangeVariable, table, all: false, negate));
            case AllNode all:
                return Single(Lambda(all.Source, all.Body, all.CurrentRangeVariable, table, all: true, negate));
            case SingleValuePropertyAccessNode flag when flag.Property.Type.IsBoolean():
                return Single(Condition(flag, table, ConditionOperator.Equal, true, negate));
            default:
                throw Unsupported(node);
        }
    }

    private static FilterExpression Single(ConditionExpression condition)
    {
        var filter = new FilterExpression(LogicalOperator.And);
        filter.Conditions.Add(condition);
        return filter;
    }

    private ConditionExpression Compare(BinaryOperatorNode node, TableMetadata table, bool negate)
    {
        var (property, constant, swapped) = Unwrap(node.Left) is ConstantNode left
            ? (Unwrap(node.Right), left, true)
            : (Unwrap(node.Left), Unwrap(node.Right) as ConstantNode ?? throw WebApiException.BadQuery("A $filter comparison needs a property on one side and a literal on the other."), false);
        var kind = swapped ? Mirror(node.OperatorKind) : node.OperatorKind;
        if (constant.Value is null)
        {
            return kind switch
            {
                BinaryOperatorKind.Equal => Condition(property, table, ConditionOperator.Null, null, negate),
                BinaryOperatorKind.NotEqual => Condition(property, table, ConditionOperator.NotNull, null, negate),
                _ => throw WebApiException.BadQuery($"The operator '{kind}' cannot compare with null."),
            };
        }

        var op = kind switch
        {
            BinaryOperatorKind.Equal => ConditionOperator.Equal,
            BinaryOperatorKind.NotEqual => ConditionOperator.NotEqual,
            BinaryOperatorKind.GreaterThan => ConditionOperator.GreaterThan,
            BinaryOperatorKind.GreaterThanOrEqual => ConditionOperator.GreaterEqual,
            BinaryOperatorKind.LessThan => ConditionOperator.LessThan,
            BinaryOperatorKind.LessThanOrEqual => ConditionOperator.LessEqual,
            _ => throw WebApiException.BadQuery($"The operator '{kind}' is not supported in $filter by Dataverse."),
        };
        return Condition(property, table, op, Value(constant.Value), negate);
    }

    private static BinaryOperatorKind Mirror(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
        _ => kind,
    };

    private ConditionExpression Function(SingleValueFunctionCallNode call, TableMetadata table, bool negate)
    {
        var parameters = call.Parameters.ToList();
        switch (call.Name)
        {
            case "contains" or "startswith" or "endswith":
                if (parameters.Count != 2 || Unwrap(parameters[1]) is not ConstantNode { Value: string text })
                {
                    throw WebApiException.BadQuery($"{call.Name} takes a property and a text literal.");
                }

                var op = call.Name switch
                {
                    "contains" => ConditionOperator.Like,
                    "startswith" => ConditionOperator.BeginsWith,
                    _ => ConditionOperator.EndsWith,
                };
                return Condition(Unwrap((SingleValueNode)parameters[0]), table, op, op == ConditionOperator.Like ? "%" + EscapeLike(text) + "%" : text, negate);
        }

        var name = call.Functions?.FirstOrDefault()?.Name ?? call.Name;
        var condition = QueryFunctions.Operator(name) ?? throw WebApiException.BadQuery($"The function '{call.Name}' is not supported in $filter.");
        var named = parameters.OfType<NamedFunctionParameterNode>().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var propertyName = named.TryGetValue("PropertyName", out var nameNode) && Unwrap(nameNode) is ConstantNode { Value: string text2 } ? text2
            : throw WebApiException.BadQuery($"{name} needs PropertyName='<column>'.");
        var column = ColumnByName(table, propertyName);
        var values = new List<object?>();
        if (named.TryGetValue("PropertyValue", out var single))
        {
            values.Add(Unwrap((QueryNode)single) is ConstantNode c ? Value(c.Value) : throw WebApiException.BadQuery($"{name}: PropertyValue must be a literal."));
        }

        if (named.TryGetValue("PropertyValues", out var many))
        {
            values.AddRange(Unwrap(many) switch
            {
                CollectionConstantNode list => list.Collection.Select(c => Value(c.Value)),
                ConstantNode { Value: ODataCollectionValue list } => list.Items.Select(Value),
                ConstantNode { Value: string json } when json.TrimStart().StartsWith('[') => System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement[]>(json)!
                    .Select(e => (object?)(e.ValueKind == System.Text.Json.JsonValueKind.String ? e.GetString() : e.GetRawText())),
                _ => throw WebApiException.BadQuery($"{name}: PropertyValues must be a list such as [\"a\",\"b\"]."),
            });
        }

        if (QueryFunctions.IsHierarchy(condition))
        {
            var id = values.Count == 1 && Guid.TryParse(Convert.ToString(values[0], System.Globalization.CultureInfo.InvariantCulture), out var g) ? g
                : throw WebApiException.BadQuery($"{name}: PropertyValue must be a record id.");
            var ids = _hierarchy(table, column.LogicalName, id, condition == ConditionOperator.UnderOrEqual).Cast<object>().ToArray();
            var under = condition != ConditionOperator.NotUnder;
            return new ConditionExpression(column.LogicalName, under != negate ? ConditionOperator.In : ConditionOperator.NotIn, ids);
        }

        var conditionOp = negate ? Opposite(condition) : condition;
        return new ConditionExpression(column.LogicalName, conditionOp, values.ToArray());
    }

    /// <summary>nav/any(x: …) → primary id in (rows having such a child); nav/all(x: …) → not in (rows having a child that fails it).</summary>
    private ConditionExpression Lambda(CollectionNode source, SingleValueNode? body, RangeVariable variable, TableMetadata table, bool all, bool negate)
    {
        if (source is not CollectionNavigationNode navigation || !_model.Navigations.TryGetValue(navigation.NavigationProperty, out var info) || !info.IsCollection)
        {
            throw WebApiException.BadQuery("any and all apply to a collection-valued navigation property of the row being filtered.");
        }

        var inner = new QueryExpression(info.Target.LogicalName) { ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(info.Lookup) };
        inner.Criteria.AddCondition(info.Lookup, ConditionOperator.NotNull);
        if (body is not null && Unwrap(body) is not ConstantNode { Value: true })
        {
            inner.Criteria.AddFilter(Lower(body, info.Target, negate: all));
        }

        var ids = _query(inner).Select(e => e.GetAttributeValue<Microsoft.Xrm.Sdk.EntityReference>(info.Lookup)?.Id).Where(id => id is not null).Distinct().Cast<object>().ToArray();
        var found = all ? negate : !negate; // all(…) holds where no child fails; negated, where one does
        return new ConditionExpression(table.PrimaryIdAttribute, found ? ConditionOperator.In : ConditionOperator.NotIn, ids);
    }

    /// <summary>A condition on a column of this row, or across a single-valued navigation property (lookup in the matching targets).</summary>
    private ConditionExpression Condition(SingleValueNode property, TableMetadata table, ConditionOperator op, object? value, bool negate)
    {
        if (property is not SingleValuePropertyAccessNode access)
        {
            throw WebApiException.BadQuery("The left side of a $filter comparison must be a property.");
        }

        if (access.Source is SingleNavigationNode navigation && _model.Navigations.TryGetValue(navigation.NavigationProperty, out var info) && !info.IsCollection)
        {
            var inner = new QueryExpression(info.Target.LogicalName) { ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(info.Target.PrimaryIdAttribute) };
            var targetColumn = ColumnByProperty(info.Target, access.Property.Name);
            inner.Criteria.AddCondition(targetColumn.LogicalName, op, value is null ? [] : [value]);
            var ids = _query(inner).Select(e => (object)e.Id).ToArray();
            return new ConditionExpression(info.Lookup, negate ? ConditionOperator.NotIn : ConditionOperator.In, ids);
        }

        if (access.Source is not ResourceRangeVariableReferenceNode)
        {
            throw WebApiException.BadQuery($"The property path to '{access.Property.Name}' is not supported in $filter.");
        }

        var column = ColumnByProperty(table, access.Property.Name);
        var values = value is null ? Array.Empty<object>() : [value];
        return new ConditionExpression(column.LogicalName, negate ? Opposite(op) : op, values);
    }

    private static ColumnDefinition ColumnByProperty(TableMetadata table, string property) =>
        table.Columns.FirstOrDefault(c => EdmModelFactory.PropertyName(c) == property)
        ?? throw new WebApiException(400, WebApiException.PropertyNotFound, $"Could not find a property named '{property}' on type 'Microsoft.Dynamics.CRM.{table.LogicalName}'.");

    /// <summary>PropertyName in a query function: the logical name, or the _x_value name of a lookup.</summary>
    private static ColumnDefinition ColumnByName(TableMetadata table, string name) =>
        table.Column(name) ?? table.Columns.FirstOrDefault(c => EdmModelFactory.PropertyName(c) == name)
        ?? throw new WebApiException(400, WebApiException.PropertyNotFound, $"Could not find a property named '{name}' on type 'Microsoft.Dynamics.CRM.{table.LogicalName}'.");

    private static ConditionOperator Opposite(ConditionOperator op) => op switch
    {
        ConditionOperator.Equal => ConditionOperator.NotEqual,
        ConditionOperator.NotEqual => ConditionOperator.Equal,
        ConditionOperator.GreaterThan => ConditionOperator.LessEqual,
        ConditionOperator.LessEqual => ConditionOperator.GreaterThan,
        ConditionOperator.GreaterEqual => ConditionOperator.LessThan,
        ConditionOperator.LessThan => ConditionOperator.GreaterEqual,
        ConditionOperator.Null => ConditionOperator.NotNull,
        ConditionOperator.NotNull => ConditionOperator.Null,
        ConditionOperator.Like => ConditionOperator.NotLike,
        ConditionOperator.BeginsWith => ConditionOperator.DoesNotBeginWith,
        ConditionOperator.EndsWith => ConditionOperator.DoesNotEndWith,
        ConditionOperator.In => ConditionOperator.NotIn,
        ConditionOperator.NotIn => ConditionOperator.In,
        ConditionOperator.Between => ConditionOperator.NotBetween,
        ConditionOperator.NotBetween => ConditionOperator.Between,
        ConditionOperator.On => ConditionOperator.NotOn,
        ConditionOperator.NotOn => ConditionOperator.On,
        ConditionOperator.EqualUserId => ConditionOperator.NotEqualUserId,
        ConditionOperator.NotEqualUserId => ConditionOperator.EqualUserId,
        _ => throw WebApiException.BadQuery($"'not' cannot be applied to the query function {op}."),
    };

    /// <summary>An OData literal → the value a ConditionExpression carries (dates in UTC).</summary>
    private static object? Value(object? literal) => literal switch
    {
        DateTimeOffset offset => offset.UtcDateTime,
#pragma warning disable CS0618 // ODL 8 still hands Edm.Date literals as Microsoft.OData.Edm.Date
        Date date => new DateTime(date.Year, date.Month, date.Day, 0, 0, 0, DateTimeKind.Utc),
#pragma warning restore CS0618
        DateOnly day => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        _ => literal,
    };

    private static string EscapeLike(string text) =>
        text.Replace("[", "[[]", StringComparison.Ordinal).Replace("%", "[%]", StringComparison.Ordinal).Replace("_", "[_]", StringComparison.Ordinal);

    private static SingleValueNode Unwrap(SingleValueNode node) => node is ConvertNode convert ? Unwrap(convert.Source) : node;

    private static QueryNode Unwrap(QueryNode node) => node is ConvertNode convert ? Unwrap(convert.Source) : node;

    private static WebApiException Unsupported(QueryNode node) => WebApiException.BadQuery($"This $filter expression ({node.Kind}) is not supported by Dataverse's Web API.");
}
