using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using ConditionOperator = Microsoft.Xrm.Sdk.Query.ConditionOperator;
using Rapport.Domain.Engagement;
using I = Rapport.Plugins.Services.Engagement.EngagementSchema.I;

namespace Rapport.Plugins.Services.Engagement;

/// <summary>KPIs created by a catalogue load and those already there; plan rows computed and manual after a refresh.</summary>
public sealed record KpiCounts(int First, int Second);

/// <summary>The KPI catalogue rows (rapport_kpi) and the plan's actuals (rapport_kpiplan).</summary>
public static class KpiService
{
    private const string Code = "rapport_code";
    private const string Computation = "rapport_computation";

    /// <summary>
    /// Creates the starter KPIs whose code is not there yet (1 RetrieveMultiple, 1 CreateMultiple): running it again
    /// creates nothing and keeps an admin's edits.
    /// </summary>
    public static KpiCounts LoadStarter(IOrganizationService service)
    {
        var query = new QueryExpression(EngagementSchema.Kpi) { ColumnSet = new ColumnSet(Code) };
        var existing = new HashSet<string>(Paging.All(service, query).Select(r => (r.GetAttributeValue<string>(Code) ?? "").Trim()), StringComparer.OrdinalIgnoreCase);
        var missing = KpiCatalogue.Starter.Items.Where(k => !existing.Contains(k.Code.Trim())).ToList();
        if (missing.Count > 0)
        {
            var targets = new EntityCollection { EntityName = EngagementSchema.Kpi };
            foreach (var k in missing)
            {
                targets.Entities.Add(new Entity(EngagementSchema.Kpi)
                {
                    [EngagementSchema.Name] = k.Name,
                    [Code] = k.Code,
                    ["rapport_description"] = k.Description,
                    ["rapport_stage"] = new OptionSetValue(EngagementSchema.OptionPrefix + (int)k.Stage),
                    ["rapport_tactic"] = new OptionSetValue(EngagementSchema.OptionPrefix + (int)k.Tactic),
                    ["rapport_unit"] = new OptionSetValue(EngagementSchema.OptionPrefix + (int)k.Unit),
                    [Computation] = k.Computation.ToString(),
                    ["rapport_higherisbetter"] = k.HigherIsBetter,
                });
            }

            service.Execute(new CreateMultipleRequest { Targets = targets });
        }

        return new KpiCounts(missing.Count, KpiCatalogue.Starter.Items.Count - missing.Count);
    }

    /// <summary>
    /// Fills each active plan row's actual (automatic KPIs: from the interactions, engaged customers and profiles of
    /// the row's period) and progress; manual rows keep their typed actual. One UpdateMultiple at the end.
    /// </summary>
    public static KpiCounts RefreshPlan(IOrganizationService service)
    {
        var kpiQuery = new QueryExpression(EngagementSchema.Kpi) { ColumnSet = new ColumnSet(Code, EngagementSchema.Name, Computation, "rapport_higherisbetter") };
        var kpiRows = Paging.All(service, kpiQuery);
        var catalogue = Refusal.Guard(() => new KpiCatalogue(kpiRows.Select(r => new KpiDefinition(
            r.Id.ToString("D"),
            r.GetAttributeValue<string>(EngagementSchema.Name) ?? r.GetAttributeValue<string>(Code) ?? "",
            "",
            FunnelStage.Awareness,
            Tactic.SocialPost,
            KpiUnit.Count,
            KpiComputation.Parse(r.GetAttributeValue<string>(Computation), $"KPI '{r.GetAttributeValue<string>(Code)}' Computation"))
        {
            HigherIsBetter = r.GetAttributeValue<bool?>("rapport_higherisbetter") ?? true,
        })));

        var planQuery = new QueryExpression(EngagementSchema.KpiPlan) { ColumnSet = new ColumnSet("rapport_kpiid", "rapport_goal", "rapport_target", "rapport_actual", "rapport_periodstart", "rapport_periodend") };
        planQuery.Criteria.AddCondition(EngagementSchema.StateCode, ConditionOperator.Equal, 0);
        var planRows = Paging.All(service, planQuery);
        if (planRows.Count == 0)
        {
            return new KpiCounts(0, 0);
        }

        var data = new Dictionary<string, KpiData>(StringComparer.Ordinal);
        var updates = new EntityCollection { EntityName = EngagementSchema.KpiPlan };
        int computed = 0, manual = 0;
        foreach (var row in planRows)
        {
            var start = row.GetAttributeValue<DateTime?>("rapport_periodstart") ?? throw new InvalidPluginExecutionException($"KPI plan row '{row.Id}' needs a Period Start.");
            var end = row.GetAttributeValue<DateTime?>("rapport_periodend") ?? throw new InvalidPluginExecutionException($"KPI plan row '{row.Id}' needs a Period End.");
            var planRow = new KpiPlanRow(FunnelStage.Awareness, row.GetAttributeValue<string>("rapport_goal") ?? "", Tactic.SocialPost, row.GetAttributeValue<EntityReference>("rapport_kpiid")?.Id.ToString("D") ?? "", row.GetAttributeValue<decimal?>("rapport_target") ?? 0, start, end)
            {
                Actual = row.GetAttributeValue<decimal?>("rapport_actual"),
            };
            var key = start.Ticks + "|" + end.Ticks;
            var progress = Refusal.Guard(() => KpiPlanner.Evaluate(new[] { planRow }, catalogue, r => data.TryGetValue(key, out var d) ? d : data[key] = Data(service, start, end.Date.AddDays(1)))[0]);
            _ = progress.Computed ? computed++ : manual++;
            updates.Entities.Add(new Entity(EngagementSchema.KpiPlan, row.Id)
            {
                ["rapport_actual"] = progress.Actual,
                ["rapport_actualcomputed"] = progress.Computed,
                ["rapport_progress"] = progress.ProgressPercent,
            });
        }

        service.Execute(new UpdateMultipleRequest { Targets = updates });
        return new KpiCounts(computed, manual);
    }

    /// <summary>The figures of one period [from, to): interactions by kind, ratings, sentiment, referrals, engaged customers, new profiles.</summary>
    private static KpiData Data(IOrganizationService service, DateTime from, DateTime to)
    {
        var query = new QueryExpression(EngagementSchema.Interaction) { ColumnSet = new ColumnSet(I.Customer, I.Kind, I.Sentiment, I.Rating, I.Referred) };
        query.Criteria.AddCondition(I.OccurredOn, ConditionOperator.GreaterEqual, from);
        query.Criteria.AddCondition(I.OccurredOn, ConditionOperator.LessThan, to);
        query.Criteria.AddCondition(EngagementSchema.StateCode, ConditionOperator.Equal, 0);
        var rows = Paging.All(service, query);
        var kinds = rows.Select(r => r.GetAttributeValue<OptionSetValue>(I.Kind)?.Value - EngagementSchema.OptionPrefix)
            .Where(p => p is >= 0 && p < InteractionKinds.All.Count).Select(p => InteractionKinds.All[p!.Value]).ToList();
        var customers = rows.Select(r => r.GetAttributeValue<EntityReference?>(I.Customer)).OfType<EntityReference>().GroupBy(c => c.Id).Select(g => g.First()).ToList();
        var values = CustomerValues.Read(service, customers, EngagementSchema.C.Clv, EngagementSchema.C.Score);
        var referred = rows.Select(r => r.GetAttributeValue<EntityReference?>(I.Referred)).OfType<EntityReference>().ToList();
        var ratings = rows.Select(r => r.GetAttributeValue<int?>(I.Rating)).Where(r => r is not null).Select(r => (double)r!.Value).ToList();
        var sentiments = rows.Select(r => r.GetAttributeValue<double?>(I.Sentiment)).Where(s => s is not null).ToList();
        var profiles = new QueryExpression(EngagementSchema.Profile) { ColumnSet = new ColumnSet(false) };
        profiles.Criteria.AddCondition("createdon", ConditionOperator.GreaterEqual, from);
        profiles.Criteria.AddCondition("createdon", ConditionOperator.LessThan, to);
        return new KpiData
        {
            CountsByKind = kinds.GroupBy(k => k).ToDictionary(g => g.Key, g => (long)g.Count()),
            Conversions = kinds.Count(k => k == InteractionKind.CouponRedemption),
            AverageClv = values.Count == 0 ? null : Math.Round(values.Values.Average(CustomerValues.Clv), 2),
            AverageEngagementScore = values.Count == 0 ? null : values.Values.Average(v => v.GetAttributeValue<double?>(EngagementSchema.C.Score) ?? 0),
            AverageRating = ratings.Count == 0 ? null : ratings.Average(),
            ReferralValue = referred.Count == 0 ? 0 : CustomerValues.Read(service, referred, EngagementSchema.C.Clv).Values.Sum(CustomerValues.Clv),
            EngagedCustomers = customers.Count,
            NewFollowers = Paging.All(service, profiles).Count,
            InteractionsWithSentiment = sentiments.Count,
            PositiveInteractions = sentiments.Count(s => s > 0),
        };
    }
}
