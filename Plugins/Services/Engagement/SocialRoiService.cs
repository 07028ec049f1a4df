using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using ConditionOperator = Microsoft.Xrm.Sdk.Query.ConditionOperator;
using Rapport.Domain.Common;
using Rapport.Domain.Engagement;
using C = Rapport.Plugins.Services.Engagement.EngagementSchema.C;
using I = Rapport.Plugins.Services.Engagement.EngagementSchema.I;

namespace Rapport.Plugins.Services.Engagement;

/// <summary>What an ROI request names: a programme or a campaign, the period, and optional overrides of the programme's margins and service costs.</summary>
public sealed record RoiRequest(EntityReference Subject, DateTime From, DateTime To)
{
    public decimal? MarginPerRedemption { get; init; }

    public decimal? MarginRate { get; init; }

    public decimal? TraditionalCostPerContact { get; init; }

    public decimal? SocialCostPerContact { get; init; }
}

/// <summary>
/// Social ROI of a programme (rapport_socialprogramme) or a campaign over [From, To): reads the programme's margins
/// and service costs, its cost items (those without a date or dated in the period), its interactions in the period,
/// the referred customers' CLV, and every customer with a CLV for the lift (bucket = CLV segment | level, so engaged
/// customers are compared with non-engaged customers of the same segment and level); then SocialRoiCalculator.
/// </summary>
public static class SocialRoiService
{
    public static RoiResult Calculate(IOrganizationService service, RoiRequest request)
    {
        var subject = request.Subject;
        var isProgramme = subject.LogicalName == EngagementSchema.Programme;
        if (!isProgramme && subject.LogicalName != "campaign")
        {
            throw new InvalidPluginExecutionException($"Social ROI is for a rapport_socialprogramme or a campaign, not '{subject.LogicalName}'.");
        }

        var programme = isProgramme
            ? service.Retrieve(subject.LogicalName, subject.Id, new ColumnSet("rapport_marginperredemption", "rapport_marginrate", "rapport_traditionalcostpercontact", "rapport_socialcostpercontact"))
            : new Entity(EngagementSchema.Programme);
        var link = isProgramme ? I.Programme : I.Campaign;
        var interactions = ReadInteractions(service, link, subject.Id, request.From, request.To);
        var referred = interactions.Select(r => r.GetAttributeValue<EntityReference?>(I.Referred)).OfType<EntityReference>().ToList();
        var referredClv = CustomerValues.Read(service, referred, C.Clv).ToDictionary(kv => kv.Key, kv => CustomerValues.Clv(kv.Value));
        var engaged = new HashSet<Guid>(interactions.Select(r => r.GetAttributeValue<EntityReference>(I.Customer)?.Id ?? Guid.Empty));
        var input = new RoiInput(request.From, request.To)
        {
            Interactions = interactions.Select(InteractionRows.ToInteraction).ToList(),
            MarginPerRedemption = request.MarginPerRedemption ?? programme.GetAttributeValue<Money>("rapport_marginperredemption")?.Value,
            MarginRate = request.MarginRate ?? (programme.GetAttributeValue<double?>("rapport_marginrate") is { } rate ? (decimal)rate : null),
            TraditionalCostPerContact = request.TraditionalCostPerContact ?? programme.GetAttributeValue<Money>("rapport_traditionalcostpercontact")?.Value ?? 0,
            SocialCostPerContact = request.SocialCostPerContact ?? programme.GetAttributeValue<Money>("rapport_socialcostpercontact")?.Value ?? 0,
            ReferredCustomerClv = referredClv,
            Customers = ReadCustomersWithClv(service, "contact", engaged).Concat(ReadCustomersWithClv(service, "account", engaged)).ToList(),
            CostItems = ReadCosts(service, link, subject.Id, request.From, request.To),
        };
        return Refusal.Guard(() => SocialRoiCalculator.Calculate(input));
    }

    public static string ToJson(RoiResult r)
    {
        var w = new JsonWriter().StartObject()
            .Name("offerProfit").Number(r.OfferProfit)
            .Name("referralValue").Number(r.ReferralValue)
            .Name("clvLift").Number(r.ClvLift)
            .Name("serviceSavings").Number(r.ServiceSavings)
            .Name("totalGains").Number(r.TotalGains)
            .Name("cost").Number(r.Cost)
            .Name("roi");
        _ = r.Roi is { } roi ? w.Number(Math.Round(roi, 6)) : w.Null();
        return w.Property("roiUndefinedReason", r.RoiUndefinedReason)
            .Name("counts").StartObject()
            .Property("redemptions", r.Counts.Redemptions)
            .Property("redemptionsWithoutValue", r.Counts.RedemptionsWithoutValue)
            .Property("referrals", r.Counts.Referrals)
            .Property("referredCustomers", r.Counts.ReferredCustomers)
            .Property("referredCustomersWithoutClv", r.Counts.ReferredCustomersWithoutClv)
            .Property("engagedCompared", r.Counts.EngagedCompared)
            .Property("nonEngagedCompared", r.Counts.NonEngagedCompared)
            .Property("bucketsCompared", r.Counts.BucketsCompared)
            .Property("socialServiceContacts", r.Counts.SocialServiceContacts)
            .Property("costItems", r.Counts.CostItems)
            .EndObject().EndObject().ToString();
    }

    private static List<Entity> ReadInteractions(IOrganizationService service, string link, Guid id, DateTime from, DateTime to)
    {
        var query = new QueryExpression(EngagementSchema.Interaction) { ColumnSet = new ColumnSet(I.All.Split(',')) };
        query.Criteria.AddCondition(link, ConditionOperator.Equal, id);
        query.Criteria.AddCondition(I.OccurredOn, ConditionOperator.GreaterEqual, from);
        query.Criteria.AddCondition(I.OccurredOn, ConditionOperator.LessThan, to);
        query.Criteria.AddCondition(EngagementSchema.StateCode, ConditionOperator.Equal, 0);
        return Paging.All(service, query);
    }

    private static List<CostItem> ReadCosts(IOrganizationService service, string link, Guid id, DateTime from, DateTime to)
    {
        var query = new QueryExpression(EngagementSchema.CostItem) { ColumnSet = new ColumnSet(EngagementSchema.Name, "rapport_amount", "rapport_incurredon") };
        query.Criteria.AddCondition(link, ConditionOperator.Equal, id);
        query.Criteria.AddCondition(EngagementSchema.StateCode, ConditionOperator.Equal, 0);
        return service.RetrieveMultiple(query).Entities
            .Where(r => r.GetAttributeValue<DateTime?>("rapport_incurredon") is not { } on || (on >= from.Date && on < to))
            .Select(r => new CostItem(r.GetAttributeValue<string>(EngagementSchema.Name) ?? "", r.GetAttributeValue<Money>("rapport_amount")?.Value ?? 0))
            .ToList();
    }

    private static IEnumerable<RoiCustomer> ReadCustomersWithClv(IOrganizationService service, string table, HashSet<Guid> engaged)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(C.Clv, C.Segment, C.Level) };
        query.Criteria.AddCondition(C.Clv, ConditionOperator.NotNull);
        query.Criteria.AddCondition(EngagementSchema.StateCode, ConditionOperator.Equal, 0);
        return Paging.All(service, query).Select(r => new RoiCustomer(
            r.Id,
            CustomerValues.Clv(r),
            engaged.Contains(r.Id),
            $"{r.GetAttributeValue<OptionSetValue>(C.Segment)?.Value}|{r.GetAttributeValue<EntityReference>(C.Level)?.Id}"));
    }
}
