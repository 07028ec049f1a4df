using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using ConditionOperator = Microsoft.Xrm.Sdk.Query.ConditionOperator;
using Rapport.Domain.Clv.Crm;
using Rapport.Domain.Common;
using Rapport.Domain.Engagement;
using C = Rapport.Plugins.Services.Engagement.EngagementSchema.C;
using I = Rapport.Plugins.Services.Engagement.EngagementSchema.I;

namespace Rapport.Plugins.Services.Engagement;

/// <summary>
/// Followers vs non-followers among the active contacts or accounts: a follower has a social profile (follows the
/// brand on a network) or interacted in [From, To). Spend comes from the purchases and gifts the CLV ledger holds
/// (rapport_clvstate) in the period, CLV from rapport_clv (0 when not scored).
/// </summary>
public static class FollowerComparisonService
{
    public static FollowerComparisonResult Compare(IOrganizationService service, string table, DateTime from, DateTime to)
    {
        if (!EngagementSchema.IsCustomerTable(table))
        {
            throw new InvalidPluginExecutionException($"Table must be 'contact' or 'account', got '{table}'.");
        }

        var followers = new HashSet<Guid>();
        var profiles = new QueryExpression(EngagementSchema.Profile) { ColumnSet = new ColumnSet(EngagementSchema.P.Customer) };
        profiles.Criteria.AddCondition(EngagementSchema.StateCode, ConditionOperator.Equal, 0);
        Collect(Paging.All(service, profiles), EngagementSchema.P.Customer, table, followers);
        var engaged = new QueryExpression(EngagementSchema.Interaction) { ColumnSet = new ColumnSet(I.Customer) };
        engaged.Criteria.AddCondition(I.OccurredOn, ConditionOperator.GreaterEqual, from);
        engaged.Criteria.AddCondition(I.OccurredOn, ConditionOperator.LessThan, to);
        engaged.Criteria.AddCondition(EngagementSchema.StateCode, ConditionOperator.Equal, 0);
        Collect(Paging.All(service, engaged), I.Customer, table, followers);

        var customers = new QueryExpression(table) { ColumnSet = new ColumnSet(C.Clv, C.Ledger) };
        customers.Criteria.AddCondition(EngagementSchema.StateCode, ConditionOperator.Equal, 0);
        var compared = new List<ComparedCustomer>();
        var purchases = new List<Purchase>();
        foreach (var row in Paging.All(service, customers))
        {
            compared.Add(new ComparedCustomer(row.Id, followers.Contains(row.Id), CustomerValues.Clv(row)));
            var ledger = CustomerLedger.Parse(row.GetAttributeValue<string>(C.Ledger), C.Ledger);
            purchases.AddRange(ledger.Transactions(row.Id.ToString("D")).Select(t => new Purchase(row.Id, t.Date, (decimal)Math.Round(t.Value, 2))));
        }

        return Refusal.Guard(() => FollowerComparison.Compare(compared, purchases, from, to));
    }

    public static string ToJson(FollowerComparisonResult r)
    {
        var w = new JsonWriter().StartObject().Property("from", r.From).Property("to", r.To);
        Group(w.Name("followers"), r.Followers);
        Group(w.Name("nonFollowers"), r.NonFollowers);
        Number(w, "spendDifference", r.SpendDifference);
        Number(w, "spendRatio", r.SpendRatio);
        Number(w, "clvDifference", r.ClvDifference);
        Number(w, "clvRatio", r.ClvRatio);
        return w.EndObject().ToString();
    }

    private static void Group(JsonWriter w, GroupFigures g)
    {
        w.StartObject().Property("customers", g.Customers).Name("totalSpend").Number(g.TotalSpend);
        Number(w, "averageSpend", g.AverageSpend);
        Number(w, "averageClv", g.AverageClv);
        w.EndObject();
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
