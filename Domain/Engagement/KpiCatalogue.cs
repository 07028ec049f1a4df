using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Domain.Common;

namespace Rapport.Domain.Engagement;

/// <summary>
/// The KPIs a plan can use. <see cref="Starter"/> is the shipped catalogue (40 KPIs over every funnel stage) that an
/// admin loads and edits: <see cref="With"/> adds or replaces, <see cref="Without"/> removes, and
/// <see cref="ToJson"/> / <see cref="FromJson"/> carry it to and from a configuration record.
/// </summary>
public sealed class KpiCatalogue
{
    private readonly List<KpiDefinition> _items;

    public KpiCatalogue(IEnumerable<KpiDefinition> items)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        _items = items.ToList();
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _items.Count; i++)
        {
            var k = _items[i];
            var where = $"Kpis[{i}]";
            if (k is null || Guard.IsBlank(k.Code) || Guard.IsBlank(k.Name))
            {
                throw new EngagementException(EngagementError.InvalidKpi, where, $"{where}: every KPI needs a code and a name.");
            }

            if (!codes.Add(k.Code.Trim()))
            {
                throw new EngagementException(EngagementError.InvalidKpi, $"{where}.Code", $"{where}.Code '{k.Code}' is used twice; KPI codes must be unique.");
            }

            if (k.Computation is null || (k.Computation.Source == KpiAutoSource.Count && k.Computation.Kind is null))
            {
                throw new EngagementException(EngagementError.InvalidKpi, $"{where}.Computation", $"{where}.Computation of '{k.Code}' is incomplete; a count needs an interaction kind, e.g. Auto(count:share).");
            }
        }
    }

    public IReadOnlyList<KpiDefinition> Items => _items;

    public static KpiCatalogue Starter { get; } = new KpiCatalogue(StarterItems());

    public KpiDefinition? Find(string? code) =>
        code is null ? null : _items.FirstOrDefault(k => string.Equals(k.Code.Trim(), code.Trim(), StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<KpiDefinition> ForStage(FunnelStage stage) => _items.Where(k => k.Stage == stage).ToList();

    /// <summary>A copy with <paramref name="kpi"/> added, or replacing the KPI with the same code.</summary>
    public KpiCatalogue With(KpiDefinition kpi)
    {
        Guard.NotNull(kpi, nameof(kpi));
        var list = _items.ToList();
        var at = list.FindIndex(k => string.Equals(k.Code.Trim(), (kpi.Code ?? string.Empty).Trim(), StringComparison.OrdinalIgnoreCase));
        if (at >= 0)
        {
            list[at] = kpi;
        }
        else
        {
            list.Add(kpi);
        }

        return new KpiCatalogue(list);
    }

    public KpiCatalogue Without(string code) => new KpiCatalogue(_items.Where(k => !string.Equals(k.Code.Trim(), (code ?? string.Empty).Trim(), StringComparison.OrdinalIgnoreCase)));

    public string ToJson()
    {
        var w = new JsonWriter().StartArray();
        foreach (var k in _items)
        {
            w.StartObject()
                .Property("code", k.Code)
                .Property("name", k.Name)
                .Property("description", k.Description)
                .Property("stage", CodeText.Of(k.Stage))
                .Property("tactic", CodeText.Of(k.Tactic))
                .Property("unit", CodeText.Of(k.Unit))
                .Property("computation", k.Computation.ToString())
                .Property("higherIsBetter", k.HigherIsBetter)
                .EndObject();
        }

        return w.EndArray().ToString();
    }

    /// <summary>Reads <see cref="ToJson"/>'s format; a missing or unknown value is refused with the KPI's position and field.</summary>
    public static KpiCatalogue FromJson(string json)
    {
        JsonValue root;
        try
        {
            root = JsonReader.Parse(json);
        }
        catch (JsonFormatException ex)
        {
            throw new EngagementException(EngagementError.InvalidKpi, "json", $"The KPI catalogue is not valid JSON: {ex.Message}");
        }

        if (root.Kind != JsonKind.Array)
        {
            throw new EngagementException(EngagementError.InvalidKpi, "json", "The KPI catalogue must be a JSON array of KPIs.");
        }

        var items = new List<KpiDefinition>();
        for (var i = 0; i < root.Items.Count; i++)
        {
            var o = root.Items[i];
            var where = $"Kpis[{i}]";
            var stage = Enum<FunnelStage>(o, "stage", where);
            var tactic = Enum<Tactic>(o, "tactic", where);
            var unit = Enum<KpiUnit>(o, "unit", where);
            var computation = KpiComputation.Parse(o.GetString("computation"), $"{where}.computation");
            var higher = o.Get("higherIsBetter");
            items.Add(new KpiDefinition(o.GetString("code") ?? string.Empty, o.GetString("name") ?? string.Empty, o.GetString("description") ?? string.Empty, stage, tactic, unit, computation)
            {
                HigherIsBetter = higher is null || higher.Kind != JsonKind.Bool || higher.Boolean,
            });
        }

        return new KpiCatalogue(items);
    }

    private static T Enum<T>(JsonValue o, string name, string where)
        where T : struct, System.Enum
    {
        var text = o.GetString(name);
        if (CodeText.TryParse<T>(text, out var value))
        {
            return value;
        }

        var all = string.Join(", ", System.Enum.GetValues(typeof(T)).Cast<T>().Select(v => CodeText.Of(v)));
        throw new EngagementException(EngagementError.InvalidKpi, $"{where}.{name}", $"{where}.{name} '{text}' is not known; use one of: {all}.");
    }

    private static IEnumerable<KpiDefinition> StarterItems()
    {
        KpiDefinition K(string code, string name, string description, FunnelStage stage, Tactic tactic, KpiUnit unit, KpiComputation computation) =>
            new KpiDefinition(code, name, description, stage, tactic, unit, computation);
        var manual = KpiComputation.Manual;
        const FunnelStage A = FunnelStage.Awareness, C = FunnelStage.Consideration, V = FunnelStage.Conversion, R = FunnelStage.Retention, D = FunnelStage.Advocacy;

        return new[]
        {
            K("impressions", "Impressions", "Times content or ads were displayed.", A, Tactic.PaidAd, KpiUnit.Count, manual),
            K("reach", "Reach", "Unique people who saw the content.", A, Tactic.SocialPost, KpiUnit.Count, manual),
            K("video_views", "Video views", "Views of published videos (network analytics).", A, Tactic.Video, KpiUnit.Count, manual),
            K("new_followers", "New followers", "Profiles that started following the brand in the period.", A, Tactic.SocialPost, KpiUnit.Count, KpiComputation.Auto(KpiAutoSource.NewFollowers)),
            K("brand_mentions", "Brand mentions", "Mentions of the brand recorded as interactions.", A, Tactic.SocialPost, KpiUnit.Count, KpiComputation.CountOf(InteractionKind.Mention)),
            K("shares", "Shares", "Shares of the brand's content recorded as interactions.", A, Tactic.SocialPost, KpiUnit.Count, KpiComputation.CountOf(InteractionKind.Share)),
            K("podcast_downloads", "Podcast downloads", "Episode downloads (hosting platform).", A, Tactic.Podcast, KpiUnit.Count, manual),
            K("blog_page_views", "Blog page views", "Page views of blog posts (web analytics).", A, Tactic.Blog, KpiUnit.Count, manual),
            K("share_of_voice", "Share of voice", "Brand mentions as a percentage of all mentions in the category (listening tool).", A, Tactic.Community, KpiUnit.Percent, manual),
            K("link_clicks", "Link clicks", "Clicks on links and ads recorded as interactions.", C, Tactic.PaidAd, KpiUnit.Count, KpiComputation.CountOf(InteractionKind.Click)),
            K("likes", "Likes", "Likes and reactions recorded as interactions.", C, Tactic.SocialPost, KpiUnit.Count, KpiComputation.CountOf(InteractionKind.Like)),
            K("comments", "Comments", "Comments recorded as interactions.", C, Tactic.Blog, KpiUnit.Count, KpiComputation.CountOf(InteractionKind.Comment)),
            K("total_interactions", "Total interactions", "All interactions of every kind in the period.", C, Tactic.SocialPost, KpiUnit.Count, KpiComputation.Auto(KpiAutoSource.Interactions)),
            K("white_paper_downloads", "White paper downloads", "Downloads of gated white papers.", C, Tactic.WhitePaper, KpiUnit.Count, manual),
            K("webinar_registrations", "Webinar registrations", "People who registered for a webinar.", C, Tactic.Webinar, KpiUnit.Count, manual),
            K("webinar_attendance_rate", "Webinar attendance rate", "Attendees as a percentage of registrants.", C, Tactic.Webinar, KpiUnit.Percent, manual),
            K("event_registrations", "Event registrations", "People who registered for an event.", C, Tactic.Event, KpiUnit.Count, manual),
            K("email_open_rate", "Email open rate", "Opened emails as a percentage of delivered emails.", C, Tactic.Email, KpiUnit.Percent, manual),
            K("email_click_rate", "Email click-through rate", "Emails with a click as a percentage of delivered emails.", C, Tactic.Email, KpiUnit.Percent, manual),
            K("video_completion_rate", "Video completion rate", "Views watched to the end as a percentage of views.", C, Tactic.Video, KpiUnit.Percent, manual),
            K("average_engagement_score", "Average engagement score", "Mean engagement score (0–100) of the programme's customers.", C, Tactic.Community, KpiUnit.Score, KpiComputation.Auto(KpiAutoSource.AverageEngagementScore)),
            K("conversions", "Conversions", "Purchases, sign-ups or gifts attributed to the programme.", V, Tactic.PaidAd, KpiUnit.Count, KpiComputation.Auto(KpiAutoSource.Conversions)),
            K("conversion_rate", "Conversion rate", "Conversions as a percentage of link clicks.", V, Tactic.PaidAd, KpiUnit.Percent, KpiComputation.Auto(KpiAutoSource.ConversionRate)),
            K("coupon_redemptions", "Coupon redemptions", "Offer coupons redeemed.", V, Tactic.Email, KpiUnit.Count, KpiComputation.CountOf(InteractionKind.CouponRedemption)),
            K("cost_per_acquisition", "Cost per acquisition", "Programme cost divided by new customers; lower is better.", V, Tactic.PaidAd, KpiUnit.Currency, manual) with { HigherIsBetter = false },
            K("event_leads", "Leads from events", "Qualified leads captured at events.", V, Tactic.Event, KpiUnit.Count, manual),
            K("average_order_value", "Average order value", "Revenue divided by orders in the period.", V, Tactic.SocialPost, KpiUnit.Currency, manual),
            K("retention_rate", "Retention rate", "Customers at the start of the period still active at its end, as a percentage.", R, Tactic.Email, KpiUnit.Percent, KpiComputation.Auto(KpiAutoSource.RetentionRate)),
            K("average_clv", "Average CLV", "Mean customer lifetime value of the programme's customers.", R, Tactic.Community, KpiUnit.Currency, KpiComputation.Auto(KpiAutoSource.AverageClv)),
            K("social_service_contacts", "Service contacts on social", "Service requests handled on social networks.", R, Tactic.Community, KpiUnit.Count, KpiComputation.CountOf(InteractionKind.ServiceContact)),
            K("repeat_purchase_rate", "Repeat purchase rate", "Customers with more than one purchase, as a percentage of buyers.", R, Tactic.Email, KpiUnit.Percent, manual),
            K("churn_rate", "Churn rate", "Customers lost in the period, as a percentage; lower is better.", R, Tactic.Email, KpiUnit.Percent, manual) with { HigherIsBetter = false },
            K("active_community_members", "Active community members", "Customers with at least one interaction in the period.", R, Tactic.Community, KpiUnit.Count, KpiComputation.Auto(KpiAutoSource.EngagedCustomers)),
            K("referrals", "Referrals", "Customers referred by existing customers.", D, Tactic.ReferralProgramme, KpiUnit.Count, KpiComputation.CountOf(InteractionKind.Referral)),
            K("referral_value", "Referral value", "Summed CLV of referred customers.", D, Tactic.ReferralProgramme, KpiUnit.Currency, KpiComputation.Auto(KpiAutoSource.ReferralValue)),
            K("reviews", "Reviews", "Reviews published by customers.", D, Tactic.ReviewSite, KpiUnit.Count, KpiComputation.CountOf(InteractionKind.Review)),
            K("average_rating", "Average rating", "Mean review rating (1–5).", D, Tactic.ReviewSite, KpiUnit.Rating, KpiComputation.Auto(KpiAutoSource.AverageRating)),
            K("positive_sentiment_share", "Positive sentiment share", "Positive interactions as a percentage of interactions with a sentiment.", D, Tactic.SocialPost, KpiUnit.Percent, KpiComputation.Auto(KpiAutoSource.PositiveSentimentShare)),
            K("net_promoter_score", "Net Promoter Score", "Promoters minus detractors, in points (-100..100; survey).", D, Tactic.ReviewSite, KpiUnit.Score, manual),
            K("user_generated_content", "User-generated content", "Posts, videos and photos customers published about the brand.", D, Tactic.Community, KpiUnit.Count, manual),
        };
    }
}
