using System.Collections.Generic;
using Rapport.Solution.Model;

namespace Rapport.Solution.Declarations.Ui;

/// <summary>The Rapport dashboard: the signed-in user's feed ("My feed") next to the posts that mention them.</summary>
public static class RapportDashboards
{
    public static IEnumerable<DashboardDefinition> All()
    {
        // The feed page reads scope from its data parameter (feed.ts scopeFromSearch): "mentions", else "my".
        yield return new DashboardDefinition("rapport_dashboard", "Rapport",
        [
            new("rapport_dashboard_tab", "Rapport",
            [
                new("rapport_myfeed_section", "My feed", [new("WebResource_rapport_myfeed", RapportForms.FeedPage, "My feed") { Data = "scope=my", Rows = 20, PassParameters = false }]),
                new("rapport_mentions_section", "Mentions", [new("WebResource_rapport_mentions", RapportForms.FeedPage, "Mentions") { Data = "scope=mentions", Rows = 20, PassParameters = false }]),
            ]),
        ])
        {
            Description = "Posts from the records and people you follow, and the posts that mention you.",
        };
    }
}
