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
                return Read(request, table, id);
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
        // A bad $select/$expand for the representation is refused before the write, never after it.
        _ = OData.QueryOptions.Parse(Model, table, request.Query, single: true);
        var entity = EntityJsonReader.Read(_sets, table, request.RequireBody(), Guid.Empty);
        var id = Service.Create(entity);
        return Written(request, table, id, created: true);
    }

    /// <summary>PATCH creates the row when it does not exist, unless If-Match: * says update only.</summary>
    private ApiResponse Upsert(ApiRequest request, TableMetadata table, Guid id)
    {
        _ = OData.QueryOptions.Parse(Model, table, request.Query, single: true);
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

        var response = Read(request, table, id, created ? 201 : 200).With("OData-EntityId", location);
        response.Headers["Preference-Applied"] = response.Headers.TryGetValue("Preference-Applied", out var applied) ? "return=representation," + applied : "return=representation";
        return response;
    }
}
