using System.Collections.Generic;
using Rapport.Solution.Model;

namespace Rapport.Solution.Declarations.WebResources;

/// <summary>
/// The web resources built from WebResources/ (esbuild writes them to WebResources/dist under their Dataverse names).
/// </summary>
public static class RapportWebResources
{
    public static IEnumerable<WebResourceDefinition> All()
    {
        yield return new("rapport_/feed/feed.html", "Rapport Feed", WebResourceType.Html, "rapport_/feed/feed.html");
        yield return new("rapport_/feed/feed.js", "Rapport Feed (script)", WebResourceType.JavaScript, "rapport_/feed/feed.js");
        yield return new("rapport_/feed/feed.css", "Rapport Feed (styles)", WebResourceType.Css, "rapport_/feed/feed.css");
        yield return new("rapport_/card/insights.html", "Rapport CLV & Engagement Card", WebResourceType.Html, "rapport_/card/insights.html");
        yield return new("rapport_/card/insights.js", "Rapport CLV & Engagement Card (script)", WebResourceType.JavaScript, "rapport_/card/insights.js");
        yield return new("rapport_/card/insights.css", "Rapport CLV & Engagement Card (styles)", WebResourceType.Css, "rapport_/card/insights.css");
        yield return new("rapport_/commands/follow.js", "Rapport Follow Command", WebResourceType.JavaScript, "rapport_/commands/follow.js");
        yield return new("rapport_/forms/feedhost.js", "Rapport Feed Host (form script)", WebResourceType.JavaScript, "rapport_/forms/feedhost.js");
        yield return new("rapport_/icons/follow.svg", "Rapport Follow Icon", WebResourceType.Svg, "rapport_/icons/follow.svg");
        yield return new("rapport_/icons/unfollow.svg", "Rapport Unfollow Icon", WebResourceType.Svg, "rapport_/icons/unfollow.svg");
    }
}
