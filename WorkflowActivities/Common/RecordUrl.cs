using System;
using System.Collections.Generic;
using System.Globalization;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Rapport.WorkflowActivities.Common;

/// <summary>What a record URL says: its table's logical name (etn) or type code (etc), and the record id.</summary>
public sealed record ParsedRecordUrl(string? Table, int? TypeCode, Guid Id);

/// <summary>
/// The record a Dynamics record URL opens. A workflow input can target one table only, so the activities that work
/// on any record take the "Record URL (Dynamic)" the designer offers for every record and related record:
/// <c>https://org.crm.dynamics.com/main.aspx?etc=2&amp;id=%7b…%7d&amp;pagetype=entityrecord</c> (classic) or
/// <c>…/main.aspx?appid=…&amp;pagetype=entityrecord&amp;etn=contact&amp;id=…</c> (Unified Interface). The table comes
/// from <c>etn</c>, else from the type code <c>etc</c>: standard tables' codes are fixed and known here; a custom
/// table's code differs between organizations and is looked up in the entity table.
/// </summary>
public static class RecordUrl
{
    /// <summary>The standard tables' object type codes, which are the same in every organization.</summary>
    private static readonly Dictionary<int, string> StandardTypeCodes = new()
    {
        [1] = "account", [2] = "contact", [3] = "opportunity", [4] = "lead", [5] = "annotation", [8] = "systemuser",
        [9] = "team", [10] = "businessunit", [112] = "incident", [123] = "competitor", [1010] = "contract",
        [1024] = "product", [1084] = "quote", [1088] = "salesorder", [1090] = "invoice", [2020] = "queue",
        [4201] = "appointment", [4202] = "email", [4204] = "fax", [4207] = "letter", [4210] = "phonecall",
        [4212] = "task", [4300] = "list", [4400] = "campaign",
    };

    /// <summary>
    /// The record the URL names; <paramref name="metadata"/> is asked only for a custom table's type code. A URL
    /// without a table or a record id is refused with a message starting with <paramref name="input"/> (which input).
    /// </summary>
    public static EntityReference Resolve(string url, string input, IOrganizationService metadata)
    {
        var parsed = Parse(url, input);
        var table = parsed.Table ?? TableOf(parsed.TypeCode!.Value, input, metadata);
        return new EntityReference(table, parsed.Id);
    }

    /// <summary>The table (etn) or type code (etc) and the id (id) in the URL's query or fragment.</summary>
    public static ParsedRecordUrl Parse(string url, string input)
    {
        var values = Parameters(url);
        if (!values.TryGetValue("id", out var idText) || !Guid.TryParse(idText.Trim().Trim('{', '}'), out var id) || id == Guid.Empty)
        {
            throw Refused(input, url, "has no record id (id=…)");
        }

        if (values.TryGetValue("etn", out var etn) && etn.Trim().Length > 0)
        {
            var table = etn.Trim().ToLowerInvariant();
            foreach (var c in table)
            {
                if (!(c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c == '_'))
                {
                    throw Refused(input, url, $"names the table '{etn}', which is not a table logical name");
                }
            }

            return new ParsedRecordUrl(table, null, id);
        }

        if (values.TryGetValue("etc", out var etc) && int.TryParse(etc.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return new ParsedRecordUrl(null, code, id);
        }

        throw Refused(input, url, "does not say which table the record is in (etn=… or etc=…)");
    }

    private static string TableOf(int typeCode, string input, IOrganizationService metadata)
    {
        if (StandardTypeCodes.TryGetValue(typeCode, out var standard))
        {
            return standard;
        }

        var query = new QueryExpression("entity") { ColumnSet = new ColumnSet("logicalname"), TopCount = 1 };
        query.Criteria.AddCondition("objecttypecode", ConditionOperator.Equal, typeCode);
        try
        {
            foreach (var row in metadata.RetrieveMultiple(query).Entities)
            {
                if (row.GetAttributeValue<string>("logicalname") is { Length: > 0 } name)
                {
                    return name;
                }
            }
        }
        catch (FaultException<OrganizationServiceFault>)
        {
            // The entity table cannot be read here: the code stays unknown, and the message says what to pass instead.
        }

        throw new InvalidPluginExecutionException(
            $"{input} names its table only by the type code {typeCode.ToString(CultureInfo.InvariantCulture)}, and no table with that code was found. " +
            "Give a record URL that names the table (etn=<table logical name>&id=<record id>).");
    }

    private static Dictionary<string, string> Parameters(string url)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var start = url.IndexOf('?');
        var hash = url.IndexOf('#');
        var parts = new List<string>();
        if (start >= 0)
        {
            parts.Add(hash > start ? url.Substring(start + 1, hash - start - 1) : url.Substring(start + 1));
        }

        if (hash >= 0)
        {
            parts.Add(url.Substring(hash + 1));
        }

        foreach (var part in parts)
        {
            foreach (var pair in part.Split('&'))
            {
                var equals = pair.IndexOf('=');
                if (equals > 0)
                {
                    var key = Uri.UnescapeDataString(pair.Substring(0, equals)).Trim();
                    if (!values.ContainsKey(key))
                    {
                        values[key] = Uri.UnescapeDataString(pair.Substring(equals + 1));
                    }
                }
            }
        }

        return values;
    }

    private static InvalidPluginExecutionException Refused(string input, string url, string problem) =>
        new($"{input} ('{(url.Length > 200 ? url.Substring(0, 200) + "…" : url)}') {problem}: give the record's URL, e.g. the Record URL (Dynamic) of the record.");
}
