using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using static Rapport.Solution.Packing.XmlParts;

namespace Rapport.Solution.Packing;

/// <summary>
/// SolutionPluginAssemblies/PluginAssembly (with its plugin and workflow activity types) and the top-level
/// SdkMessageProcessingSteps, in the customizations schema's child order.
/// </summary>
internal static class PluginXmlWriter
{
    public static XElement Assembly(ScannedAssembly assembly) =>
        new("PluginAssembly",
            new XAttribute("FullName", assembly.FullName),
            new XAttribute("PluginAssemblyId", StepModel.AssemblyIdOf(assembly.Name).ToString("D")),
            new XAttribute("CustomizationLevel", "1"),
            new XElement("IsolationMode", "2"),
            new XElement("SourceType", "0"),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("FileName", "/" + ComponentPaths.Assembly(assembly.Name)),
            new XElement("PluginTypes", assembly.Types.Select(t => PluginType(assembly, t))));

    private static XElement PluginType(ScannedAssembly assembly, ScannedType type)
    {
        var element = new XElement("PluginType",
            new XAttribute("AssemblyQualifiedName", $"{type.FullName}, {assembly.FullName}"),
            new XAttribute("PluginTypeId", StepModel.PluginTypeIdOf(type.FullName).ToString("D")),
            new XAttribute("Name", type.FullName));
        if (type.Description.Length > 0)
        {
            element.Add(new XElement("Description", type.Description));
        }

        element.Add(new XElement("FriendlyName", type.FriendlyName));
        if (type.IsWorkflowActivity)
        {
            element.Add(new XElement("WorkflowActivityGroupName", type.Group));
        }

        return element;
    }

    /// <summary>Every step of every plugin type, ordered by id so the XML is stable.</summary>
    public static IEnumerable<XElement> Steps(IEnumerable<ScannedAssembly> assemblies) =>
        assemblies
            .SelectMany(a => a.Types.Where(t => !t.IsWorkflowActivity).SelectMany(t => t.Steps.Select(s => (Assembly: a, Type: t, Step: s))))
            .OrderBy(x => StepModel.IdOf(x.Type.FullName, x.Step))
            .Select(x => Step(x.Assembly, x.Type, x.Step));

    public static XElement Step(ScannedAssembly assembly, ScannedType type, ScannedStep step)
    {
        var id = StepModel.IdOf(type.FullName, step);
        var element = new XElement("SdkMessageProcessingStep",
            new XAttribute("Name", StepModel.NameOf(type.FullName, step)),
            new XAttribute("SdkMessageProcessingStepId", Braced(id)),
            new XElement("PluginTypeName", $"{type.FullName}, {assembly.FullName}"),
            new XElement("PluginTypeId", StepModel.PluginTypeIdOf(type.FullName).ToString("D")),
            new XElement("PrimaryEntity", step.PrimaryEntity),
            new XElement("AsyncAutoDelete", Flag(step.Mode == 1 && step.AsyncAutoDelete)));
        if (step.Configuration.Length > 0)
        {
            element.Add(new XElement("Configuration", step.Configuration));
        }

        element.Add(
            new XElement("FilteringAttributes", string.Join(",", DeclarationValidator.Split(step.FilteringAttributes))),
            new XElement("InvocationSource", "0"),
            new XElement("Mode", Number(step.Mode)),
            new XElement("Rank", Number(step.Rank)),
            new XElement("SdkMessageId", SdkMessages.IdOf(step.Message).ToString("D")),
            new XElement("EventHandlerTypeCode", "4602"),
            new XElement("Stage", Number(step.Stage)),
            new XElement("IsCustomizable", "1"),
            new XElement("IsHidden", "0"),
            new XElement("SupportedDeployment", "0"),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("SdkMessageProcessingStepImages", step.Images.OrderBy(i => i.Alias, System.StringComparer.Ordinal).Select(i => Image(id, step, i))));
        return element;
    }

    private static XElement Image(System.Guid stepId, ScannedStep step, ScannedImage image) =>
        new("SdkMessageProcessingStepImage", new XAttribute("Name", image.Alias),
            new XElement("SdkMessageProcessingStepImageId", Braced(StepModel.ImageIdOf(stepId, image.Alias))),
            new XElement("Attributes", string.Join(",", DeclarationValidator.Split(image.Attributes))),
            new XElement("EntityAlias", image.Alias),
            new XElement("ImageType", Number(image.Kind)),
            new XElement("MessagePropertyName", SdkMessages.ImagePropertyName(step.Message)),
            new XElement("IsCustomizable", "1"));
}
