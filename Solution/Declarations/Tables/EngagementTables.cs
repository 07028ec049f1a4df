using System.Collections.Generic;
using System.Linq;
using Rapport.Solution.Model;

namespace Rapport.Solution.Declarations.Tables;

/// <summary>
/// Social engagement (issue 9): social profiles, interactions (idempotent by external id through an alternate key),
/// programmes with their cost items, KPIs and KPI plan rows, levels with their history, the org-wide engagement
/// settings row, and the engagement and level columns Rapport adds to contact and account. Rapport's own social
/// profile table is used rather than Dataverse's socialprofile, which is tied to the retired social-care framework.
/// Choice values use the publisher's option value prefix 10785.
/// </summary>
public static class EngagementTables
{
    public const string Profile = "rapport_socialprofile";
    public const string Interaction = "rapport_socialinteraction";
    public const string Programme = "rapport_socialprogramme";
    public const string CostItem = "rapport_programmecost";
    public const string Kpi = "rapport_kpi";
    public const string KpiPlan = "rapport_kpiplan";
    public const string Level = "rapport_level";
    public const string LevelHistory = "rapport_levelhistory";
    public const string Settings = "rapport_engagementsettings";

    /// <summary>Networks and channels, in the domain's Channel order (107850000 + position). Shared, so global.</summary>
    public static OptionSetDefinition Channel { get; } = Options("rapport_channel", true,
        "Facebook", "Instagram", "X", "LinkedIn", "YouTube", "TikTok", "Email", "Web", "Other");

    /// <summary>Interaction kinds, in the domain's InteractionKind order.</summary>
    public static OptionSetDefinition Kind { get; } = Options("rapport_socialinteraction_rapport_kind", false,
        "Like", "Share", "Comment", "Mention", "Review", "Referral", "Click", "Coupon redemption", "Service contact");

    public static OptionSetDefinition Stage { get; } = Options("rapport_funnelstage", true, "Awareness", "Consideration", "Conversion", "Retention", "Advocacy");

    public static OptionSetDefinition Tactic { get; } = Options("rapport_tactic", true,
        "Video", "White paper", "Event", "Social post", "Email", "Webinar", "Podcast", "Blog", "Paid ad", "Referral programme", "Community", "Review site");

    public static OptionSetDefinition Unit { get; } = Options("rapport_kpi_rapport_unit", false, "Count", "Percent", "Currency", "Score", "Rating");

    public static OptionSetDefinition LevelSource { get; } = Options("rapport_level_rapport_source", false,
        "CLV", "Engagement score", "Giving total", "Giving count", "Days since last gift");

    public static OptionSetDefinition Move { get; } = Options("rapport_levelhistory_rapport_move", false, "Up", "Down");

    public static IEnumerable<TableDefinition> Tables()
    {
        yield return Table(Profile, "Social Profile", "Social Profiles", Ownership.UserOwned,
            "A contact's or account's profile on a social network, with its reach and influencer score.",
        [
            Customer("rapport_customerid", "Customer") with { RequiredLevel = RequiredLevel.ApplicationRequired },
            Choice("rapport_network", "Network", Channel) with { RequiredLevel = RequiredLevel.ApplicationRequired },
            Str("rapport_handle", "Handle", 100) with { RequiredLevel = RequiredLevel.ApplicationRequired },
            Str("rapport_profileurl", "Profile URL", 400),
            Whole("rapport_followers", "Followers"),
            Whole("rapport_reach", "Reach"),
            Dbl("rapport_influencescore", "Influencer Score", 0, 100) with { Description = "100 × (0.4 reach + 0.35 amplification + 0.25 referral), each log-scaled against its ceiling." },
            Dbl("rapport_influencereach", "Influence: Reach", 0, 1),
            Dbl("rapport_influenceamplification", "Influence: Amplification", 0, 1),
            Dbl("rapport_influencereferral", "Influence: Referral", 0, 1),
        ]);
        yield return Table(Interaction, "Social Interaction", "Social Interactions", Ownership.UserOwned,
            "One thing a contact or account did on a channel: like, share, comment, mention, review, referral, click, coupon redemption or service contact.",
        [
            Customer("rapport_customerid", "Customer") with { Description = "Filled from the social profile when left empty." },
            Lookup("rapport_socialprofileid", "Social Profile", Profile),
            Choice("rapport_channel", "Channel", Channel) with { RequiredLevel = RequiredLevel.ApplicationRequired },
            Choice("rapport_kind", "Kind", Kind) with { RequiredLevel = RequiredLevel.ApplicationRequired },
            new ColumnDefinition("rapport_occurredon", "Occurred On", ColumnType.DateTime) { RequiredLevel = RequiredLevel.ApplicationRequired },
            Dbl("rapport_sentiment", "Sentiment", -1, 1) with { Description = "-1 (negative) to 1 (positive)." },
            new ColumnDefinition("rapport_rating", "Rating", ColumnType.Integer) { MinValue = 1, MaxValue = 5, Description = "Reviews: 1 to 5." },
            Money("rapport_monetaryvalue", "Monetary Value"),
            Customer("rapport_referredcustomerid", "Referred Customer"),
            Lookup("rapport_programmeid", "Programme", Programme),
            Lookup("rapport_campaignid", "Campaign", "campaign"),
            Str("rapport_externalid", "External Id", 200) with { Description = "The source's id; makes ingestion idempotent (alternate key)." },
        ], [new AlternateKeyDefinition("rapport_socialinteraction_externalid", "External Id", ["rapport_externalid"])]);
        yield return Table(Programme, "Social Programme", "Social Programmes", Ownership.UserOwned,
            "A social programme: its channel, period, offer margin and service costs; its cost items are rapport_programmecost rows.",
        [
            Choice("rapport_channel", "Channel", Channel),
            DateOnly("rapport_periodstart", "Period Start"),
            DateOnly("rapport_periodend", "Period End"),
            Lookup("rapport_campaignid", "Campaign", "campaign"),
            Money("rapport_marginperredemption", "Margin per Redemption"),
            Dbl("rapport_marginrate", "Margin Rate", 0, 1) with { Description = "Used when no margin per redemption is set: share of redemption values that is profit." },
            Money("rapport_traditionalcostpercontact", "Traditional Cost per Service Contact"),
            Money("rapport_socialcostpercontact", "Social Cost per Service Contact"),
        ]);
        yield return Table(CostItem, "Programme Cost", "Programme Costs", Ownership.UserOwned,
            "One cost of a social programme or campaign (content, ads, tools, staff time).",
        [
            Lookup("rapport_programmeid", "Programme", Programme),
            Lookup("rapport_campaignid", "Campaign", "campaign"),
            Money("rapport_amount", "Amount") with { RequiredLevel = RequiredLevel.ApplicationRequired },
            DateOnly("rapport_incurredon", "Incurred On"),
        ]);
        yield return Table(Kpi, "KPI", "KPIs", Ownership.OrganizationOwned,
            "A KPI of the catalogue: code, funnel stage, tactic, unit and how its actual is obtained (Manual or Auto(...)).",
        [
            Str("rapport_code", "Code", 100) with { RequiredLevel = RequiredLevel.ApplicationRequired },
            Choice("rapport_stage", "Funnel Stage", Stage),
            Choice("rapport_tactic", "Tactic", Tactic),
            Choice("rapport_unit", "Unit", Unit),
            Str("rapport_computation", "Computation", 100) with { Description = "Manual, Auto(count:<kind>) or Auto(<source>)." },
            new ColumnDefinition("rapport_higherisbetter", "Higher Is Better", ColumnType.Boolean),
            new ColumnDefinition("rapport_description", "Description", ColumnType.Memo) { MaxLength = 2000 },
        ], [new AlternateKeyDefinition("rapport_kpi_code", "Code", ["rapport_code"])]);
        yield return Table(KpiPlan, "KPI Plan Row", "KPI Plan", Ownership.UserOwned,
            "Funnel stage × goal × tactic × KPI with a target and period; the actual is computed for automatic KPIs and typed in for manual ones.",
        [
            Lookup("rapport_kpiid", "KPI", Kpi) with { RequiredLevel = RequiredLevel.ApplicationRequired },
            Choice("rapport_stage", "Funnel Stage", Stage),
            Str("rapport_goal", "Goal", 400),
            Choice("rapport_tactic", "Tactic", Tactic),
            Dec("rapport_target", "Target"),
            Dec("rapport_actual", "Actual"),
            new ColumnDefinition("rapport_actualcomputed", "Actual Computed", ColumnType.Boolean),
            Dec("rapport_progress", "Progress (%)"),
            DateOnly("rapport_periodstart", "Period Start"),
            DateOnly("rapport_periodend", "Period End"),
            Lookup("rapport_programmeid", "Programme", Programme),
        ]);
        yield return Table(Level, "Level", "Levels", Ownership.OrganizationOwned,
            "A level of a ladder (NPSP-style, generalised): a range on a source value, optional countries, and the follow-up tasks created on entering it.",
        [
            Str("rapport_ladder", "Ladder", 100) with { RequiredLevel = RequiredLevel.ApplicationRequired },
            Choice("rapport_source", "Source", LevelSource) with { RequiredLevel = RequiredLevel.ApplicationRequired },
            Whole("rapport_rank", "Rank") with { Description = "Position in the ladder, lowest first." },
            Dec("rapport_minimum", "Minimum"),
            Dec("rapport_maximum", "Maximum (exclusive)"),
            Str("rapport_countries", "Countries", 400) with { Description = "Optional: comma-separated countries the customer must be in." },
            new ColumnDefinition("rapport_plantasks", "Engagement Plan Tasks", ColumnType.Memo) { MaxLength = 4000, Description = "One task a line: days until due | Low, Normal or High | subject." },
        ]);
        yield return Table(LevelHistory, "Level History", "Level History", Ownership.OrganizationOwned,
            "A contact's or account's move between levels of a ladder.",
        [
            Customer("rapport_customerid", "Customer"),
            Str("rapport_ladder", "Ladder", 100),
            Lookup("rapport_fromlevelid", "From Level", Level),
            Lookup("rapport_tolevelid", "To Level", Level),
            Choice("rapport_move", "Move", Move),
            new ColumnDefinition("rapport_movedon", "Moved On", ColumnType.DateTime),
        ]);
        yield return Table(Settings, "Engagement Settings", "Engagement Settings", Ownership.OrganizationOwned,
            "The organization's engagement scoring configuration (weights, daily caps, half-life) and the base reference scores are normalised against.",
        [
            new ColumnDefinition("rapport_configuration", "Scoring Configuration (JSON)", ColumnType.Memo) { MaxLength = 20000, Description = "{\"halfLifeDays\":90,\"kinds\":{\"like\":{\"weight\":1,\"dailyCap\":20}}}; left-out values keep their defaults." },
            Dbl("rapport_referencepoints", "Base Reference (p99 Raw Points)", 0, 1e12),
            Whole("rapport_referencecustomers", "Base Reference Customers"),
            new ColumnDefinition("rapport_referencecomputedon", "Base Reference Computed On", ColumnType.DateTime),
        ]);
        yield return Customers("contact", "Contact", "Contacts", "fullname");
        yield return Customers("account", "Account", "Accounts", "name");
    }

    public static IEnumerable<OneToManyRelationship> Relationships()
    {
        foreach (var customer in new[] { "contact", "account" })
        {
            yield return new($"rapport_{customer}_socialprofile", customer, Profile, "rapport_customerid", CascadeDelete.Cascade);
            yield return new($"rapport_{customer}_socialinteraction", customer, Interaction, "rapport_customerid", CascadeDelete.Cascade);
            yield return new($"rapport_{customer}_socialinteraction_referred", customer, Interaction, "rapport_referredcustomerid", CascadeDelete.RemoveLink);
            yield return new($"rapport_{customer}_levelhistory", customer, LevelHistory, "rapport_customerid", CascadeDelete.Cascade);
            yield return new($"rapport_level_{customer}_levelid", Level, customer, "rapport_levelid", CascadeDelete.RemoveLink);
        }

        yield return new("rapport_socialprofile_socialinteraction", Profile, Interaction, "rapport_socialprofileid", CascadeDelete.RemoveLink);
        yield return new("rapport_socialprogramme_socialinteraction", Programme, Interaction, "rapport_programmeid", CascadeDelete.RemoveLink);
        yield return new("rapport_campaign_socialinteraction", "campaign", Interaction, "rapport_campaignid", CascadeDelete.RemoveLink);
        yield return new("rapport_campaign_socialprogramme", "campaign", Programme, "rapport_campaignid", CascadeDelete.RemoveLink);
        yield return new("rapport_socialprogramme_programmecost", Programme, CostItem, "rapport_programmeid", CascadeDelete.Cascade);
        yield return new("rapport_campaign_programmecost", "campaign", CostItem, "rapport_campaignid", CascadeDelete.Cascade);
        yield return new("rapport_kpi_kpiplan", Kpi, KpiPlan, "rapport_kpiid", CascadeDelete.Restrict);
        yield return new("rapport_socialprogramme_kpiplan", Programme, KpiPlan, "rapport_programmeid", CascadeDelete.RemoveLink);
        yield return new("rapport_level_levelhistory_from", Level, LevelHistory, "rapport_fromlevelid", CascadeDelete.RemoveLink);
        yield return new("rapport_level_levelhistory_to", Level, LevelHistory, "rapport_tolevelid", CascadeDelete.RemoveLink);
    }

    /// <summary>The engagement and level columns Rapport adds to a standard customer table.</summary>
    private static TableDefinition Customers(string table, string display, string plural, string primaryName)
    {
        List<ColumnDefinition> added =
        [
            Dbl("rapport_engagementscore", "Engagement Score", 0, 100),
            Dbl("rapport_engagementrawpoints", "Engagement Raw Points", 0, 1e12) with { Description = "Decayed, capped points before normalisation; the base reference is built from them." },
            new("rapport_engagementcomponents", "Engagement Components (JSON)", ColumnType.Memo) { MaxLength = 4000, Description = "Per kind: interactions, counted, points and share; explains the score." },
            new("rapport_engagementscoredon", "Engagement Scored On", ColumnType.DateTime),
            Lookup("rapport_levelid", "Level", Level),
            new("rapport_levelsince", "Level Since", ColumnType.DateTime),
        ];
        return new TableDefinition(table, display, plural)
        {
            PrimaryNameAttribute = primaryName,
            Columns = added,
            AddedColumns = added.Select(c => c.LogicalName).ToList(),
        };
    }

    private static TableDefinition Table(string name, string display, string plural, Ownership ownership, string description, ColumnDefinition[] columns, AlternateKeyDefinition[]? keys = null)
    {
        var all = SystemColumns.For(name, display, ownership)
            .Append(new ColumnDefinition("rapport_name", "Name", ColumnType.String) { MaxLength = 400, IsPrimaryName = true })
            .Concat(columns)
            .ToList();
        var shown = new[] { "rapport_name" }.Concat(columns.Take(5).Select(c => c.LogicalName)).ToList();
        return new TableDefinition(name, display, plural)
        {
            Description = description,
            IsCustom = true,
            Ownership = ownership,
            PrimaryNameAttribute = "rapport_name",
            Columns = all,
            Keys = keys ?? [],
            States = SystemColumns.ActiveInactive,
            FormColumns = all.Where(c => c.LogicalName.StartsWith("rapport_", System.StringComparison.Ordinal) && !c.IsPrimaryId).Select(c => c.LogicalName).ToList(),
            ViewColumns = shown,
        };
    }

    private static OptionSetDefinition Options(string name, bool global, params string[] labels) =>
        new(name, labels.Select((label, i) => new OptionDefinition(107850000 + i, label)).ToList(), global);

    private static ColumnDefinition Str(string name, string display, int max) => new(name, display, ColumnType.String) { MaxLength = max };

    private static ColumnDefinition Whole(string name, string display) => new(name, display, ColumnType.Integer) { MinValue = 0, MaxValue = int.MaxValue };

    private static ColumnDefinition Dbl(string name, string display, double min, double max) => new(name, display, ColumnType.Double) { MinValue = min, MaxValue = max, Precision = 4 };

    private static ColumnDefinition Dec(string name, string display) => new(name, display, ColumnType.Decimal) { MinValue = -100000000000, MaxValue = 100000000000, Precision = 2 };

    private static ColumnDefinition Money(string name, string display) => new(name, display, ColumnType.Money) { MinValue = 0, MaxValue = 922337203685477, Precision = 2 };

    private static ColumnDefinition DateOnly(string name, string display) => new(name, display, ColumnType.DateTime) { DateOnly = true };

    private static ColumnDefinition Choice(string name, string display, OptionSetDefinition options) => new(name, display, ColumnType.Picklist) { OptionSet = options };

    private static ColumnDefinition Lookup(string name, string display, string target) => new(name, display, ColumnType.Lookup) { Targets = [target] };

    private static ColumnDefinition Customer(string name, string display) => new(name, display, ColumnType.Customer) { Targets = ["contact", "account"] };
}
