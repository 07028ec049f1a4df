using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OData;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;
using Rapport.Emulator.Metadata;

namespace Rapport.LocalEnvironment.WebApi.OData;

/// <summary>
/// A request's system query options parsed and validated by Microsoft.OData against the model: an unknown property,
/// a bad literal or a syntax error is refused before anything runs (400, as Dataverse answers them:
/// learn.microsoft.com/troubleshoot/power-platform/dataverse/dataverse-web-api-and-sdk/web-api-client-errors).
/// </summary>
internal sealed class QueryOptions
{
    /// <summary>What Dataverse's Web API accepts; anything else starting with $ is refused.</summary>
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { "$select", "$filter", "$orderby", "$top", "$count", "$expand", "$apply", "$skiptoken" };

    private QueryOptions(TableMetadata table)
    {
        Table = table;
    }

    public TableMetadata Table { get; }

    public SelectExpandClause? SelectExpand { get; private set; }

    public FilterClause? Filter { get; private set; }

    public OrderByClause? OrderBy { get; private set; }

    public long? Top { get; private set; }

    public bool Count { get; private set; }

    public ApplyClause? Apply { get; private set; }

    public static QueryOptions Parse(WebApiModel model, TableMetadata table, IReadOnlyDictionary<string, string> query, bool single)
    {
        foreach (var key in query.Keys.Where(k => k.StartsWith('$') && !Known.Contains(k)))
        {
            throw WebApiException.BadQuery(key == "$skip" ? "The query parameter $skip is not supported" : $"The query parameter {key} is not supported.");
        }

        var options = query.Where(q => q.Key.StartsWith('$') || q.Key.StartsWith('@')).ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
        var type = model.Types[table.LogicalName];
        var parser = new ODataQueryOptionParser(model.Model, type, model.Sets[table.LogicalName], options)
        {
            Resolver = new ODataUriResolver { EnableCaseInsensitive = false },
        };
        parser.Settings.MaximumExpansionDepth = 10;
        var result = new QueryOptions(table);
        try
        {
            result.SelectExpand = parser.ParseSelectAndExpand();
            if (single && query.Keys.Any(k => k is "$filter" or "$orderby" or "$top" or "$apply"))
            {
                throw WebApiException.BadQuery("Only $select and $expand apply to a single record.");
            }

            result.Filter = parser.ParseFilter();
            result.OrderBy = parser.ParseOrderBy();
            result.Top = parser.ParseTop();
            result.Count = parser.ParseCount() == true;
            result.Apply = parser.ParseApply();
        }
        catch (ODataException e)
        {
            throw Refused(e);
        }
        catch (Exception e) when (e is NotSupportedException or NotImplementedException or ArgumentException or FormatException or OverflowException)
        {
            throw WebApiException.BadQuery(e.Message);
        }

        if (result.Top is < 0 or > 5000)
        {
            throw WebApiException.BadQuery($"The $top value must be between 0 and 5000, not {result.Top}.");
        }

        return result;
    }

    /// <summary>A parse error as Dataverse reports it: an unknown property is code 0x0, any other a query syntax error.</summary>
    public static WebApiException Refused(ODataException e) =>
        e.Message.StartsWith("Could not find a property named", StringComparison.Ordinal)
            ? new WebApiException(400, WebApiException.PropertyNotFound, e.Message)
            : WebApiException.BadQuery(e.Message);
}
