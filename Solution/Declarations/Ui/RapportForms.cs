using System.Collections.Generic;
using Rapport.Solution.Model;

namespace Rapport.Solution.Declarations.Ui;

/// <summary>
/// Where the feed and the insights card appear. Standard tables get a Rapport-owned additional main form
/// ("Rapport Social") rather than a change to their own main form: a managed solution can only add to a standard
/// table's forms, and an extra form stays removable with the solution (users switch forms from the form selector).
/// </summary>
public static class RapportForms
{
    public const string FeedPage = "rapport_/feed/feed.html";
    public const string InsightsPage = "rapport_/card/insights.html";
    public const string FeedHostLibrary = "rapport_/forms/feedhost.js";
    public const string FeedHostOnLoad = "Rapport.Forms.FeedHost.onLoad";
    public const string FeedControl = "WebResource_rapport_feed";
    public const string InsightsControl = "WebResource_rapport_insights";

    /// <summary>The tables whose main form carries the Rapport tab; customers also get the CLV &amp; engagement card.</summary>
    public static IEnumerable<FormDefinition> All()
    {
        yield return FeedForm("contact", "Contact", withInsights: true);
        yield return FeedForm("account", "Account", withInsights: true);
        yield return FeedForm("opportunity", "Opportunity", withInsights: false);
    }

    /// <summary>A "Rapport Social" main form for any table that can be followed: the Rapport tab plus the feed host script.</summary>
    public static FormDefinition FeedForm(string table, string display, bool withInsights)
    {
        List<FormSectionDefinition> sections = [new("rapport_feed_section", "Feed", [new(FeedControl, FeedPage, "Feed") { Rows = 16 }])];
        if (withInsights)
        {
            sections.Add(new("rapport_insights_section", "CLV & Engagement", [new(InsightsControl, InsightsPage, "CLV & Engagement") { Rows = 10 }]));
        }

        return new FormDefinition($"rapport_{table}_social", table, "Rapport Social", [new("rapport_tab", "Rapport", sections)])
        {
            Description = $"{display} with Rapport's feed{(withInsights ? " and the CLV & engagement card" : "")}.",
            Libraries = [FeedHostLibrary],
            Handlers = [new(FeedHostLibrary, FeedHostOnLoad)],
        };
    }
}
