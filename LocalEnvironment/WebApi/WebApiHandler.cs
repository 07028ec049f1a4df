using System;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator;
using Rapport.LocalEnvironment.Solutions;
using Rapport.LocalEnvironment.WebApi.OData;

namespace Rapport.LocalEnvironment.WebApi;

/// <summary>
/// Routes one Web API call (path after /api/data/v9.2/) to the emulator: WhoAmI, entity sets, Custom APIs, solution
/// import. Callers hold the environment's lock: the emulator is single-threaded, as one organization's pipeline is.
/// </summary>
internal sealed partial class WebApiHandler
{
    private const string CrmNamespace = "Microsoft.Dynamics.CRM.";
    private readonly DataverseEmulator _env;
    private readonly EntitySets _sets;
    private readonly SolutionImporter _importer;

    /// <summary>The user the current request runs as (set per request; callers hold the lock).</summary>
    private Guid? _current;

    public WebApiHandler(DataverseEmulator env, SolutionImporter importer)
    {
        _env = env;
        _importer = importer;
        _sets = new EntitySets(env.Metadata);
    }

    /// <summary>The user every authenticated call runs as (the token stands for one user), unless it impersonates another.</summary>
    public Guid CallerId { get; set; }

    private IOrganizationService Service => _env.GetService(_current ?? CallerId);

    public ApiResponse Handle(ApiRequest request)
    {
        _current = Impersonation.Resolve(_env, CallerId, request.CallerId, request.CallerObjectId);
        try
        {
            return Route(request);
        }
        finally
        {
            _current = null;
        }
    }

    private ApiResponse Route(ApiRequest request)
    {
        var path = request.Path.Trim('/');
        if (path.Length == 0)
        {
            return new ApiResponse(200, new JsonObject { ["@odata.context"] = request.BaseUrl + "$metadata", ["value"] = new JsonArray(_sets.Tables.Select(t => (JsonNode?)new JsonObject { ["name"] = t.Definition.SetName, ["kind"] = "EntitySet", ["url"] = t.Definition.SetName }).ToArray()) });
        }

        if (path == "$metadata" && request.Method == "GET")
        {
            return new ApiResponse(200, MetadataDocument.Write(Model.Model)) { ContentType = "application/xml" };
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var head = slash < 0 ? path : path[..slash];
        var tail = slash < 0 ? null : path[(slash + 1)..];
        var open = head.IndexOf('(', StringComparison.Ordinal);
        var name = open < 0 ? head : head[..open];
        var args = open < 0 ? null : head.EndsWith(')') ? head[(open + 1)..^1] : throw WebApiException.NotFound(head);

        switch (name)
        {
            case "WhoAmI" when tail is null && (args is null || args.Length == 0):
                return WhoAmI(request);
            case "PublishAllXml" or "PublishXml" when request.Method == "POST":
                return ApiResponse.NoContent();
            case "ImportSolution" or "ImportSolutionAsync" when request.Method == "POST":
                return _importer.Handle(name, request.RequireBody());
            case "DeleteAndPromote" or "DeleteAndPromoteAsync" when request.Method == "POST":
                return _importer.Promote(name, request.RequireBody());
        }

        if (_sets.Find(name) is { } table)
        {
            if (tail is not null)
            {
                var operation = tail.StartsWith(CrmNamespace, StringComparison.Ordinal) ? tail[CrmNamespace.Length..] : tail;
                return BoundOperation(request, table, ParseId(args, head), operation);
            }

            return args is null ? Collection(request, table) : Single(request, table, ParseId(args, head));
        }

        if (tail is null && _env.Organization.CustomApis.Handler(name) is not null)
        {
            return CustomApi(request, name, args, target: null);
        }

        throw WebApiException.NotFound(head);
    }

    private ApiResponse WhoAmI(ApiRequest request)
    {
        var response = Service.Execute(new OrganizationRequest("WhoAmI"));
        return new ApiResponse(200, new JsonObject
        {
            ["@odata.context"] = request.BaseUrl + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse",
            ["BusinessUnitId"] = ((Guid)response.Results["BusinessUnitId"]!).ToString("D"),
            ["UserId"] = ((Guid)response.Results["UserId"]!).ToString("D"),
            ["OrganizationId"] = ((Guid)response.Results["OrganizationId"]!).ToString("D"),
        });
    }

    private static Guid ParseId(string? args, string segment) =>
        Guid.TryParse(args, out var id) ? id : throw WebApiException.NotFound(segment);
}
