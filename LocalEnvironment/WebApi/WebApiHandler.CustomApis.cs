using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Xrm.Sdk;
using Rapport.Emulator.Handlers;
using Rapport.Emulator.Metadata;
using Rapport.Solution.Model;

namespace Rapport.LocalEnvironment.WebApi;

/// <summary>
/// Custom APIs as Dataverse exposes them: actions are POST with a JSON body, functions are GET with
/// (Name=value,…) or (Name=@p1) plus ?@p1=value; bound ones hang off /set(id)/Microsoft.Dynamics.CRM.name.
/// </summary>
internal sealed partial class WebApiHandler
{
    private ApiResponse BoundOperation(ApiRequest request, TableMetadata table, Guid id, string operation)
    {
        var open = operation.IndexOf('(', StringComparison.Ordinal);
        var name = open < 0 ? operation : operation[..open];
        var args = open < 0 ? null : operation.EndsWith(')') ? operation[(open + 1)..^1] : throw WebApiException.NotFound(operation);
        if (_env.Organization.CustomApis.Handler(name) is null)
        {
            throw WebApiException.NotFound(operation);
        }

        return CustomApi(request, name, args, new EntityReference(table.LogicalName, id));
    }

    private ApiResponse CustomApi(ApiRequest request, string name, string? args, EntityReference? target)
    {
        var definition = ((CustomApiHandler)_env.Organization.CustomApis.Handler(name)!).Definition;
        var input = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (definition.IsFunction)
        {
            if (request.Method != "GET")
            {
                throw new WebApiException(405, WebApiException.ResourceNotFound, $"The function '{name}' is called with GET.");
            }

            foreach (var (parameter, literal) in FunctionArguments(args ?? "", request))
            {
                input[parameter] = literal;
            }
        }
        else
        {
            if (request.Method != "POST" || args is not null)
            {
                throw new WebApiException(405, WebApiException.ResourceNotFound, $"The action '{name}' is called with POST and a JSON body.");
            }

            if (request.Body is { ValueKind: JsonValueKind.Object } body)
            {
                foreach (var property in body.EnumerateObject().Where(p => !p.Name.StartsWith('@')))
                {
                    input[property.Name] = property.Value;
                }
            }
        }

        var organizationRequest = new OrganizationRequest(definition.UniqueName);
        foreach (var (parameter, value) in input)
        {
            var field = definition.RequestParameters.FirstOrDefault(p => p.UniqueName == parameter)
                ?? throw new WebApiException($"The operation '{name}' has no parameter '{parameter}'.");
            organizationRequest[parameter] = Convert(field, value);
        }

        if (target is not null)
        {
            organizationRequest["Target"] = target;
        }

        var response = Service.Execute(organizationRequest);
        if (response.Results.Count == 0)
        {
            return ApiResponse.NoContent();
        }

        var json = new JsonObject { ["@odata.context"] = $"{request.BaseUrl}$metadata#Microsoft.Dynamics.CRM.{definition.UniqueName}Response" };
        foreach (var (key, value) in response.Results)
        {
            json[key] = value is EntityReference reference
                ? new JsonObject { ["@odata.type"] = "#Microsoft.Dynamics.CRM." + reference.LogicalName, [_env.Metadata.Find(reference.LogicalName)?.PrimaryIdAttribute ?? reference.LogicalName + "id"] = reference.Id.ToString("D") }
                : EntityJsonWriter.Value(value);
        }

        return new ApiResponse(200, json);
    }

    /// <summary>"Scope='my',PageSize=25" or "Param=@p1" with ?@p1='x' → parameter name → JSON literal.</summary>
    private static IEnumerable<(string Name, JsonElement Value)> FunctionArguments(string args, ApiRequest request)
    {
        foreach (var pair in SplitOutsideQuotes(args))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw WebApiException.BadQuery($"The function argument '{pair}' is not Name=value.");
            }

            var literal = pair[(equals + 1)..].Trim();
            if (literal.StartsWith('@'))
            {
                literal = request.Query.TryGetValue(literal, out var aliased) ? aliased : throw WebApiException.BadQuery($"The parameter alias '{literal}' has no value in the query string.");
            }

            yield return (pair[..equals].Trim(), Literal(literal));
        }
    }

    private static List<string> SplitOutsideQuotes(string text)
    {
        var parts = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\'')
            {
                quoted = !quoted;
            }
            else if (text[i] == ',' && !quoted)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        if (text.Length > start)
        {
            parts.Add(text[start..]);
        }

        return parts.Where(p => p.Trim().Length > 0).ToList();
    }

    /// <summary>An OData literal as JSON: 'text' (with '' escapes) → string, numbers and booleans as they are, other words as strings.</summary>
    private static JsonElement Literal(string literal)
    {
        if (literal.Length >= 2 && literal[0] == '\'' && literal[^1] == '\'')
        {
            return JsonSerializer.SerializeToElement(literal[1..^1].Replace("''", "'", StringComparison.Ordinal));
        }

        if (literal is "true" or "false" or "null" || decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return JsonDocument.Parse(literal).RootElement.Clone();
        }

        return JsonSerializer.SerializeToElement(literal);
    }

    private object? Convert(CustomApiFieldDefinition field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return field.Type switch
            {
                CustomApiFieldType.Boolean => value.GetBoolean(),
                CustomApiFieldType.DateTime => EntityJsonReader.ReadDate(value.GetString()),
                CustomApiFieldType.Decimal => value.GetDecimal(),
                CustomApiFieldType.Float => value.GetDouble(),
                CustomApiFieldType.Integer => value.GetInt32(),
                CustomApiFieldType.Money => new Money(value.GetDecimal()),
                CustomApiFieldType.Picklist => new OptionSetValue(value.GetInt32()),
                CustomApiFieldType.String => value.GetString(),
                CustomApiFieldType.StringArray => value.EnumerateArray().Select(v => v.GetString() ?? "").ToArray(),
                CustomApiFieldType.Guid => Guid.Parse(value.GetString() ?? ""),
                CustomApiFieldType.EntityReference => ReadReference(field, value),
                CustomApiFieldType.Entity => ReadEntity(field, value),
                CustomApiFieldType.EntityCollection => new EntityCollection(value.EnumerateArray().Select(v => ReadEntity(field, v)).ToList()),
                _ => throw new WebApiException($"The parameter type {field.Type} is not supported."),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new WebApiException($"The value of the parameter '{field.UniqueName}' is not a valid {field.Type}: {e.Message}");
        }
    }

    private TableMetadata TypedTable(CustomApiFieldDefinition field, JsonElement value)
    {
        var type = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("@odata.type", out var t) ? t.GetString() : null;
        var logicalName = type?.Split('.').Last() ?? field.LogicalEntityName
            ?? throw new WebApiException($"The parameter '{field.UniqueName}' needs an @odata.type.");
        return _env.Metadata.Find(logicalName) ?? throw WebApiException.NotFound(logicalName);
    }

    private EntityReference ReadReference(CustomApiFieldDefinition field, JsonElement value)
    {
        var table = TypedTable(field, value);
        return new EntityReference(table.LogicalName, Guid.Parse(value.GetProperty(table.PrimaryIdAttribute).GetString() ?? ""));
    }

    private Entity ReadEntity(CustomApiFieldDefinition field, JsonElement value)
    {
        var table = TypedTable(field, value);
        var id = value.TryGetProperty(table.PrimaryIdAttribute, out var key) && Guid.TryParse(key.GetString(), out var parsed) ? parsed : Guid.Empty;
        return EntityJsonReader.Read(_sets, table, value, id);
    }
}
