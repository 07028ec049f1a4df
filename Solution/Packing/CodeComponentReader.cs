using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Rapport.Solution.Model;

namespace Rapport.Solution.Packing;

/// <summary>A built code component: its declaration, the processed manifest and the resource files it names (path → bytes).</summary>
internal sealed record ControlContent(CodeComponentDefinition Definition, byte[] Manifest, IReadOnlyDictionary<string, byte[]> Resources)
{
    public const string ManifestFile = "ControlManifest.xml";

    /// <summary>The bound properties' types, comma-separated: what the customcontrol row's compatibledatatypes lists.</summary>
    public string CompatibleDataTypes => CodeComponentReader.CompatibleDataTypes(Manifest);
}

/// <summary>
/// Reads the code components pcf-scripts built (&lt;controls root&gt;/&lt;OutputFolder&gt;/ControlManifest.xml and the files its
/// resources element names: code, css, resx, img, html) and refuses what would not import or would not run: a missing
/// or malformed manifest, a namespace or constructor other than the declaration's, a resource file that is not there.
/// Platform libraries (React, Fluent) are the platform's and carry no file.
/// </summary>
internal static class CodeComponentReader
{
    private const string BuildHint = "build the code components first (cd Controls && npm ci && npm run build)";

    /// <summary>Resource elements that name a file of the component (platform-library names none).</summary>
    private static readonly string[] FileResources = ["code", "css", "resx", "img", "html"];

    public static ControlContent? Read(CodeComponentDefinition component, string? controlsRoot, List<string> problems)
    {
        var where = $"Code component '{component.Name}'";
        if (controlsRoot is null)
        {
            problems.Add($"{where}: no controls folder was given to the packer; {BuildHint} and pack with Controls/out/controls.");
            return null;
        }

        var folder = Path.Combine(controlsRoot, component.OutputFolder);
        var manifestPath = Path.Combine(folder, ControlContent.ManifestFile);
        if (!File.Exists(manifestPath))
        {
            problems.Add($"{where}: '{manifestPath}' is missing; {BuildHint}.");
            return null;
        }

        var manifestBytes = File.ReadAllBytes(manifestPath);
        XElement control;
        try
        {
            var root = XDocument.Load(new MemoryStream(manifestBytes)).Root!;
            control = root.Name.LocalName == "manifest" && root.Element("control") is { } found
                ? found
                : throw new XmlException("the root is not <manifest> with a <control> child");
        }
        catch (XmlException error)
        {
            problems.Add($"{where}: '{manifestPath}' is not a valid control manifest ({error.Message}); rebuild the component.");
            return null;
        }

        var before = problems.Count;
        var ns = (string?)control.Attribute("namespace");
        var constructor = (string?)control.Attribute("constructor");
        if (ns != component.Namespace || constructor != component.Constructor)
        {
            problems.Add($"{where}: '{manifestPath}' declares namespace '{ns}' and constructor '{constructor}', but the solution declares "
                + $"'{component.Namespace}' and '{component.Constructor}'; make ControlManifest.Input.xml and Solution/Declarations/Ui/CodeComponents.cs agree.");
        }

        if (!Version.TryParse((string?)control.Attribute("version"), out _))
        {
            problems.Add($"{where}: '{manifestPath}' has no version (control/@version, e.g. 1.0.0); Dataverse needs it to replace the component on import.");
        }

        var resources = control.Element("resources")?.Elements().Where(e => FileResources.Contains(e.Name.LocalName)).ToList() ?? [];
        if (!resources.Any(r => r.Name.LocalName == "code"))
        {
            problems.Add($"{where}: '{manifestPath}' names no code resource (<code path=\"bundle.js\" order=\"1\"/>); rebuild the component.");
        }

        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            var path = ((string?)resource.Attribute("path") ?? "").Replace('\\', '/');
            if (path.Length == 0 || path.StartsWith('/') || path.Split('/').Contains(".."))
            {
                problems.Add($"{where}: the manifest's {resource.Name.LocalName} resource has path '{path}'; a resource path is relative to the component's folder.");
                continue;
            }

            var file = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(file))
            {
                problems.Add($"{where}: the manifest names {resource.Name.LocalName} resource '{path}', which is not in '{folder}'; {BuildHint}.");
                continue;
            }

            files[path] = File.ReadAllBytes(file);
        }

        return problems.Count > before ? null : new ControlContent(component, manifestBytes, files);
    }

    /// <summary>The distinct of-type values of the manifest's bound properties, in manifest order ("SingleLine.Text").</summary>
    public static string CompatibleDataTypes(byte[] manifest)
    {
        var control = XDocument.Load(new MemoryStream(manifest)).Root?.Element("control");
        return string.Join(",", (control?.Elements("property") ?? [])
            .Where(p => (string?)p.Attribute("usage") == "bound")
            .Select(p => (string?)p.Attribute("of-type"))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal));
    }
}
