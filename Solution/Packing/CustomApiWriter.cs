using System.Collections.Generic;
using System.Xml.Linq;
using Rapport.Solution.Model;
using static Rapport.Solution.Packing.XmlParts;

namespace Rapport.Solution.Packing;

/// <summary>
/// The customapis/ files, as Microsoft's own exports ship them (in packed zips too): one customapi.xml per API and one
/// file per request parameter and response property. Response properties carry no isoptional (import fails on it).
/// </summary>
internal static class CustomApiWriter
{
    /// <summary>Path → XML of every file of one Custom API.</summary>
    public static IEnumerable<KeyValuePair<string, XElement>> Files(CustomApiDefinition api)
    {
        yield return new(ComponentPaths.CustomApi(api.UniqueName), Api(api));
        foreach (var parameter in api.RequestParameters)
        {
            yield return new(ComponentPaths.RequestParameter(api.UniqueName, parameter.UniqueName), Field("customapirequestparameter", api, parameter, optional: true));
        }

        foreach (var property in api.ResponseProperties)
        {
            yield return new(ComponentPaths.ResponseProperty(api.UniqueName, property.UniqueName), Field("customapiresponseproperty", api, property, optional: false));
        }
    }

    private static XElement Api(CustomApiDefinition api)
    {
        var element = new XElement("customapi", new XAttribute("uniquename", api.UniqueName),
            new XElement("allowedcustomprocessingsteptype", Number(api.AllowedCustomProcessingStepType)),
            new XElement("bindingtype", Number((int)api.Binding)),
            // A global API's export carries no boundentitylogicalname at all (ExportDataUsingFetchXmlToAnnotation sample).
            api.Binding == CustomApiBinding.Global ? null : new XElement("boundentitylogicalname", api.BoundEntity),
            Localized("description", api.Description),
            Localized("displayname", api.DisplayName),
            new XElement("iscustomizable", "0"),
            new XElement("isfunction", Flag(api.IsFunction)),
            new XElement("isprivate", Flag(api.IsPrivate)),
            new XElement("name", api.UniqueName));
        if (!string.IsNullOrEmpty(api.PluginType))
        {
            element.Add(new XElement("plugintypeid", new XElement("plugintypeid", StepModel.PluginTypeIdOf(api.PluginType).ToString("D"))));
        }

        element.Add(new XElement("workflowsdkstepenabled", "0"));
        return element;
    }

    private static XElement Field(string root, CustomApiDefinition api, CustomApiFieldDefinition field, bool optional)
    {
        var element = new XElement(root, new XAttribute("uniquename", field.UniqueName),
            Localized("description", field.Description),
            Localized("displayname", field.DisplayName),
            new XElement("iscustomizable", "0"));
        if (optional)
        {
            element.Add(new XElement("isoptional", Flag(field.IsOptional)));
        }

        if (field.LogicalEntityName is { } table)
        {
            element.Add(new XElement("logicalentityname", table));
        }

        element.Add(
            new XElement("name", $"{api.UniqueName}.{field.UniqueName}"),
            new XElement("type", Number((int)field.Type)));
        return element;
    }

    /// <summary>A localizable column: default attribute plus one label.</summary>
    private static XElement Localized(string name, string text) =>
        new(name, new XAttribute("default", text), Label("label", text));
}
