namespace Rapport.Solution.Model;

/// <summary>webresource.webresourcetype codes.</summary>
public enum WebResourceType
{
    Html = 1,
    Css = 2,
    JavaScript = 3,
    Xml = 4,
    Png = 5,
    Jpg = 6,
    Gif = 7,
    Xap = 8,
    Xsl = 9,
    Ico = 10,
    Svg = 11,
    Resx = 12,
}

/// <summary>A web resource: its Dataverse name (rapport_/...) and the built file it is packed from (relative to WebResources/dist).</summary>
public sealed record WebResourceDefinition(string Name, string DisplayName, WebResourceType Type, string SourcePath);
