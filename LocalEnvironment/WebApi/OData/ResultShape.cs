using System.Collections.Generic;
using System.Linq;
using Microsoft.OData.UriParser;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Metadata;
using Rapport.Solution.Model;

namespace Rapport.LocalEnvironment.WebApi.OData;

/// <summary>What a $select/$expand asks for at one level: the columns (null: all) and the navigation properties to
/// expand, each with its nested $select/$filter/$orderby/$top.</summary>
internal sealed record ResultShape(TableMetadata Table, IReadOnlyList<string>? Columns, IReadOnlyList<Expansion> Expansions)
{
    public static ResultShape Of(WebApiModel model, TableMetadata table, SelectExpandClause? clause)
    {
        if (clause is null)
        {
            return new ResultShape(table, null, []);
        }

        List<string>? columns = null;
        if (!clause.AllSelected)
        {
            columns = clause.SelectedItems.OfType<PathSelectItem>()
                .Select(p => p.SelectedPath.LastSegment)
                .OfType<PropertySegment>()
                .Select(s => table.Columns.First(c => EdmModelFactory.PropertyName(c) == s.Property.Name).LogicalName)
                .ToList();
        }

        var expansions = new List<Expansion>();
        foreach (var item in clause.SelectedItems.OfType<ExpandedNavigationSelectItem>())
        {
            var segment = (NavigationPropertySegment)item.PathToNavigationProperty.LastSegment;
            if (!model.Navigations.TryGetValue(segment.NavigationProperty, out var info))
            {
                throw WebApiException.BadQuery($"The navigation property '{segment.NavigationProperty.Name}' cannot be expanded.");
            }

            if (item.SkipOption is not null || item.LevelsOption is not null || item.SearchOption is not null)
            {
                throw WebApiException.BadQuery("Only $select, $filter, $orderby, $top and $expand are supported inside $expand.");
            }

            if (!info.IsCollection && (item.FilterOption is not null || item.OrderByOption is not null || item.TopOption is not null))
            {
                throw WebApiException.BadQuery($"$filter, $orderby and $top apply only to collection-valued navigation properties; '{segment.NavigationProperty.Name}' is single-valued.");
            }

            expansions.Add(new Expansion(segment.NavigationProperty.Name, info, Of(model, info.Target, item.SelectAndExpand), item.FilterOption, item.OrderByOption, item.TopOption));
        }

        return new ResultShape(table, columns, expansions);
    }

    /// <summary>The columns to read: those selected, the lookups single-valued expansions follow, and versionnumber (the etag).</summary>
    public ColumnSet ColumnSet(params string[] extra)
    {
        if (Columns is null)
        {
            return new ColumnSet(true);
        }

        var names = Columns.Concat(Expansions.Where(e => !e.Info.IsCollection).Select(e => e.Info.Lookup)).Concat(extra);
        if (Table.HasColumn("versionnumber"))
        {
            names = names.Append("versionnumber");
        }

        return new ColumnSet(names.Distinct().ToArray());
    }

    /// <summary>The columns written: those selected (the primary id is always written).</summary>
    public IReadOnlyList<string>? Written => Columns;

    public static string ColumnOf(TableMetadata table, SingleValueNode node)
    {
        var unwrapped = node is ConvertNode convert ? convert.Source : node;
        if (unwrapped is SingleValuePropertyAccessNode { Source: ResourceRangeVariableReferenceNode } access
            && table.Columns.FirstOrDefault(c => EdmModelFactory.PropertyName(c) == access.Property.Name) is ColumnDefinition column)
        {
            return column.LogicalName;
        }

        throw WebApiException.BadQuery("$orderby takes properties of the table's rows.");
    }

    /// <summary>$orderby → the query's orders.</summary>
    public static void AddOrders(QueryExpression query, TableMetadata table, OrderByClause? orderBy)
    {
        for (var clause = orderBy; clause is not null; clause = clause.ThenBy)
        {
            query.AddOrder(ColumnOf(table, clause.Expression), clause.Direction == OrderByDirection.Descending ? OrderType.Descending : OrderType.Ascending);
        }
    }
}

/// <summary>One $expand: the navigation property's name and join, the nested shape and options.</summary>
internal sealed record Expansion(string Name, NavigationInfo Info, ResultShape Inner, FilterClause? Filter, OrderByClause? OrderBy, long? Top);
