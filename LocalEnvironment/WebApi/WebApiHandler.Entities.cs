using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Faults;
using Rapport.Emulator.Metadata;

namespace Rapport.LocalEnvironment.WebApi;

/// <summary>Entity sets: list (with query options and paging), create, retrieve, update (upsert as PATCH is), delete.</summary>
internal sealed partial class WebApiHandler
{
    private ApiResponse Collection(ApiRequest request, TableMetadata table) => request.Method switch
    {
        "GET" => List(request, table),
        "POST" => Create(request, table),
        _ => throw new WebApiException(405, WebApiException.ResourceNotFound, $"The method {request.Method} is not allowed on the entity set '{table.Definition.SetName}'."),
    };

    private ApiResponse Single(ApiRequest request, TableMetadata table, Guid id)
    {
        switch (request.Method)
        {
            case "GET":
                var select = Select(request, table);
                var entity = Service.Retrieve(table.LogicalName, id, ColumnsOf(table, select));
                var body = EntityJsonWriter.Write(table, entity, select, request.Annotations);
                body.Insert(0, "@odata.context", $"{request.BaseUrl}$metadata#{table.Definition.SetName}/$entity");
                return new ApiResponse(200, body);
            case "PATCH":
                return Upsert(request, table, id);
            case "DELETE":
                Service.Delete(table.LogicalName, id);
                return ApiResponse.NoContent();
            default:
                throw new WebApiException(405, WebApiException.ResourceNotFound, $"The method {request.Method} is not allowed on a single record.");
        }
    }

    private ApiResponse Create(ApiRequest request, TableMetadata table)
    {
        var entity = EntityJsonReader.Read(_sets, table, request.RequireBody(), Guid.Empty);
        var id = Service.Create(entity);
        return Written(request, table, id, created: true);
    }

    /// <summary>PATCH creates the row when it does not exist, unless If-Match: * says update only.</summary>
    private ApiResponse Upsert(ApiRequest request, TableMetadata table, Guid id)
    {
        var entity = EntityJsonReader.Read(_sets, table, request.RequireBody(), id);
        entity.Id = id;
        if (_env.Store.Find(table.LogicalName, id) is null)
        {
            if (request.IfMatch == "*")
            {
                throw Fault.DoesNotExist(table.LogicalName, id);
            }

            Service.Create(entity);
            return Written(request, table, id, created: true);
        }

        Service.Update(entity);
        return Written(request, table, id, created: false);
    }

    private ApiResponse Written(ApiRequest request, TableMetadata table, Guid id, bool created)
    {
        var location = $"{request.BaseUrl}{table.Definition.SetName}({id:D})";
        if (!request.ReturnRepresentation)
        {
            return ApiResponse.NoContent().With("OData-EntityId", location);
        }

        var select = Select(request, table);
        var body = EntityJsonWriter.Write(table, Service.Retrieve(table.LogicalName, id, ColumnsOf(table, select)), select, request.Annotations);
        body.Insert(0, "@odata.context", $"{request.BaseUrl}$metadata#{table.Definition.SetName}/$entity");
        return new ApiResponse(created ? 201 : 200, body).With("OData-EntityId", location).With("Preference-Applied", "return=representation");
    }

    private ApiResponse List(ApiRequest request, TableMetadata table)
    {
        foreach (var unsupported in new[] { "$expand", "$apply", "$search" }.Where(o => request.Option(o) is not null))
        {
            throw WebApiException.BadQuery($"The query option {unsupported} is not supported by the local environment.");
        }

        var select = Select(request, table);
        var query = new QueryExpression(table.LogicalName) { ColumnSet = ColumnsOf(table, select) };
        if (request.Option("$filter") is { } filter)
        {
            query.Criteria = FilterParser.Parse(table, filter);
        }

        foreach (var order in (request.Option("$orderby") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = order.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var attribute = Attribute(table, parts[0]);
            var descending = parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            query.AddOrder(attribute, descending ? OrderType.Descending : OrderType.Ascending);
        }

        if (request.Option("$top") is { } top)
        {
            query.TopCount = int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : throw WebApiException.BadQuery($"Invalid $top '{top}'.");
        }

        var pageSize = query.TopCount is null ? request.MaxPageSize : null;
        if (pageSize is { } size)
        {
            var (page, cookie) = SkipToken(request.Option("$skiptoken"));
            query.PageInfo = new PagingInfo { Count = size, PageNumber = page, PagingCookie = cookie };
        }

        var result = Service.RetrieveMultiple(query);
        var body = new JsonObject
        {
            ["@odata.context"] = $"{request.BaseUrl}$metadata#{table.Definition.SetName}",
            ["value"] = new JsonArray(result.Entities.Select(e => (JsonNode?)EntityJsonWriter.Write(table, e, select, request.Annotations)).ToArray()),
        };
        if (pageSize is not null && result.MoreRecords)
        {
            body["@odata.nextLink"] = NextLink(request, table, query.PageInfo.PageNumber + 1, result.PagingCookie);
        }

        var response = new ApiResponse(200, body);
        var applied = new List<string>();
        if (pageSize is not null)
        {
            applied.Add($"odata.maxpagesize={pageSize}");
        }

        if (request.Annotations)
        {
            applied.Add("odata.include-annotations=\"*\"");
        }

        return applied.Count > 0 ? response.With("Preference-Applied", string.Join(",", applied)) : response;
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

    private static (int Page, string? Cookie) SkipToken(string? token)
    {
        if (token is null)
        {
            return (1, null);
        }

        try
        {
            var cookie = XElement.Parse(token);
            var page = int.Parse((string?)cookie.Attribute("pagenumber") ?? "1", CultureInfo.InvariantCulture);
            var paging = (string?)cookie.Attribute("pagingcookie");
            return (page, string.IsNullOrEmpty(paging) ? null : WebUtility.UrlDecode(paging));
        }
        catch (Exception e) when (e is System.Xml.XmlException or FormatException or OverflowException)
        {
            throw WebApiException.BadQuery("The $skiptoken is not valid.");
        }
    }

    private static List<string>? Select(ApiRequest request, TableMetadata table) =>
        request.Option("$select")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => Attribute(table, s)).ToList();

    /// <summary>versionnumber is always read: the @odata.etag comes from it.</summary>
    private static ColumnSet ColumnsOf(TableMetadata table, List<string>? select) =>
        select is null ? new ColumnSet(true)
            : new ColumnSet((table.HasColumn("versionnumber") ? select.Append("versionnumber") : select).Distinct().ToArray());

    /// <summary>A property name in $select/$orderby → the column's logical name (_x_value → x).</summary>
    private static string Attribute(TableMetadata table, string property)
    {
        var name = property.StartsWith('_') && property.EndsWith("_value", StringComparison.Ordinal) ? property[1..^"_value".Length] : property;
        return table.Column(name) is not null
            ? name
            : throw WebApiException.BadQuery($"Could not find a property named '{property}' on type 'Microsoft.Dynamics.CRM.{table.LogicalName}'.");
    }
}
