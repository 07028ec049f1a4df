using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;

namespace Rapport.Solution.Packing;

/// <summary>
/// Reads a built (net462) assembly's metadata with Mono.Cecil, without loading it: its identity, its plugin and
/// workflow activity classes, and the [Step]/[Image]/[WorkflowActivity] attributes on them.
/// </summary>
public static class AssemblyScanner
{
    private const string RegistrationNamespace = "Rapport.Plugins.Registration.";
    private const string PluginInterface = "Microsoft.Xrm.Sdk.IPlugin";

    public static ScannedAssembly Scan(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Assembly not found: {path}", path);
        }

        var bytes = File.ReadAllBytes(path);
        using var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = new MemoryStream(bytes, writable: false);
        using var assembly = AssemblyDefinition.ReadAssembly(stream, new ReaderParameters { AssemblyResolver = resolver });
        var name = assembly.Name;
        var token = name.PublicKeyToken is { Length: > 0 } t ? Convert.ToHexStringLower(t) : "null";
        var types = assembly.MainModule.GetTypes()
            .Where(type => type.IsClass && !type.IsAbstract)
            .Select(ScanType)
            .OfType<ScannedType>()
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .ToList();
        return new ScannedAssembly(name.Name, name.FullName, name.Version.ToString(), token, bytes) { Types = types };
    }

    private static ScannedType? ScanType(TypeDefinition type)
    {
        var kind = Classify(type);
        if (kind is null)
        {
            return null;
        }

        var fullName = type.FullName.Replace('/', '+');
        if (kind == Kind.Activity)
        {
            var activity = Attributes(type, "WorkflowActivityAttribute").FirstOrDefault();
            return new ScannedType(fullName, IsWorkflowActivity: true)
            {
                FriendlyName = activity is null ? type.Name : (string)activity.ConstructorArguments[0].Value,
                Group = activity is null ? "" : Named(activity, "Group", "Rapport"),
                Description = activity is null ? "" : Named(activity, "Description", ""),
            };
        }

        var images = Attributes(type, "ImageAttribute").Select(ToImage).ToList();
        var steps = Attributes(type, "StepAttribute").Select(step => ToStep(step, images)).ToList();
        return new ScannedType(fullName, IsWorkflowActivity: false)
        {
            FriendlyName = type.Name,
            Steps = steps,
            DeclaredImages = images,
        };
    }

    private enum Kind
    {
        Plugin,
        Activity,
    }

    /// <summary>Walks the base chain: a plugin implements IPlugin somewhere up it; an activity derives from CodeActivity.</summary>
    private static Kind? Classify(TypeDefinition type)
    {
        TypeReference? current = type;
        for (var guard = 0; current is not null && guard < 32; guard++)
        {
            var elementName = current.GetElementType().FullName;
            if (elementName is "System.Activities.CodeActivity" or "System.Activities.CodeActivity`1")
            {
                return Kind.Activity;
            }

            var definition = TryResolve(current);
            if (definition is null)
            {
                return null;
            }

            if (definition.Interfaces.Any(i => i.InterfaceType.FullName == PluginInterface))
            {
                return Kind.Plugin;
            }

            current = definition.BaseType;
        }

        return null;
    }

    private static TypeDefinition? TryResolve(TypeReference reference)
    {
        try
        {
            return reference.Resolve();
        }
        catch (AssemblyResolutionException)
        {
            // A base in an assembly that is not next to the scanned one (the SDK is compile-only): not ours.
            return null;
        }
    }

    private static IEnumerable<CustomAttribute> Attributes(TypeDefinition type, string attributeName) =>
        type.CustomAttributes.Where(a => a.AttributeType.FullName == RegistrationNamespace + attributeName);

    private static ScannedImage ToImage(CustomAttribute image)
    {
        var args = image.ConstructorArguments;
        return new ScannedImage((string)args[0].Value, Convert.ToInt32(args[1].Value, System.Globalization.CultureInfo.InvariantCulture), (string)args[2].Value, (string)args[3].Value, Named(image, "Stage", 0));
    }

    private static ScannedStep ToStep(CustomAttribute step, IReadOnlyList<ScannedImage> images)
    {
        var args = step.ConstructorArguments;
        var message = (string)args[0].Value;
        var stage = Convert.ToInt32(args[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new ScannedStep(message, (string)args[1].Value, stage, Convert.ToInt32(args[3].Value, System.Globalization.CultureInfo.InvariantCulture))
        {
            Rank = Named(step, "Rank", 1),
            FilteringAttributes = Named(step, "FilteringAttributes", ""),
            Id = Named(step, "Id", ""),
            Configuration = Named(step, "Configuration", ""),
            AsyncAutoDelete = Named(step, "AsyncAutoDelete", true),
            Images = images.Where(i => i.Message == message && (i.Stage == 0 || i.Stage == stage)).ToList(),
        };
    }

    private static T Named<T>(CustomAttribute attribute, string name, T fallback)
    {
        foreach (var property in attribute.Properties)
        {
            if (property.Name == name && property.Argument.Value is { } value)
            {
                return typeof(T).IsEnum || typeof(T) == typeof(int)
                    ? (T)(object)Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)
                    : (T)value;
            }
        }

        return fallback;
    }
}
