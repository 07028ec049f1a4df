using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Rapport.Solution.Model;

namespace Rapport.Solution.Packing;

/// <summary>
/// Reads a solution zip (ours, or any export of the same shape) back into what the emulator and the local environment
/// need to import it: identity and managed flag, assembly bytes, plugin types, steps, Custom APIs, web resources, roles.
/// </summary>
public static class SolutionZipReader
{
    public static PackedSolution Read(string zipPath) => Read(File.ReadAllBytes(zipPath));

    public static PackedSolution Read(byte[] zipBytes)
    {
        ArgumentNullException.ThrowIfNull(zipBytes);
        using var zip = new ZipArchive(new MemoryStream(zipBytes, writable: false), ZipArchiveMode.Read);
        var entries = zip.Entries.ToDictionary(e => e.FullName, Bytes, StringComparer.Ordinal);
        var manifest = Xml(entries, "solution.xml").Element("SolutionManifest") ?? throw new InvalidDataException("solution.xml has no SolutionManifest.");
        var customizations = Xml(entries, "customizations.xml");

        // Refuse what Dataverse's import refuses before reading anything out of it.
        ImportFormat.CheckCustomizations(customizations);

        var assemblies = customizations.Element("SolutionPluginAssemblies")?.Elements("PluginAssembly").ToList() ?? [];
        var assemblyBytes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var fullNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var types = new List<PackedPluginType>();
        foreach (var assembly in assemblies)
        {
            var fullName = (string)assembly.Attribute("FullName")!;
            var simple = fullName.Split(',')[0].Trim();
            fullNames[simple] = fullName;
            var file = ((string?)assembly.Element("FileName") ?? "").TrimStart('/');
            assemblyBytes[simple] = entries.TryGetValue(file, out var dll) ? dll : throw new InvalidDataException($"Assembly file '{file}' is missing from the zip.");
            types.AddRange((assembly.Element("PluginTypes")?.Elements("PluginType") ?? []).Select(t => new PackedPluginType(
                Guid.Parse((string)t.Attribute("PluginTypeId")!),
                TypeName((string)t.Attribute("AssemblyQualifiedName")!),
                simple,
                (string?)t.Element("FriendlyName") ?? "",
                (string?)t.Element("WorkflowActivityGroupName"))));
        }

        var publisher = manifest.Element("Publisher");
        return new PackedSolution(
            (string?)manifest.Element("UniqueName") ?? "",
            (string?)manifest.Element("Version") ?? "",
            (string?)manifest.Element("Managed") == "1",
            (string?)publisher?.Element("CustomizationPrefix") ?? "")
        {
            RootComponents = (manifest.Element("RootComponents")?.Elements("RootComponent") ?? []).Select(Root).ToList(),
            Assemblies = assemblyBytes,
            AssemblyFullNames = fullNames,
            PluginTypes = types,
            Steps = (customizations.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep") ?? []).Select(Step).ToList(),
            CustomApis = CustomApis(entries, types),
            WebResources = (customizations.Element("WebResources")?.Elements("WebResource") ?? []).Select(w => WebResource(w, entries)).ToList(),
            CustomControls = (customizations.Element("CustomControls")?.Elements("CustomControl") ?? []).Select(c => CustomControl(c, entries)).ToList(),
            Roles = (customizations.Element("Roles")?.Elements("Role") ?? []).ToDictionary(
                r => (string)r.Attribute("name")!,
                r => (IReadOnlyDictionary<string, string>)(r.Element("RolePrivileges")?.Elements("RolePrivilege") ?? [])
                    .ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("level")!, StringComparer.Ordinal),
                StringComparer.Ordinal),
            Entities = (customizations.Element("Entities")?.Elements("Entity") ?? []).Select(e => (string)e.Element("Name")!).ToList(),
        };
    }

    private static byte[] Bytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static XElement Xml(Dictionary<string, byte[]> entries, string name) =>
        entries.TryGetValue(name, out var bytes)
            ? XDocument.Load(new MemoryStream(bytes)).Root!
            : throw new InvalidDataException($"The zip has no {name}; it is not a solution.");

    /// <summary>"Ns.Type, Assembly, Version=…" → "Ns.Type".</summary>
    private static string TypeName(string qualified) => qualified.Split(',')[0].Trim();

    private static PackedRootComponent Root(XElement root) =>
        new(int.Parse((string)root.Attribute("type")!, CultureInfo.InvariantCulture),
            (string?)root.Attribute("schemaName"),
            Guid.TryParse((string?)root.Attribute("id"), out var id) ? id : null);

    private static int Int(XElement parent, string name, int fallback = 0) =>
        int.TryParse((string?)parent.Element(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static IReadOnlyList<string> List(string? commaSeparated) =>
        (commaSeparated ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static PackedStep Step(XElement step)
    {
        var messageId = Guid.Parse((string)step.Element("SdkMessageId")!);
        return new PackedStep(
            Guid.Parse((string)step.Attribute("SdkMessageProcessingStepId")!),
            (string?)step.Attribute("Name") ?? "",
            TypeName((string?)step.Element("PluginTypeName") ?? ""),
            SdkMessages.NameOf(messageId),
            messageId,
            (string?)step.Element("PrimaryEntity") ?? "none",
            Int(step, "Stage"),
            Int(step, "Mode"))
        {
            Rank = Int(step, "Rank", 1),
            FilteringAttributes = List((string?)step.Element("FilteringAttributes")),
            Configuration = (string?)step.Element("Configuration") ?? "",
            AsyncAutoDelete = (string?)step.Element("AsyncAutoDelete") == "1",
            Images = (step.Element("SdkMessageProcessingStepImages")?.Elements("SdkMessageProcessingStepImage") ?? []).Select(i => new PackedImage(
                (string?)i.Element("EntityAlias") ?? "",
                Int(i, "ImageType"),
                List((string?)i.Element("Attributes")),
                (string?)i.Element("MessagePropertyName") ?? "")).ToList(),
        };
    }

    private static PackedWebResource WebResource(XElement resource, Dictionary<string, byte[]> entries)
    {
        var file = ((string?)resource.Element("FileName") ?? "").TrimStart('/');
        return new PackedWebResource(
            (string?)resource.Element("Name") ?? "",
            (string?)resource.Element("DisplayName") ?? "",
            (WebResourceType)Int(resource, "WebResourceType"),
            entries.TryGetValue(file, out var content) ? content : throw new InvalidDataException($"Web resource file '{file}' is missing from the zip."));
    }

    /// <summary>
    /// A CustomControl: its FileName must be in the zip (Dataverse fails the import otherwise), and the files beside it
    /// are the component's resources.
    /// </summary>
    private static PackedCustomControl CustomControl(XElement control, Dictionary<string, byte[]> entries)
    {
        var name = (string?)control.Element("Name") ?? "";
        var file = ((string?)control.Element("FileName") ?? "").TrimStart('/');
        if (!entries.TryGetValue(file, out var manifest))
        {
            throw new InvalidDataException($"Code component '{name}': its manifest '{file}' is missing from the zip.");
        }

        var root = XDocument.Load(new MemoryStream(manifest)).Root?.Element("control")
            ?? throw new InvalidDataException($"Code component '{name}': '{file}' is not a control manifest (<manifest><control>).");
        var folder = file[..(file.LastIndexOf('/') + 1)];
        var files = entries.Where(e => e.Key.StartsWith(folder, StringComparison.Ordinal) && e.Key != file)
            .ToDictionary(e => e.Key[folder.Length..], e => e.Value, StringComparer.Ordinal);
        files[file[folder.Length..]] = manifest;
        return new PackedCustomControl(name, (string?)root.Attribute("namespace") ?? "", (string?)root.Attribute("constructor") ?? "", (string?)root.Attribute("version") ?? "", manifest, files)
        {
            CompatibleDataTypes = CodeComponentReader.CompatibleDataTypes(manifest),
        };
    }

    private static List<CustomApiDefinition> CustomApis(Dictionary<string, byte[]> entries, IReadOnlyList<PackedPluginType> types)
    {
        var apis = new List<CustomApiDefinition>();
        foreach (var path in entries.Keys.Where(k => k.StartsWith("customapis/", StringComparison.Ordinal) && k.EndsWith("/customapi.xml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var folder = path[..^"customapi.xml".Length];
            var api = Xml(entries, path);
            ImportFormat.CheckCustomApiFile(path, api);
            var typeId = (string?)api.Element("plugintypeid")?.Element("plugintypeid");
            var pluginType = typeId is null ? "" : types.FirstOrDefault(t => t.Id == Guid.Parse(typeId))?.TypeName ?? "";
            apis.Add(new CustomApiDefinition((string)api.Attribute("uniquename")!, Localized(api, "displayname"), pluginType)
            {
                Description = Localized(api, "description"),
                IsFunction = (string?)api.Element("isfunction") == "1",
                IsPrivate = (string?)api.Element("isprivate") == "1",
                Binding = (CustomApiBinding)Int(api, "bindingtype"),
                BoundEntity = string.IsNullOrEmpty((string?)api.Element("boundentitylogicalname")) ? null : (string?)api.Element("boundentitylogicalname"),
                AllowedCustomProcessingStepType = Int(api, "allowedcustomprocessingsteptype"),
                RequestParameters = Fields(entries, folder + "customapirequestparameters/"),
                ResponseProperties = Fields(entries, folder + "customapiresponseproperties/"),
            });
        }

        return apis;
    }

    private static List<CustomApiFieldDefinition> Fields(Dictionary<string, byte[]> entries, string folder) =>
        entries.Keys.Where(k => k.StartsWith(folder, StringComparison.Ordinal) && k.EndsWith(".xml", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(k => (Path: k, Root: Xml(entries, k)))
            .Select(file =>
            {
                ImportFormat.CheckCustomApiFile(file.Path, file.Root);
                return file.Root;
            })
            .Select(f => new CustomApiFieldDefinition((string)f.Attribute("uniquename")!, Localized(f, "displayname"), (CustomApiFieldType)Int(f, "type"))
            {
                Description = Localized(f, "description"),
                IsOptional = (string?)f.Element("isoptional") == "1",
                LogicalEntityName = (string?)f.Element("logicalentityname"),
            })
            .ToList();

    private static string Localized(XElement parent, string name) => (string?)parent.Element(name)?.Attribute("default") ?? "";
}
