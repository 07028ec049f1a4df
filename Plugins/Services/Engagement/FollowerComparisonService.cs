using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using ConditionOperator = Microsoft.Xrm.Sdk.Query.ConditionOperator;
using Rapport.Domain.Clv;
using Rapport.Domain.Clv.Crm;
using Rapport.Domain.Common;
using Rapport.Domain.Engagement;
using C = Rapport.Plugins.Services.Engagement.EngagementSchema.C;
using I = Rapport.Plugins.Services.Engagement.EngagementSchema.I;

namespace Rapport.Plugins.Services.Engagement;

/// <summary>The plain averages and the report with sizes, intervals, loyalty measures and the caveat.</summary>
public sealed record FollowerComparisonOutcome(FollowerDefinition Definition, FollowerComparisonResult Averages, LoyaltyComparison Report);

/// <summary>
/// Followers vs the others among the active contacts or accounts, by one of three definitions
/// (<see cref="FollowerDefinition"/>): social (a social profile or an interaction in [From, To), the default),
/// engaged (an interaction in the period) or follow (the record is followed in Rapport). Spend comes from the
/// purchases and gifts the CLV ledger holds (rapport_clvstate) in the period, CLV from rapport_clv (0 when not
/// scored), P(alive) from rapport_palive; the repeat and retention rates from the ledger's purchase days.
/// </summary>
public static class FollowerComparisonService
{
    private const string PAlive = "rapport_palive";

    public static FollowerComparisonOutcome Compare(IOrganizationService service, string table, DateTime from, DateTime to, string? definition = null, int? minimumGroupSize = null)
    {
        if (!EngagementSchema.IsCustomerTable(table))
        {
            throw new InvalidPluginExecutionException($"Table must be 'contact' or 'account', got '{table}'.");
        }

        var chosen = Refusal.Guard(() => FollowerDefinition.Parse(definition));
        var followers = Followers(service, chosen, table, from, to);
        var customers = new QueryExpression(table) { ColumnSet = new ColumnSet(C.Clv, C.Ledger, PAlive) };
        customers.Criteria.AddCondition(EngagementSchema.StateCode, ConditionOperator.Equal, 0);
        var compared = new List<ComparedCustomer>();
        var purchases = new List<Purchase>();
        var alive = new Dictionary<Guid, double>();
        foreach (var row in Paging.All(service, customers))
        {
            compared.Add(new ComparedCustomer(row.Id, followers.Contains(row.Id), CustomerValues.Clv(row)));
            if (row.GetAttributeValue<double?>(PAlive) is double p)
            {
                alive[row.Id] = p;
            }

            var ledger = CustomerLedger.Parse(row.GetAttributeValue<string>(C.Ledger), C.Ledger);
            purchases.AddRange(ledger.Transactions(row.Id.ToString("D")).Select(t => new Purchase(row.Id, t.Date, (decimal)Math.Round(t.Value, 2))));
        }

        var averages = Refusal.Guard(() => FollowerComparison.Compare(compared, purchases, from, to));
        var report = Refusal.Guard(() => LoyaltyComparison.Analyse(compared, alive, purchases, from, to, chosen.GroupName, minimumGroupSize ?? LoyaltyComparison.DefaultMinimumGroupSize));
        return new FollowerComparisonOutcome(chosen, averages, report);
    }

    /// <summary>
    /// <c>{from,to,definition,definitionText,minimumGroupSize,comparable,followers{customers,totalSpend,averageSpend,averageClv,
    /// repeatRate,retentionRate,retentionBase,meanPAlive,scored},nonFollowers{…},spendDifference,spendRatio,clvDifference,clvRatio,
    /// intervals{confidence,resamples,spendDifference:[low,high],spendRatio,clvDifference,clvRatio},repeatRateDifference,
    /// retentionRateDifference,pAliveDifference,warnings[],caveat}</c>. Differences, ratios and intervals are null when a
    /// group is smaller than the minimum.
    /// </summary>
    public static string ToJson(FollowerComparisonOutcome outcome)
    {
        var r = outcome.Averages;
        var report = outcome.Report;
        var w = new JsonWriter().StartObject().Property("from", r.From).Property("to", r.To)
            .Property("definition", outcome.Definition.Key).Property("definitionText", outcome.Definition.Description)
            .Property("minimumGroupSize", report.MinimumGroupSize).Property("comparable", report.Comparable);
        Group(w.Name("followers"), r.Followers, report.Group);
        Group(w.Name("nonFollowers"), r.NonFollowers, report.Others);
        var shown = report.Comparable;
        Number(w, "spendDifference", shown ? r.SpendDifference : null);
        Number(w, "spendRatio", shown ? r.SpendRatio : null);
        Number(w, "clvDifference", shown ? r.ClvDifference : null);
        Number(w, "clvRatio", shown ? r.ClvRatio : null);
        w.Name("intervals").StartObject();
        JsonNumbers.Write(w, "confidence", LoyaltyComparison.Confidence);
        w.Property("resamples", LoyaltyComparison.Resamples);
        Interval(w, "spendDifference", report.Spend?.DifferenceInterval);
        Interval(w, "spendRatio", report.Spend?.RatioInterval);
        Interval(w, "clvDifference", report.Clv?.DifferenceInterval);
        Interval(w, "clvRatio", report.Clv?.RatioInterval);
        w.EndObject();
        JsonNumbers.Write(w, "repeatRateDifference", report.RepeatRateDifference);
        JsonNumbers.Write(w, "retentionRateDifference", report.RetentionRateDifference);
        JsonNumbers.Write(w, "pAliveDifference", report.ProbabilityAliveDifference);
        w.Name("warnings").StartArray();
        foreach (var warning in report.Warnings)
        {
            w.String(warning);
        }

        return w.EndArray().Property("caveat", outcome.Definition.Caveat).EndObject().ToString();
    }

    private static HashSet<Guid> Followers(IOrganizationService service, FollowerDefinition definition, string table, DateTime from, DateTime to)
    {
        var followers = new HashSet<Guid>();
        if (definition == FollowerDefinition.Follow)
        {
            var follows = new QueryExpression("rapport_follow") { ColumnSet = new ColumnSet("rapport_regardingid") };
            follows.Criteria.AddCondition("rapport_regardingtable", ConditionOperator.Equal, table);
            foreach (var row in Paging.All(service, follows))
            {
                if (Guid.TryParse(row.GetAttributeValue<string>("rapport_regardingid"), out var id))
                {
                    followers.Add(id);
                }
            }

            return followers;
        }

        if (definition == FollowerDefinition.Social)
        {
            var profiles = new QueryExpression(EngagementSchema.Profile) { ColumnSet = new ColumnSet(EngagementSchema.P.Customer) };
            profiles.Criteria.AddCondition(EngagementSchema.StateCode, ConditionOperator.Equal, 0);
            Collect(Paging.All(service, profiles), EngagementSchema.P.Customer, table, followers);
        }

        var engaged = new QueryExpression(EngagementSchema.Interaction) { ColumnSet = new ColumnSet(I.Customer) };
        engaged.Criteria.AddCondition(I.OccurredOn, ConditionOperator.GreaterEqual, from);
        engaged.Criteria.AddCondition(I.OccurredOn, ConditionOperator.LessThan, to);
        engaged.Criteria.AddCondition(EngagementSchema.StateCode, ConditionOperator.Equal, 0);
        Collect(Paging.All(service, engaged), I.Customer, table, followers);
        return followers;
    }

    private static void Group(JsonWriter w, GroupFigures g, LoyaltyFigures loyalty)
    {
        w.StartObject().Property("customers", g.Customers).Name("totalSpend").Number(g.TotalSpend);
        Number(w, "averageSpend", g.AverageSpend);
        Number(w, "averageClv", g.AverageClv);
        JsonNumbers.Write(w, "repeatRate", loyalty.RepeatRate);
        JsonNumbers.Write(w, "retentionRate", loyalty.RetentionRate);
        w.Property("retentionBase", loyalty.RetentionBase);
        JsonNumbers.Write(w, "meanPAlive", loyalty.MeanProbabilityAlive);
        w.Property("scored", loyalty.Scored);
        w.EndObject();
    }

    private static void Interval(JsonWriter w, string name, ConfidenceInterval? interval)
    {
        w.Name(name);
        if (interval is null)
        {
            w.Null();
            return;
        }

        w.StartArray();
        JsonNumbers.Value(w, interval.Low);
        JsonNumbers.Value(w, interval.High);
        w.EndArray();
    }

    private static void Number(JsonWriter w, string name, decimal? value) =>
        _ = value is { } v ? w.Name(name).Number(Math.Round(v, 4)) : w.Name(name).Null();

    private static void Collect(IEnumerable<Entity> rows, string column, string table, HashSet<Guid> into)
    {
        foreach (var row in rows)
        {
            if (row.GetAttributeValue<EntityReference>(column) is { } customer && customer.LogicalName == table)
            {
                into.Add(customer.Id);
            }
        }
    }
}
