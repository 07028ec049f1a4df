using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Rapport.Emulator.Metadata;
using Rapport.LocalEnvironment.WebApi.OData;

namespace Rapport.LocalEnvironment.WebApi;

/// <summary>
/// $apply (filter, groupby, aggregate: learn.microsoft.com/power-apps/developer/data-platform/webapi/query/aggregate-data)
/// and fetchXml= (learn.microsoft.com/power-apps/developer/data-platform/fetchxml/retrieve-data?tabs=webapi): both run
/// as FetchXML through RetrieveMultiple as the caller, so counts and sums cover only the rows the caller may read.
/// </summary>
internal sealed partial class WebApiHandler
{
    private ApiResponse Aggregate(ApiRequest request, TableMetadata table, QueryOptions options)
    {
        if (options.OrderBy is not null || options.Top is not null || options.Count || options.SelectExpand is { AllSelected: false } || request.Option("$expand") is not null)
        {
            // Dataverse: "$orderby with aggregated values isn't supported"; the others do not combine with $apply either.
            throw WebApiException.BadQuery("The query node SingleValueOpenPropertyAccess is not supported.");
        }

        var entity = new XElement("entity", new XAttribute("name", table.LogicalName));
        var criteria = options.Filter is null ? new FilterExpression() : Filters.Translate(options.Filter.Expression, table);
        var grouped = false;
        foreach (var transformation in options.Apply!.Transformations)
        {
            switch (transformation)
            {
                case FilterTransformationNode filter when !grouped:
                    criteria.AddFilter(Filters.Translate(filter.FilterClause.Expression, table));
                    break;
                case GroupByTransformationNode groupBy when !grouped:
                    foreach (var property in groupBy.GroupingProperties)
                    {
                        if (property.Expression is null || property.ChildTransformations.Any())
                        {
                            throw WebApiException.BadQuery($"groupby takes properties of '{table.LogicalName}' ('{property.Name}' is a path).");
                        }

                        var column = table.Column(ResultShape.ColumnOf(table, property.Expression))!;
                        if (column.Type == Solution.Model.ColumnType.DateTime)
                        {
                            throw WebApiException.BadQuery("groupby with datetime values isn't supported.");
                        }

                        entity.Add(new XElement("attribute", new XAttribute("name", column.LogicalName), new XAttribute("groupby", "true"), new XAttribute("alias", property.Name)));
                    }

                    if (groupBy.ChildTransformations is AggregateTransformationNode inner)
                    {
                        AddAggregates(entity, table, inner);
                    }

                    grouped = true;
                    break;
                case AggregateTransformationNode aggregate when !grouped:
                    AddAggregates(entity, table, aggregate);
                    grouped = true;
                    break;
                default:
                    throw WebApiException.BadQuery($"The $apply transformation {transformation.Kind} is not supported here; use filter(...)/groupby((...),aggregate(...)).");
            }
        }

        if (!grouped)
        {
            throw WebApiException.BadQuery("$apply needs groupby or aggregate.");
        }

        if (criteria.Conditions.Count > 0 || criteria.Filters.Count > 0)
        {
            entity.Add(FetchXmlWriter.Filter(criteria));
        }

        var fetch = new XElement("fetch", new XAttribute("aggregate", "true"), entity).ToString(SaveOptions.DisableFormatting);
        var result = Service.RetrieveMultiple(new FetchExpression(fetch));
        var rows = result.Entities.Select(e => (JsonNode?)AliasedRow(e, request.Annotations)).ToArray();
        return WithPreferences(new ApiResponse(200, new JsonObject
        {
            ["@odata.context"] = $"{request.BaseUrl}$metadata#{table.Definition.SetName}",
            ["value"] = new JsonArray(rows),
        }), request, null);
    }

    private static void AddAggregates(XElement entity, TableMetadata table, AggregateTransformationNode aggregate)
    {
        foreach (var expression in aggregate.AggregateExpressions)
        {
            if (expression is not AggregateExpression single)
            {
                throw WebApiException.BadQuery("Only 'property with method as alias' and '$count as alias' are supported in aggregate().");
            }

            var (column, function, distinct) = single.Method switch
            {
                AggregationMethod.VirtualPropertyCount => (table.PrimaryIdAttribute, "count", false),
                AggregationMethod.Sum => (ResultShape.ColumnOf(table, single.Expression), "sum", false),
                AggregationMethod.Average => (ResultShape.ColumnOf(table, single.Expression), "avg", false),
                AggregationMethod.Min => (ResultShape.ColumnOf(table, single.Expression), "min", false),
                AggregationMethod.Max => (ResultShape.ColumnOf(table, single.Expression), "max", false),
                AggregationMethod.CountDistinct => (ResultShape.ColumnOf(table, single.Expression), "countcolumn", true),
                _ => throw WebApiException.BadQuery($"The aggregation method {single.Method} is not supported."),
            };
            var attribute = new XElement("attribute", new XAttribute("name", column), new XAttribute("aggregate", function), new XAttribute("alias", single.Alias));
            if (distinct)
            {
                attribute.Add(new XAttribute("distinct", "true"));
            }

            entity.Add(attribute);
        }
    }

    /// <summary>GET set?fetchXml=…: the rows of a FetchXML query on that set's table; linked columns as alias.column.</summary>
    private ApiResponse Fetch(ApiRequest request, TableMetadata table, string fetchXml)
    {
        if (request.Query.Keys.Any(k => k.StartsWith('$')))
        {
            throw WebApiException.BadQuery("fetchXml cannot be combined with other query options.");
        }

        XElement root;
        try
        {
            root = XElement.Parse(fetchXml);
        }
        catch (System.Xml.XmlException e)
        {
            throw WebApiException.BadQuery($"The fetchXml parameter is not valid XML: {e.Message}");
        }

        if ((string?)root.Element("entity")?.Attribute("name") != table.LogicalName)
        {
            throw WebApiException.BadQuery($"The FetchXML entity must be '{table.LogicalName}' for the entity set '{table.Definition.SetName}'.");
        }

        var result = Service.RetrieveMultiple(new FetchExpression(fetchXml));
        var rows = result.Entities.Select(e => (JsonNode?)AliasedRow(e, request.Annotations, table)).ToArray();
        var body = new JsonObject { ["@odata.context"] = $"{request.BaseUrl}$metadata#{table.Definition.SetName}", ["value"] = new JsonArray(rows) };
        if (result.MoreRecords)
        {
            body["@Microsoft.Dynamics.CRM.fetchxmlpagingcookie"] = new XElement("cookie",
                new XAttribute("pagenumber", ((int?)root.Attribute("page") ?? 1) + 1),
                new XAttribute("pagingcookie", System.Net.WebUtility.UrlEncode(result.PagingCookie ?? "")),
                new XAttribute("istracking", "False")).ToString(SaveOptions.DisableFormatting);
            body["@Microsoft.Dynamics.CRM.morerecords"] = true;
        }

        return WithPreferences(new ApiResponse(200, body), request, null);
    }

    /// <summary>A row whose values may be aliased (aggregates, link-entity columns): each under its alias, typed by its column.</summary>
    private JsonObject AliasedRow(Entity entity, bool annotations, TableMetadata? table = null)
    {
        var json = new JsonObject();
        if (table is not null && entity.GetAttributeValue<object>("versionnumber") is { } version)
        {
            json["@odata.etag"] = $"W/\"{System.Convert.ToString(version, System.Globalization.CultureInfo.InvariantCulture)}\"";
        }

        foreach (var (key, raw) in entity.Attributes)
        {
            var aliased = raw as AliasedValue;
            var owner = aliased is null ? table : _env.Metadata.Find(aliased.EntityLogicalName);
            var attribute = aliased is null ? key : aliased.AttributeLogicalName ?? key;
            var value = aliased is null ? raw : aliased.Value;
            if (owner?.Column(attribute) is not { } column || column.IsPrimaryId && raw is not AliasedValue)
            {
                continue;
            }

            var name = raw is AliasedValue ? key : EdmModelFactory.PropertyName(column);
            EntityJsonWriter.WriteColumn(json, name, owner, column, value, entity, annotations);
        }

        if (table is not null && entity.Id != Guid.Empty)
        {
            json[table.PrimaryIdAttribute] = entity.Id.ToString("D");
        }

        return json;
    }
}
