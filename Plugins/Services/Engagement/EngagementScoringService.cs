using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using ConditionOperator = Microsoft.Xrm.Sdk.Query.ConditionOperator;
using Rapport.Domain.Common;
using Rapport.Domain.Engagement;
using C = Rapport.Plugins.Services.Engagement.EngagementSchema.C;
using I = Rapport.Plugins.Services.Engagement.EngagementSchema.I;

namespace Rapport.Plugins.Services.Engagement;

/// <summary>A page of <see cref="EngagementScoringService.RescorePage"/>: customers rescored, next page (0 when done), reference used.</summary>
public sealed record EngagementPage(int Processed, int NextPage, double ReferencePoints);

/// <summary>
/// Keeps contacts' and accounts' engagement score, raw points and components current. Scoring one customer costs
/// 1 RetrieveMultiple of the settings, 1 RetrieveMultiple of the customer's interactions within the horizon and
/// 1 Update of the customer: 3 requests (an interaction moved between customers: 5, settings read once).
/// </summary>
public static class EngagementScoringService
{
    private const int PageSize = 5000;

    /// <summary>Rescores and stores each distinct customer: settings are read once.</summary>
    public static void RescoreAndStore(IOrganizationService service, IEnumerable<EntityReference?> customers, DateTime now)
    {
        var distinct = customers.OfType<EntityReference>().Where(c => EngagementSchema.IsCustomerTable(c.LogicalName))
            .GroupBy(c => c.Id).Select(g => g.First()).ToList();
        if (distinct.Count == 0)
        {
            return;
        }

        var settings = EngagementSettings.Read(service);
        foreach (var customer in distinct)
        {
            var score = Score(service, customer, now, settings);
            service.Update(ToUpdate(customer, score, now));
        }
    }

    /// <summary>Computes a customer's score without storing it: 2 requests with the settings, 1 without.</summary>
    public static EngagementScore Score(IOrganizationService service, EntityReference customer, DateTime now, EngagementSettings? settings = null)
    {
        settings ??= EngagementSettings.Read(service);
        var interactions = ReadInteractions(service, new[] { customer.Id }, now.AddDays(-settings.Config.HorizonDays));
        return EngagementScorer.ScoreCustomer(interactions.Where(i => i.CustomerId == customer.Id), now, settings.Config, settings.Reference);
    }

    /// <summary>
    /// Rescores one page of customers (one query of the page, one of its interactions, one UpdateMultiple). The last
    /// page also refreshes the base reference (p99 of every customer's stored raw points) used by the next pass and by
    /// per-interaction scoring.
    /// </summary>
    public static EngagementPage RescorePage(IOrganizationService service, string table, int pageSize, int pageNumber, DateTime now)
    {
        var settings = EngagementSettings.Read(service);
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(false), PageInfo = new PagingInfo { Count = pageSize, PageNumber = pageNumber } };
        query.Criteria.AddCondition(EngagementSchema.StateCode, ConditionOperator.Equal, 0);
        query.AddOrder(table + "id", OrderType.Ascending);
        var page = service.RetrieveMultiple(query);
        var reference = settings.Reference?.Percentile99RawPoints ?? settings.Config.FallbackReferencePoints;
        if (page.Entities.Count > 0)
        {
            var ids = page.Entities.Select(e => e.Id).ToArray();
            var byCustomer = ReadInteractions(service, ids, now.AddDays(-settings.Config.HorizonDays)).ToLookup(i => i.CustomerId);
            var targets = new EntityCollection { EntityName = table };
            foreach (var row in page.Entities)
            {
                var score = EngagementScorer.ScoreCustomer(byCustomer[row.Id], now, settings.Config, settings.Reference);
                targets.Entities.Add(ToUpdate(row.ToEntityReference(), score, now));
            }

            service.Execute(new UpdateMultipleRequest { Targets = targets });
        }

        if (page.MoreRecords)
        {
            return new EngagementPage(page.Entities.Count, pageNumber + 1, reference);
        }

        var refreshed = EngagementScorer.BaseReference(StoredRawPoints(service, "contact").Concat(StoredRawPoints(service, "account")));
        if (refreshed.Percentile99RawPoints > 0)
        {
            EngagementSettings.SaveReference(service, settings, refreshed with { ComputedOn = now }, now);
            reference = refreshed.Percentile99RawPoints;
        }

        return new EngagementPage(page.Entities.Count, 0, reference);
    }

    public static Entity ToUpdate(EntityReference customer, EngagementScore score, DateTime now) => new(customer.LogicalName, customer.Id)
    {
        [C.Score] = score.Score,
        [C.RawPoints] = Math.Round(score.RawPoints, 4),
        [C.Components] = ComponentsJson(score),
        [C.ScoredOn] = now,
    };

    /// <summary>What the UI shows to explain a score: per kind, seen, counted, capped, points and share.</summary>
    public static string ComponentsJson(EngagementScore score)
    {
        var w = new JsonWriter().StartObject()
            .Name("score").Number(Round(score.Score))
            .Name("rawPoints").Number(Round(score.RawPoints))
            .Name("referencePoints").Number(Round(score.ReferencePoints))
            .Name("components").StartArray();
        foreach (var c in score.Components)
        {
            w.StartObject()
                .Property("kind", InteractionKinds.Code(c.Kind))
                .Property("interactions", c.Interactions)
                .Property("counted", c.Counted)
                .Property("capped", c.Capped)
                .Name("rawPoints").Number(Round(c.RawPoints))
                .Name("decayedPoints").Number(Round(c.DecayedPoints))
                .Name("share").Number(Round(c.Share))
                .Name("points").Number(Round(c.Points))
                .EndObject();
        }

        return w.EndArray().EndObject().ToString();
    }

    /// <summary>"share 42.1, like 20.3": the top components for a workflow or a card.</summary>
    public static string TopText(EngagementScore score, int count) =>
        string.Join(", ", score.TopComponents(count).Select(c => InteractionKinds.Code(c.Kind) + " " + Round(c.Points).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Active interactions of the given customers since <paramref name="since"/>, 5,000 a request.</summary>
    public static List<Interaction> ReadInteractions(IOrganizationService service, Guid[] customerIds, DateTime since)
    {
        var result = new List<Interaction>();
        var query = new QueryExpression(EngagementSchema.Interaction)
        {
            ColumnSet = new ColumnSet(I.Customer, I.Kind, I.Channel, I.OccurredOn, I.Sentiment, I.ExternalId),
            PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 },
        };
        query.Criteria.AddCondition(I.Customer, ConditionOperator.In, customerIds.Cast<object>().ToArray());
        query.Criteria.AddCondition(I.OccurredOn, ConditionOperator.GreaterEqual, since);
        query.Criteria.AddCondition(EngagementSchema.StateCode, ConditionOperator.Equal, 0);
        query.AddOrder(I.OccurredOn, OrderType.Ascending);
        while (true)
        {
            var page = service.RetrieveMultiple(query);
            foreach (var row in page.Entities)
            {
                var customer = row.GetAttributeValue<EntityReference>(I.Customer);
                if (customer is not null && InteractionRows.ForScoring(row, customer.Id) is { } interaction)
                {
                    result.Add(interaction);
                }
            }

            if (!page.MoreRecords)
            {
                return result;
            }

            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }

    private static IEnumerable<double> StoredRawPoints(IOrganizationService service, string table)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(C.RawPoints), PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 } };
        query.Criteria.AddCondition(EngagementSchema.StateCode, ConditionOperator.Equal, 0);
        query.AddOrder(table + "id", OrderType.Ascending);
        while (true)
        {
            var page = service.RetrieveMultiple(query);
            foreach (var row in page.Entities)
            {
                yield return Math.Max(0, row.GetAttributeValue<double?>(C.RawPoints) ?? 0);
            }

            if (!page.MoreRecords)
            {
                yield break;
            }

            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }

    private static decimal Round(double value) => (decimal)Math.Round(value, 4);
}
