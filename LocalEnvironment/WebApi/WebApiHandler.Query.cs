using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Metadata;
using Rapport.LocalEnvironment.WebApi.OData;

namespace Rapport.LocalEnvironment.WebApi;

/// <summary>
/// Reading rows: $select, $filter, $orderby, $top, $count, $expand and paging (Prefer: odata.maxpagesize,
/// @odata.nextLink with a $skiptoken), every query run by the emulator as the caller — RetrieveMultiple with the
/// caller's security, for the rows, each expansion and each subquery a $filter needs
/// (learn.microsoft.com/power-apps/developer/data-platform/webapi/query-data-web-api).
/// </summary>
internal sealed partial class WebApiHandler
{
    private WebApiModel? _model;
    private int _modelApis = -1;

    /// <summary>The EDM model of the tables and the Custom APIs known now (rebuilt when an import adds APIs).</summary>
    internal WebApiModel Model
    {
        get
        {
            var apis = _env.Organization.CustomApis.Definitions.OrderBy(a => a.UniqueName, StringComparer.Ordinal).ToList();
            if (_model is null || apis.Count != _modelApis)
            {
                _model = EdmModelFactory.Build(_env.Metadata, apis);
                _modelApis = apis.Count;
            }

            return _model;
        }
    }

    private FilterTranslator Filters => new(Model, RunAll, Hierarchy.Below(_env));

    private ApiResponse List(ApiRequest request, TableMetadata table)
    {
        if (request.Option("fetchXml") is { } fetchXml)
        {
            return Fetch(request, table, fetchXml);
        }

        var options = QueryOptions.Parse(Model, table, request.Query, single: false);
        if (options.Apply is not null)
        {
            return Aggregate(request, table, options);
        }

        var shape = ResultShape.Of(Model, table, options.SelectExpand);
        var query = new QueryExpression(table.LogicalName) { ColumnSet = shape.ColumnSet() };
        if (options.Filter is not null)
        {
            query.Criteria = Filters.Translate(options.Filter.Expression, table);
        }

        ResultShape.AddOrders(query, table, options.OrderBy);
        var (page, cookie) = SkipToken(request.Option("$skiptoken"));
        var pageSize = options.Top is null ? request.MaxPageSize ?? Emulator.Query.QueryEngine.MaxPageSize : (int?)null;
        if (pageSize is { } size)
        {
            query.PageInfo = new PagingInfo { Count = size, PageNumber = page, PagingCookie = cookie, ReturnTotalRecordCount = options.Count };
        }
        else if (request.Option("$skiptoken") is not null)
        {
            throw WebApiException.BadQuery("$skiptoken cannot be combined with $top.");
        }
        else if (options.Count)
        {
            // $top with $count: the count is of every matching row, the page holds the first $top.
            query.PageInfo = new PagingInfo { Count = (int)options.Top!.Value, PageNumber = 1, ReturnTotalRecordCount = true };
        }
        else
        {
            query.TopCount = (int)options.Top!.Value;
        }

        var result = Service.RetrieveMultiple(query);
        var rows = Rows(table, result.Entities, shape, request.Annotations);
        Expand(rows, shape, request.Annotations);
        var body = new JsonObject { ["@odata.context"] = $"{request.BaseUrl}$metadata#{table.Definition.SetName}{ContextColumns(shape)}" };
        if (options.Count)
        {
            body["@odata.count"] = result.TotalRecordCount;
        }

        body["value"] = new JsonArray(rows.Select(r => (JsonNode?)r.Json).ToArray());
        if (pageSize is not null && result.MoreRecords)
        {
            body["@odata.nextLink"] = NextLink(request, table, query.PageInfo.PageNumber + 1, result.PagingCookie);
        }

        return WithPreferences(new ApiResponse(200, body), request, request.MaxPageSize);
    }

    /// <summary>GET set(id) with $select and $expand.</summary>
    private ApiResponse Read(ApiRequest request, TableMetadata table, Guid id, int status = 200)
    {
        var options = QueryOptions.Parse(Model, table, request.Query, single: true);
        var shape = ResultShape.Of(Model, table, options.SelectExpand);
        var entity = Service.Retrieve(table.LogicalName, id, shape.ColumnSet());
        var rows = Rows(table, [entity], shape, request.Annotations);
        Expand(rows, shape, request.Annotations);
        var body = rows[0].Json;
        body.Insert(0, "@odata.context", $"{request.BaseUrl}$metadata#{table.Definition.SetName}{ContextColumns(shape)}/$entity");
        return WithPreferences(new ApiResponse(status, body), request, null);
    }

    private static ApiResponse WithPreferences(ApiResponse response, ApiRequest request, int? maxPageSize)
    {
        var applied = new List<string>();
        if (maxPageSize is not null)
        {
            applied.Add($"odata.maxpagesize={maxPageSize}");
        }

        if (request.Annotations)
        {
            applied.Add("odata.include-annotations=\"*\"");
        }

        return applied.Count > 0 ? response.With("Preference-Applied", string.Join(",", applied)) : response;
    }

    /// <summary>The context URL's column list, as Dataverse writes it: accounts(name,primarycontactid(fullname)).</summary>
    private static string ContextColumns(ResultShape shape) =>
        shape.Columns is null && shape.Expansions.Count == 0 ? "" : "(" + SelectList(shape) + ")";

    private static string SelectList(ResultShape shape) =>
        string.Join(",", (shape.Columns?.Select(c => EdmModelFactory.PropertyName(shape.Table.Column(c)!)) ?? (shape.Expansions.Count > 0 ? new[] { "*" } : Array.Empty<string>()))
            .Concat(shape.Expansions.Select(e => $"{e.Name}({SelectList(e.Inner)})")));

    private static List<(Entity Entity, JsonObject Json)> Rows(TableMetadata table, IEnumerable<Entity> entities, ResultShape shape, bool annotations) =>
        entities.Select(e => (e, EntityJsonWriter.Write(table, e, shape.Written, annotations))).ToList();

    /// <summary>Adds each $expand to the rows: one query per navigation property and level, as the caller, so a related
    /// row the caller cannot read is null (single-valued) or absent (collection-valued).</summary>
    private void Expand(List<(Entity Entity, JsonObject Json)> rows, ResultShape shape, bool annotations)
    {
        foreach (var expansion in shape.Expansions)
        {
            var info = expansion.Info;
            var target = info.Target;
            var query = new QueryExpression(target.LogicalName) { ColumnSet = expansion.Inner.ColumnSet(info.IsCollection ? [info.Lookup] : []) };
            if (info.IsCollection)
            {
                var parents = rows.Select(r => (object)r.Entity.Id).Distinct().ToArray();
                query.Criteria.AddCondition(info.Lookup, ConditionOperator.In, parents);
                if (expansion.Filter is not null)
                {
                    query.Criteria.AddFilter(Filters.Translate(expansion.Filter.Expression, target));
                }

                ResultShape.AddOrders(query, target, expansion.OrderBy);
                var children = parents.Length == 0 ? [] : Rows(target, RunAll(query), expansion.Inner, annotations);
                Expand(children, expansion.Inner, annotations);
                var byParent = children.ToLookup(c => c.Entity.GetAttributeValue<EntityReference>(info.Lookup)?.Id);
                foreach (var (entity, json) in rows)
                {
                    var mine = byParent[entity.Id].Take(expansion.Top is { } top ? (int)top : int.MaxValue);
                    json[expansion.Name] = new JsonArray(mine.Select(c => c.Json.DeepClone()).ToArray());
                }
            }
            else
            {
                var ids = rows.Select(r => r.Entity.GetAttributeValue<EntityReference>(info.Lookup))
                    .Where(r => r is not null && r.LogicalName == target.LogicalName).Select(r => (object)r!.Id).Distinct().ToArray();
                query.Criteria.AddCondition(target.PrimaryIdAttribute, ConditionOperator.In, ids);
                var related = ids.Length == 0 ? [] : Rows(target, RunAll(query), expansion.Inner, annotations);
                Expand(related, expansion.Inner, annotations);
                var byId = related.ToDictionary(r => r.Entity.Id, r => r.Json);
                foreach (var (entity, json) in rows)
                {
                    var reference = entity.GetAttributeValue<EntityReference>(info.Lookup);
                    json[expansion.Name] = reference is not null && reference.LogicalName == target.LogicalName && byId.TryGetValue(reference.Id, out var found) ? found.DeepClone() : null;
                }
            }
        }
    }

    /// <summary>Every page of a query, as the caller.</summary>
    private List<Entity> RunAll(QueryExpression query)
    {
        var all = new List<Entity>();
        query.PageInfo = new PagingInfo { Count = Emulator.Query.QueryEngine.MaxPageSize, PageNumber = 1 };
        while (true)
        {
            var page = Service.RetrieveMultiple(query);
            all.AddRange(page.Entities);
            if (!page.MoreRecords)
            {
                return all;
            }

            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }

    /// <summary>Dataverse's skiptoken: &lt;cookie pagenumber="2" pagingcookie="…" istracking="False" /&gt;.</summary>
    private static string NextLink(ApiRequest request, TableMetadata table, int page, string? pagingCookie)
    {
        var token = new XElement("cookie",
            new XAttribute("pagenumber", page.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("pagingcookie", WebUtility.UrlEncode(pagingCookie ?? "")),
            new XAttribute("istracking", "False")).ToString(SaveOptions.DisableFormatting);
        var options = request.Query.Where(q => q.Key != "$skiptoken").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}").Append("$skiptoken=" + Uri.EscapeDataString(token));
        return $"{request.BaseUrl}{table.Definition.SetName}?{string.Join("&", options)}";
    }

    /// <summary>A $skiptoken this service wrote; anything else is a 400, never silently the first page.</summary>
    private static (int Page, string? Cookie) SkipToken(string? token)
    {
        if (token is null)
        {
            return (1, null);
        }

        try
        {
            var cookie = XElement.Parse(token);
            var page = int.Parse((string?)cookie.Attribute("pagenumber") ?? "", NumberStyles.None, CultureInfo.InvariantCulture);
            var paging = WebUtility.UrlDecode((string?)cookie.Attribute("pagingcookie") ?? "");
            if (cookie.Name.LocalName != "cookie" || page < 2 || (paging.Length > 0 && XElement.Parse(paging).Name.LocalName != "cookie"))
            {
                throw new FormatException();
            }

            return (page, paging.Length == 0 ? null : paging);
        }
        catch (Exception e) when (e is System.Xml.XmlException or FormatException or OverflowException)
        {
            throw WebApiException.BadQuery($"The $skiptoken '{token}' is not valid: send back the @odata.nextLink as it was received.");
        }
    }
}
