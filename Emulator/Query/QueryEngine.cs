using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Metadata;
using Rapport.Emulator.Pipeline;
using Rapport.Emulator.Store;
using Rapport.Solution.Model;

namespace Rapport.Emulator.Query;

/// <summary>
/// Runs a QueryExpression over the store: compiled filters (root conditions before the joins), hash joins for link
/// entities, orders, distinct, paging with cookies and MoreRecords, top, and FetchXML aggregates. Rows the access
/// policy hides are trimmed.
/// </summary>
internal sealed class QueryEngine
{
    /// <summary>Dataverse's largest page (and the page size when none is given).</summary>
    public const int MaxPageSize = 5000;

    /// <summary>The most link-entities one query may join, nested ones included.</summary>
    public const int MaxLinkEntities = 15;

    /// <summary>What TotalRecordCount reads when the query did not ask for the count.</summary>
    public const int TotalRecordCountNotRequested = -1;

    private readonly Organization _org;

    public QueryEngine(Organization org)
    {
        _org = org;
    }

    public EntityCollection Execute(QueryExpression query, FetchAggregate? aggregate, CallerContext caller)
    {
        var root = _org.Metadata.Table(query.EntityName);
        // No Read privilege on the table at any depth is a fault, not an empty page; rows out of reach are trimmed.
        _org.Data.Demand(caller, PrivilegeType.Read, root.LogicalName, null);
        var slots = new QuerySlots(root);
        AddLinks(slots, query.LinkEntities, 0);
        if (slots.Count - 1 > MaxLinkEntities)
        {
            throw Fault.Create(ErrorCodes.TooManyLinkEntities, "Number of link entities in query exceeded maximum limit.");
        }
        var context = new QueryContext(caller.UserId, _org.BusinessUnitOf(caller.UserId), _org.Clock.UtcNow);
        var compiler = new ConditionCompiler(slots, context);
        var rootSlots = new HashSet<int>();
        var filter = compiler.Compile(query.Criteria, 0, rootSlots);
        var filterBeforeJoin = rootSlots.All(s => s == 0);
        var linkFilters = new Func<Row?[], bool>?[slots.Count];
        for (var slot = 1; slot < slots.Count; slot++)
        {
            linkFilters[slot] = compiler.Compile(slots.Links[slot]!.LinkCriteria, slot, new HashSet<int>());
        }

        CheckColumns(slots, query.ColumnSet, aggregate);
        var matches = Match(slots, filter, filterBeforeJoin, linkFilters, caller);
        if (aggregate is not null)
        {
            if (matches.Count > aggregate.Limit)
            {
                throw Fault.Create(ErrorCodes.AggregateQueryRecordLimitExceeded, "The maximum record limit is exceeded. Reduce the number of records.");
            }

            var groups = Aggregator.Run(_org, slots, matches, aggregate);
            groups.TotalRecordCount = TotalRecordCountNotRequested;
            return groups;
        }

        Sort(matches, slots, query);
        var entities = matches.Select(m => Project(slots, m, query)).ToList();
        if (query.Distinct)
        {
            entities = DistinctRows(entities);
        }

        return Page(root, entities, query.PageInfo, query.TopCount);
    }

    private void AddLinks(QuerySlots slots, IEnumerable<LinkEntity> links, int parent)
    {
        foreach (var link in links)
        {
            var table = _org.Metadata.Table(link.LinkToEntityName);
            var parentTable = slots.Tables[parent];
            _ = parentTable.Column(link.LinkFromAttributeName) ?? throw Fault.NoAttribute(parentTable.LogicalName, link.LinkFromAttributeName);
            _ = table.Column(link.LinkToAttributeName) ?? throw Fault.NoAttribute(table.LogicalName, link.LinkToAttributeName);
            if (link.JoinOperator is not (JoinOperator.Inner or JoinOperator.LeftOuter or JoinOperator.Natural))
            {
                throw Fault.InvalidArgument($"The join operator {link.JoinOperator} is not supported by the emulator.");
            }

            var slot = slots.Add(table, link, parent);
            AddLinks(slots, link.LinkEntities, slot);
        }
    }

    private void CheckColumns(QuerySlots slots, ColumnSet? columns, FetchAggregate? aggregate)
    {
        _org.Data.CheckColumns(slots.Tables[0], columns);
        for (var slot = 1; slot < slots.Count; slot++)
        {
            _org.Data.CheckColumns(slots.Tables[slot], slots.Links[slot]!.Columns);
        }

        foreach (var column in aggregate?.Columns ?? [])
        {
            var table = slots.Tables[column.EntityAlias is null ? 0 : slots.ByAlias(column.EntityAlias)];
            _ = table.Column(column.Attribute) ?? throw Fault.NoAttribute(table.LogicalName, column.Attribute);
        }
    }

    private List<Row?[]> Match(QuerySlots slots, Func<Row?[], bool>? filter, bool filterBeforeJoin, Func<Row?[], bool>?[] linkFilters, CallerContext caller)
    {
        var visible = new Func<Row, bool>?[slots.Count];
        for (var slot = 0; slot < slots.Count; slot++)
        {
            visible[slot] = _org.AccessPolicy.ReadFilter(caller.UserId, slots.Tables[slot].LogicalName);
        }

        var joins = new Dictionary<object, List<Row>>?[slots.Count];
        for (var slot = 1; slot < slots.Count; slot++)
        {
            joins[slot] = JoinIndex(slots, slot, linkFilters[slot], visible[slot]);
        }

        var results = new List<Row?[]>();
        var scratch = new Row?[slots.Count];
        foreach (var row in _org.Store.Rows(slots.Tables[0].LogicalName))
        {
            if (visible[0] is { } canSee && !canSee(row))
            {
                continue;
            }

            scratch[0] = row;
            if (filterBeforeJoin && filter is not null && !filter(scratch))
            {
                continue;
            }

            if (slots.Count == 1)
            {
                results.Add([row]);
                continue;
            }

            var combos = new List<Row?[]> { NewCombo(slots.Count, row) };
            for (var slot = 1; slot < slots.Count && combos.Count > 0; slot++)
            {
                combos = Join(slots, slot, combos, joins[slot]!);
            }

            foreach (var combo in combos)
            {
                if (filterBeforeJoin || filter is null || filter(combo))
                {
                    results.Add(combo);
                }
            }
        }

        return results;
    }

    private static Row?[] NewCombo(int size, Row root)
    {
        var combo = new Row?[size];
        combo[0] = root;
        return combo;
    }

    private Dictionary<object, List<Row>> JoinIndex(QuerySlots slots, int slot, Func<Row?[], bool>? linkFilter, Func<Row, bool>? visible)
    {
        var link = slots.Links[slot]!;
        var index = new Dictionary<object, List<Row>>();
        var probe = new Row?[slots.Count];
        foreach (var row in _org.Store.Rows(slots.Tables[slot].LogicalName))
        {
            probe[slot] = row;
            if ((linkFilter is not null && !linkFilter(probe)) || (visible is not null && !visible(row)))
            {
                continue;
            }

            if (QueryValues.Key(row[link.LinkToAttributeName]) is { } key)
            {
                if (!index.TryGetValue(key, out var list))
                {
                    list = new List<Row>();
                    index[key] = list;
                }

                list.Add(row);
            }
        }

        return index;
    }

    private static List<Row?[]> Join(QuerySlots slots, int slot, List<Row?[]> combos, Dictionary<object, List<Row>> index)
    {
        var link = slots.Links[slot]!;
        var parent = slots.Parents[slot];
        var outer = link.JoinOperator == JoinOperator.LeftOuter;
        var result = new List<Row?[]>();
        foreach (var combo in combos)
        {
            var key = combo[parent] is { } from ? QueryValues.Key(from[link.LinkFromAttributeName]) : null;
            if (key is not null && index.TryGetValue(key, out var matches))
            {
                foreach (var match in matches)
                {
                    var next = (Row?[])combo.Clone();
                    next[slot] = match;
                    result.Add(next);
                }
            }
            else if (outer)
            {
                result.Add(combo);
            }
        }

        return result;
    }

    private static void Sort(List<Row?[]> matches, QuerySlots slots, QueryExpression query)
    {
        var orders = new List<(int Slot, string Column, bool Descending)>();
        foreach (var order in query.Orders)
        {
            var slot = string.IsNullOrEmpty(order.EntityName) ? 0 : slots.ByAlias(order.EntityName);
            AddOrder(orders, slots, slot, order);
        }

        for (var slot = 1; slot < slots.Count; slot++)
        {
            foreach (var order in slots.Links[slot]!.Orders)
            {
                AddOrder(orders, slots, slot, order);
            }
        }

        // Equal keys keep the primary key's order (insertion order here), so pages are stable.
        matches.Sort((a, b) =>
        {
            foreach (var (slot, column, descending) in orders)
            {
                var compared = QueryValues.Order(a[slot]?[column], b[slot]?[column]);
                if (compared != 0)
                {
                    return descending ? -compared : compared;
                }
            }

            return a[0]!.Sequence.CompareTo(b[0]!.Sequence);
        });
    }

    private static void AddOrder(List<(int, string, bool)> orders, QuerySlots slots, int slot, OrderExpression order)
    {
        var table = slots.Tables[slot];
        _ = table.Column(order.AttributeName) ?? throw Fault.NoAttribute(table.LogicalName, order.AttributeName);
        orders.Add((slot, order.AttributeName, order.OrderType == OrderType.Descending));
    }

    private Entity Project(QuerySlots slots, Row?[] combo, QueryExpression query)
    {
        var entity = _org.Data.ToEntity(slots.Tables[0], combo[0]!, query.ColumnSet ?? new ColumnSet());
        for (var slot = 1; slot < slots.Count; slot++)
        {
            if (combo[slot] is not { } row)
            {
                continue;
            }

            var table = slots.Tables[slot];
            var linked = _org.Data.ToEntity(table, row, slots.Links[slot]!.Columns ?? new ColumnSet());
            var columns = slots.Links[slot]!.Columns;
            foreach (var pair in linked.Attributes)
            {
                if (columns is not null && !columns.AllColumns && !columns.Columns.Contains(pair.Key))
                {
                    continue;
                }

                var key = slots.Aliases[slot] + "." + pair.Key;
                entity.Attributes[key] = new AliasedValue(table.LogicalName, pair.Key, pair.Value);
                if (linked.FormattedValues.TryGetValue(pair.Key, out var label))
                {
                    entity.FormattedValues[key] = label;
                }
            }
        }

        return entity;
    }

    private static List<Entity> DistinctRows(List<Entity> entities)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Entity>();
        foreach (var entity in entities)
        {
            var signature = string.Join("|", entity.Attributes
                .Where(a => a.Value is not Guid || a.Key.Contains('.', StringComparison.Ordinal))
                .OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => a.Key + "=" + Convert.ToString(QueryValues.Key(a.Value is AliasedValue v ? v.Value : a.Value), CultureInfo.InvariantCulture)));
            if (seen.Add(signature))
            {
                result.Add(entity);
            }
        }

        return result;
    }

    private static EntityCollection Page(TableMetadata root, List<Entity> entities, PagingInfo? page, int? top)
    {
        var result = new EntityCollection { EntityName = root.LogicalName, TotalRecordCount = TotalRecordCountNotRequested };
        if (top is { } limit && (page is null || page.Count == 0))
        {
            if (limit > MaxPageSize || limit < 0)
            {
                throw Fault.InvalidArgument($"The top count must be between 0 and {MaxPageSize}.");
            }

            result.Entities.AddRange(entities.Take(limit));
            return result;
        }

        var size = page is { Count: > 0 } ? page.Count : MaxPageSize;
        if (size > MaxPageSize)
        {
            throw Fault.InvalidArgument($"The page size {size} is larger than the maximum of {MaxPageSize}.");
        }

        var number = page is { PageNumber: > 1 } ? page.PageNumber : 1;
        var slice = entities.Skip((number - 1) * size).Take(size).ToList();
        result.Entities.AddRange(slice);
        result.MoreRecords = entities.Count > number * size;
        if (page?.ReturnTotalRecordCount == true)
        {
            result.TotalRecordCount = Math.Min(entities.Count, 5000);
            result.TotalRecordCountLimitExceeded = entities.Count > 5000;
        }

        if (slice.Count > 0)
        {
            result.PagingCookie = PagingCookie.Build(root.PrimaryIdAttribute, number, slice[0].Id, slice[^1].Id);
        }

        return result;
    }
}
