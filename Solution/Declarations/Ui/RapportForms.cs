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

    /// <summary>Control ids on the forms: the column's id, as the form designer names a bound control; the card's is a second copy.</summary>
    public const string FeedControl = CodeComponents.AnchorColumn;
    public const string InsightsControl = CodeComponents.AnchorColumn + "1";

    /// <summary>The tables whose main form carries the Rapport tab; customers also get the CLV &amp; engagement card.</summary>
    public static IEnumerable<FormDefinition> All()
    {
        yield return FeedForm("contact", "Contact", withInsights: true);
        yield return FeedForm("account", "Account", withInsights: true);
        yield return FeedForm("opportunity", "Opportunity", withInsights: false);
    }

    /// <summary>
    /// A "Rapport Social" main form for any table that can be followed: the Rapport tab with the Feed code component
    /// (and the CLV &amp; engagement card for customers) bound to a text column, rapport_feedanchor on the tables Rapport
    /// adds it to. Follow stays on the command bar.
    /// </summary>
    public static FormDefinition FeedForm(string table, string display, bool withInsights, string anchorColumn = CodeComponents.AnchorColumn)
    {
        List<FormSectionDefinition> sections =
        [
            new("rapport_feed_section", "Feed", []) { CodeControls = [Component(anchorColumn, anchorColumn, CodeComponents.Feed, "Feed", 16)] },
        ];
        if (withInsights)
        {
            sections.Add(new("rapport_insights_section", "CLV & Engagement", []) { CodeControls = [Component(anchorColumn + "1", anchorColumn, CodeComponents.InsightsCard, "CLV & Engagement", 10)] });
        }

        return new FormDefinition($"rapport_{table}_social", table, "Rapport Social", [new("rapport_tab", "Rapport", sections)])
        {
            Description = $"{display} with Rapport's feed{(withInsights ? " and the CLV & engagement card" : "")}.",
        };
    }

    /// <summary>A bound control is named after its column (a second copy gets a number), as the form designer names it.</summary>
    private static CodeComponentControlDefinition Component(string id, string column, string component, string label, int rows) =>
        new(id, component, column, CodeComponents.AnchorProperty, label) { Rows = rows };
}
