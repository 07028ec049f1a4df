using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace Rapport.Emulator.Pipeline;

/// <summary>
/// Turns the [Step]/[Image] attributes of a plugin assembly into registration rows, as the packed solution's import
/// would. Attributes are read by type name through CustomAttributeData, so an assembly loaded from a zip (whose
/// attribute types are not this process's) registers the same way.
/// </summary>
internal sealed class AttributeRegistration
{
    private const string StepAttributeName = "Rapport.Plugins.Registration.StepAttribute";
    private const string ImageAttributeName = "Rapport.Plugins.Registration.ImageAttribute";

    private readonly Organization _org;

    public AttributeRegistration(Organization org)
    {
        _org = org;
    }

    public IReadOnlyList<Guid> Register(Assembly assembly)
    {
        var created = new List<Guid>();
        var assemblyId = _org.SystemCreate(new Entity("pluginassembly")
        {
            ["name"] = assembly.GetName().Name,
            ["version"] = assembly.GetName().Version?.ToString(),
            ["isolationmode"] = new OptionSetValue(2),
            ["sourcetype"] = new OptionSetValue(0),
        });
        foreach (var type in SafeTypes(assembly).Where(t => typeof(IPlugin).IsAssignableFrom(t) && !t.IsAbstract))
        {
            var attributes = type.GetCustomAttributesData();
            var steps = attributes.Where(a => a.AttributeType.FullName == StepAttributeName).ToList();
            var images = attributes.Where(a => a.AttributeType.FullName == ImageAttributeName).ToList();
            var typeId = _org.SystemCreate(new Entity("plugintype")
            {
                ["name"] = type.FullName,
                ["typename"] = type.FullName,
                ["assemblyname"] = assembly.GetName().Name,
                ["pluginassemblyid"] = new EntityReference("pluginassembly", assemblyId),
            });
            foreach (var step in steps)
            {
                created.Add(RegisterStep(type, typeId, step, images));
            }
        }

        return created;
    }

    private Guid RegisterStep(Type type, Guid typeId, CustomAttributeData step, List<CustomAttributeData> images)
    {
        var message = (string)step.ConstructorArguments[0].Value!;
        var entity = (string)step.ConstructorArguments[1].Value!;
        var stage = Convert.ToInt32(step.ConstructorArguments[2].Value, CultureInfo.InvariantCulture);
        var mode = Convert.ToInt32(step.ConstructorArguments[3].Value, CultureInfo.InvariantCulture);
        var id = Named(step, "Id") is string text && Guid.TryParse(text, out var fixedId) ? fixedId : Guid.Empty;
        var messageId = _org.MessageId(message);
        var filterId = string.IsNullOrEmpty(entity) || entity == "none" ? (Guid?)null : _org.MessageFilterId(messageId, entity);
        var row = new Entity("sdkmessageprocessingstep", id)
        {
            ["name"] = $"{type.FullName}: {message} of {entity}",
            ["plugintypeid"] = new EntityReference("plugintype", typeId),
            ["sdkmessageid"] = new EntityReference("sdkmessage", messageId),
            ["sdkmessagefilterid"] = filterId is { } f ? new EntityReference("sdkmessagefilter", f) : null,
            ["stage"] = new OptionSetValue(stage),
            ["mode"] = new OptionSetValue(mode),
            ["rank"] = Named(step, "Rank") is int rank ? rank : 1,
            ["filteringattributes"] = Named(step, "FilteringAttributes") as string,
            ["configuration"] = Named(step, "Configuration") as string,
            ["asyncautodelete"] = Named(step, "AsyncAutoDelete") is not bool auto || auto,
        };
        var stepId = _org.SystemCreate(row);
        foreach (var image in images)
        {
            var imageMessage = (string)image.ConstructorArguments[0].Value!;
            var imageStage = Named(image, "Stage") is int s ? s : 0;
            if (!string.Equals(imageMessage, message, StringComparison.OrdinalIgnoreCase) || (imageStage != 0 && imageStage != stage))
            {
                continue;
            }

            _org.SystemCreate(new Entity("sdkmessageprocessingstepimage")
            {
                ["sdkmessageprocessingstepid"] = new EntityReference("sdkmessageprocessingstep", stepId),
                ["imagetype"] = new OptionSetValue(Convert.ToInt32(image.ConstructorArguments[1].Value, CultureInfo.InvariantCulture)),
                ["entityalias"] = (string)image.ConstructorArguments[2].Value!,
                ["name"] = (string)image.ConstructorArguments[2].Value!,
                ["attributes"] = (string?)image.ConstructorArguments[3].Value,
                ["messagepropertyname"] = MessageProperty(message),
            });
        }

        return stepId;
    }

    private static string MessageProperty(string message) => message switch
    {
        "SetState" or "SetStateDynamicEntity" => "EntityMoniker",
        _ when BulkShapes.IsMultiple(message) => "Targets",
        _ => "Target",
    };

    private static object? Named(CustomAttributeData data, string name) =>
        data.NamedArguments.FirstOrDefault(a => a.MemberName == name) is { MemberInfo: not null } arg ? arg.TypedValue.Value : null;

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.Where(t => t is not null)!;
        }
    }
}
