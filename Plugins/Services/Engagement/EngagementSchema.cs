using System;
using Microsoft.Xrm.Sdk;
using Rapport.Domain.Engagement;

namespace Rapport.Plugins.Services.Engagement;

/// <summary>
/// The engagement tables' and columns' logical names (declared in Solution/Declarations/Tables/EngagementTables.cs)
/// and the choice values: 107850000 + the domain enum's position, so the enums and the choices stay in step.
/// </summary>
public static class EngagementSchema
{
    public const int OptionPrefix = 107850000;

    public const string Profile = "rapport_socialprofile";
    public const string Interaction = "rapport_socialinteraction";
    public const string Programme = "rapport_socialprogramme";
    public const string CostItem = "rapport_programmecost";
    public const string Kpi = "rapport_kpi";
    public const string KpiPlan = "rapport_kpiplan";
    public const string Level = "rapport_level";
    public const string LevelHistory = "rapport_levelhistory";
    public const string Settings = "rapport_engagementsettings";

    public const string Name = "rapport_name";
    public const string StateCode = "statecode";

    /// <summary>Columns of rapport_socialinteraction.</summary>
    public static class I
    {
        public const string Customer = "rapport_customerid";
        public const string Profile = "rapport_socialprofileid";
        public const string Channel = "rapport_channel";
        public const string Kind = "rapport_kind";
        public const string OccurredOn = "rapport_occurredon";
        public const string Sentiment = "rapport_sentiment";
        public const string Rating = "rapport_rating";
        public const string Value = "rapport_monetaryvalue";
        public const string Referred = "rapport_referredcustomerid";
        public const string Programme = "rapport_programmeid";
        public const string Campaign = "rapport_campaignid";
        public const string ExternalId = "rapport_externalid";

        /// <summary>What validation reads and what scoring depends on.</summary>
        public const string All = "rapport_customerid,rapport_socialprofileid,rapport_channel,rapport_kind,rapport_occurredon,rapport_sentiment,rapport_rating,rapport_monetaryvalue,rapport_referredcustomerid,rapport_externalid";

        public const string Scored = "rapport_customerid,rapport_kind,rapport_occurredon,rapport_sentiment,statecode";
    }

    /// <summary>Columns of rapport_socialprofile.</summary>
    public static class P
    {
        public const string Customer = "rapport_customerid";
        public const string Network = "rapport_network";
        public const string Handle = "rapport_handle";
        public const string Followers = "rapport_followers";
        public const string Reach = "rapport_reach";
        public const string Score = "rapport_influencescore";
        public const string ReachScore = "rapport_influencereach";
        public const string Amplification = "rapport_influenceamplification";
        public const string Referral = "rapport_influencereferral";
    }

    /// <summary>Columns Rapport adds to contact and account.</summary>
    public static class C
    {
        public const string Score = "rapport_engagementscore";
        public const string RawPoints = "rapport_engagementrawpoints";
        public const string Components = "rapport_engagementcomponents";
        public const string ScoredOn = "rapport_engagementscoredon";
        public const string Level = "rapport_levelid";
        public const string LevelSince = "rapport_levelsince";
        public const string Clv = "rapport_clv";
        public const string Segment = "rapport_segment";
        public const string Ledger = "rapport_clvstate";
        public const string Country = "address1_country";
        public const string City = "address1_city";
    }

    public static bool IsCustomerTable(string? table) => table == "contact" || table == "account";

    public static OptionSetValue ChannelOption(Channel channel) => new(OptionPrefix + (int)channel);

    public static OptionSetValue KindOption(InteractionKind kind) => new(OptionPrefix + (int)kind);

    /// <summary>A stored channel choice as the domain enum; an unknown value is refused with the valid labels.</summary>
    public static Channel ChannelOf(OptionSetValue? option, string field = "Channel")
    {
        var position = (option?.Value ?? -1) - OptionPrefix;
        if (option is null || position < 0 || position >= Channels.All.Count)
        {
            throw new EngagementException(EngagementError.InvalidInteraction, field,
                $"{field} {(option is null ? "is missing" : option.Value + " is not a known channel")}; use one of: {string.Join(", ", Codes(Channels.All, Channels.Code))}.");
        }

        return Channels.All[position];
    }

    public static InteractionKind KindOf(OptionSetValue? option, string field = "Kind")
    {
        var position = (option?.Value ?? -1) - OptionPrefix;
        if (option is null || position < 0 || position >= InteractionKinds.All.Count)
        {
            throw new EngagementException(EngagementError.InvalidInteraction, field,
                $"{field} {(option is null ? "is missing" : option.Value + " is not a known interaction kind")}; use one of: {string.Join(", ", Codes(InteractionKinds.All, InteractionKinds.Code))}.");
        }

        return InteractionKinds.All[position];
    }

    private static string[] Codes<T>(System.Collections.Generic.IReadOnlyList<T> items, Func<T, string> code)
    {
        var codes = new string[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            codes[i] = $"{code(items[i])} ({OptionPrefix + i})";
        }

        return codes;
    }
}
