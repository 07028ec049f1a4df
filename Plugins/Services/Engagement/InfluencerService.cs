using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using ConditionOperator = Microsoft.Xrm.Sdk.Query.ConditionOperator;
using Rapport.Domain.Engagement;
using I = Rapport.Plugins.Services.Engagement.EngagementSchema.I;
using P = Rapport.Plugins.Services.Engagement.EngagementSchema.P;

namespace Rapport.Plugins.Services.Engagement;

/// <summary>
/// The influencer score of a social profile (InfluencerScorer): reach = the profile's followers (reach when no
/// follower count), amplification = the customer's share and mention interactions, referral = Σ CLV of the distinct
/// customers it referred. 1 RetrieveMultiple of interactions + 1 per referred-customer table.
/// </summary>
public static class InfluencerService
{
    public static InfluencerScore Score(IOrganizationService service, EntityReference? customer, long followers)
    {
        long shares = 0, mentions = 0;
        decimal referredClv = 0;
        if (customer is not null)
        {
            var query = new QueryExpression(EngagementSchema.Interaction) { ColumnSet = new ColumnSet(I.Kind, I.Referred) };
            query.Criteria.AddCondition(I.Customer, ConditionOperator.Equal, customer.Id);
            query.Criteria.AddCondition(EngagementSchema.StateCode, ConditionOperator.Equal, 0);
            query.Criteria.AddCondition(I.Kind, ConditionOperator.In,
                EngagementSchema.KindOption(InteractionKind.Share).Value, EngagementSchema.KindOption(InteractionKind.Mention).Value, EngagementSchema.KindOption(InteractionKind.Referral).Value);
            var rows = service.RetrieveMultiple(query).Entities;
            shares = rows.Count(r => r.GetAttributeValue<OptionSetValue>(I.Kind)?.Value == EngagementSchema.KindOption(InteractionKind.Share).Value);
            mentions = rows.Count(r => r.GetAttributeValue<OptionSetValue>(I.Kind)?.Value == EngagementSchema.KindOption(InteractionKind.Mention).Value);
            var referred = rows.Select(r => r.GetAttributeValue<EntityReference?>(I.Referred)).OfType<EntityReference>().GroupBy(r => r.Id).Select(g => g.First()).ToList();
            if (referred.Count > 0)
            {
                referredClv = CustomerValues.Read(service, referred, EngagementSchema.C.Clv).Values.Sum(CustomerValues.Clv);
            }
        }

        return Refusal.Guard(() => InfluencerScorer.Score(new InfluencerInput(followers, shares, mentions, referredClv)));
    }

    public static void Write(Entity profile, InfluencerScore score)
    {
        profile[P.Score] = score.Score;
        profile[P.ReachScore] = System.Math.Round(score.Reach, 4);
        profile[P.Amplification] = System.Math.Round(score.Amplification, 4);
        profile[P.Referral] = System.Math.Round(score.Referral, 4);
    }
}
