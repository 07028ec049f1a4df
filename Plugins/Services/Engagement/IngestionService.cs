using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using ConditionOperator = Microsoft.Xrm.Sdk.Query.ConditionOperator;
using Rapport.Domain.Common;
using Rapport.Domain.Engagement;
using I = Rapport.Plugins.Services.Engagement.EngagementSchema.I;
using P = Rapport.Plugins.Services.Engagement.EngagementSchema.P;

namespace Rapport.Plugins.Services.Engagement;

/// <summary>The batch outcome and the ids of the rows created, by row number.</summary>
public sealed record IngestionResult(BatchResult Result, IReadOnlyDictionary<int, Guid> Ids);

/// <summary>
/// Bulk ingestion of up to 1,000 interactions (CSV or JSON): reads the social profiles of the batch's networks and the
/// external ids already stored (1 RetrieveMultiple each, more only past 5,000 profiles), applies InteractionBatch and
/// creates the accepted rows with one CreateMultiple (the per-row validation and scoring steps run as for any create).
/// The external id is an alternate key, so a concurrent duplicate is refused by the platform too.
/// </summary>
public static class IngestionService
{
    public static IngestionResult Ingest(IOrganizationService service, string format, string payload, DateTime now)
    {
        var rows = Refusal.Guard(() => Parse(format, payload));
        if (rows.Count > InteractionBatch.MaxRows)
        {
            throw new InvalidPluginExecutionException($"The batch has {rows.Count} rows; send at most {InteractionBatch.MaxRows} per batch.");
        }

        var networks = rows.Select(r => Channels.TryParse(r.Network, out var c) ? (int?)EngagementSchema.ChannelOption(c).Value : null).Where(v => v is not null).Distinct().Cast<object>().ToArray();
        var customers = new Dictionary<Guid, EntityReference>();
        var links = new List<SocialProfileLink>();
        if (networks.Length > 0)
        {
            var profiles = new QueryExpression(EngagementSchema.Profile) { ColumnSet = new ColumnSet(P.Customer, P.Network, P.Handle) };
            profiles.Criteria.AddCondition(P.Network, ConditionOperator.In, networks);
            profiles.Criteria.AddCondition(EngagementSchema.StateCode, ConditionOperator.Equal, 0);
            foreach (var p in Paging.All(service, profiles))
            {
                var customer = p.GetAttributeValue<EntityReference>(P.Customer);
                if (customer is not null && p.GetAttributeValue<OptionSetValue>(P.Network) is { } network)
                {
                    customers[customer.Id] = customer;
                    links.Add(new SocialProfileLink(EngagementSchema.ChannelOf(network), p.GetAttributeValue<string>(P.Handle) ?? "", customer.Id));
                }
            }
        }

        var ids = rows.Select(r => r.ExternalId?.Trim()).Where(id => !string.IsNullOrEmpty(id)).Distinct().Cast<object>().ToArray();
        var existing = new List<string>();
        if (ids.Length > 0)
        {
            var query = new QueryExpression(EngagementSchema.Interaction) { ColumnSet = new ColumnSet(I.ExternalId) };
            query.Criteria.AddCondition(I.ExternalId, ConditionOperator.In, ids);
            existing.AddRange(service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string?>(I.ExternalId)).OfType<string>());
        }

        var result = Refusal.Guard(() => InteractionBatch.Process(rows, existing, links, now));
        var created = new Dictionary<int, Guid>();
        var accepted = result.Rows.Where(r => r.Interaction is not null).ToList();
        if (accepted.Count > 0)
        {
            var targets = new EntityCollection { EntityName = EngagementSchema.Interaction };
            foreach (var row in accepted)
            {
                var interaction = row.Interaction!;
                targets.Entities.Add(InteractionRows.ToRow(interaction, customers[interaction.CustomerId], interaction.ReferredCustomerId is { } r ? customers[r] : null));
            }

            var response = (CreateMultipleResponse)service.Execute(new CreateMultipleRequest { Targets = targets });
            for (var i = 0; i < accepted.Count; i++)
            {
                created[accepted[i].RowNumber] = response.Ids[i];
            }
        }

        return new IngestionResult(result, created);
    }

    public static string ToJson(BatchResult result, IReadOnlyDictionary<int, Guid> ids)
    {
        var w = new JsonWriter().StartObject()
            .Property("created", result.Created)
            .Property("skippedDuplicates", result.SkippedDuplicates)
            .Property("errors", result.Errors)
            .Name("rows").StartArray();
        foreach (var row in result.Rows)
        {
            w.StartObject()
                .Property("row", row.RowNumber)
                .Property("externalId", row.ExternalId)
                .Property("status", row.Status switch { BatchRowStatus.Created => "created", BatchRowStatus.SkippedDuplicate => "skipped_duplicate", _ => "error" })
                .Property("message", row.Message);
            if (ids.TryGetValue(row.RowNumber, out var id))
            {
                w.Property("id", id);
            }

            w.EndObject();
        }

        return w.EndArray().EndObject().ToString();
    }

    /// <summary>CSV (the export format) or JSON: an array of objects, or {"interactions":[...]}, with the CSV's column names (snake_case or camelCase).</summary>
    public static IReadOnlyList<IncomingInteraction> Parse(string format, string payload)
    {
        switch ((format ?? "").Trim().ToLowerInvariant())
        {
            case "csv":
                return InteractionCsv.Parse(payload);
            case "json":
                return ParseJson(payload);
            default:
                throw new EngagementException(EngagementError.InvalidBatch, "Format", $"Format '{format}' is not supported; use csv or json.");
        }
    }

    private static List<IncomingInteraction> ParseJson(string payload)
    {
        JsonValue root;
        try
        {
            root = JsonReader.Parse(payload);
        }
        catch (JsonFormatException error)
        {
            throw new EngagementException(EngagementError.InvalidBatch, "Interactions", $"Interactions is not valid JSON: {error.Message}");
        }

        var array = root.Kind == JsonKind.Object ? root.Get("interactions") : root;
        if (array is null || array.Kind != JsonKind.Array)
        {
            throw new EngagementException(EngagementError.InvalidBatch, "Interactions", "Interactions must be a JSON array of objects, or an object with an \"interactions\" array.");
        }

        var rows = new List<IncomingInteraction>(array.Items.Count);
        for (var i = 0; i < array.Items.Count; i++)
        {
            var o = array.Items[i];
            if (o.Kind != JsonKind.Object)
            {
                rows.Add(new IncomingInteraction(i + 1) { Problem = $"Row {i + 1} is not a JSON object." });
                continue;
            }

            rows.Add(new IncomingInteraction(i + 1)
            {
                ExternalId = Text(o, "external_id", "externalId"),
                Network = Text(o, "network", "network"),
                Handle = Text(o, "handle", "handle"),
                Kind = Text(o, "kind", "kind"),
                OccurredOn = Text(o, "occurred_on", "occurredOn"),
                Sentiment = Text(o, "sentiment", "sentiment"),
                Rating = Text(o, "rating", "rating"),
                Value = Text(o, "value", "value"),
                ReferredHandle = Text(o, "referred_handle", "referredHandle"),
            });
        }

        return rows;
    }

    private static string? Text(JsonValue o, string snake, string camel)
    {
        var v = o.Get(snake) ?? o.Get(camel);
        return v is null || v.Kind == JsonKind.Null ? null : v.Text;
    }
}
