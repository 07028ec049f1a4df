namespace Rapport.Domain.Engagement;

/// <summary>How many inputs each part of an ROI result used, so a reader can judge it.</summary>
public sealed record RoiCounts(
    int Redemptions,
    int RedemptionsWithoutValue,
    int Referrals,
    int ReferredCustomers,
    int ReferredCustomersWithoutClv,
    int EngagedCompared,
    int NonEngagedCompared,
    int BucketsCompared,
    int CustomersInBucketsWithoutComparison,
    int SocialServiceContacts,
    int CostItems);

/// <summary>
/// Social ROI, each part separately: offer-attributed profit, referral value, CLV lift, service savings; their sum,
/// the programme cost, and ROI = (gains − cost) / cost — null with <see cref="RoiUndefinedReason"/> when cost is 0.
/// </summary>
public sealed record RoiResult(
    decimal OfferProfit,
    decimal ReferralValue,
    decimal ClvLift,
    decimal ServiceSavings,
    decimal TotalGains,
    decimal Cost,
    decimal? Roi,
    string? RoiUndefinedReason,
    RoiCounts Counts);
