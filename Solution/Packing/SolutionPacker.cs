using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Rapport.Solution.Packing;

/// <summary>
/// Turns the declarations and the built assemblies into Rapport_managed.zip, Rapport.zip and the unpacked tree.
/// Validates first and refuses (SolutionValidationException) with every problem named; writes nothing then.
/// </summary>
public static class SolutionPacker
{
    public const string UnpackedFolder = "src";

    /// <summary>Validates and builds both zips and the unpacked tree in memory.</summary>
    public static PackedOutput Build(PackRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var content = Load(request);
        return new PackedOutput(Zip(content, managed: true), Zip(content, managed: false), UnpackedTreeWriter.Files(content));
    }

    /// <summary>Builds and writes &lt;output&gt;/&lt;Name&gt;_managed.zip, &lt;Name&gt;.zip and &lt;output&gt;/src/ (replaced as a whole).</summary>
    public static PackResult Pack(PackRequest request, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(request);
        var output = Build(request);
        Directory.CreateDirectory(outputDirectory);
        var name = request.Definition.UniqueName;
        var managed = Path.Combine(outputDirectory, name + "_managed.zip");
        var unmanaged = Path.Combine(outputDirectory, name + ".zip");
        File.WriteAllBytes(managed, output.ManagedZip);
        File.WriteAllBytes(unmanaged, output.UnmanagedZip);
        var tree = Path.Combine(outputDirectory, UnpackedFolder);
        if (Directory.Exists(tree))
        {
            Directory.Delete(tree, recursive: true);
        }

        foreach (var (path, bytes) in output.UnpackedFiles)
        {
            var file = Path.Combine(tree, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, bytes);
        }

        return new PackResult(managed, unmanaged, tree);
    }

    /// <summary>The zip parts (entry name → bytes) of the managed or unmanaged solution.</summary>
    internal static SortedDictionary<string, byte[]> Parts(SolutionContent content, bool managed)
    {
        var parts = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["solution.xml"] = XmlParts.Packed(SolutionXmlWriter.Write(content, managed ? 1 : 0)),
            ["customizations.xml"] = XmlParts.Packed(CustomizationsXmlWriter.Write(content)),
        };
        foreach (var assembly in content.Assemblies)
        {
            parts.Add(ComponentPaths.Assembly(assembly.Name), assembly.Bytes);
        }

        foreach (var resource in content.Definition.WebResources)
        {
            parts.Add(ComponentPaths.WebResource(resource.Name), content.WebResourceFiles[resource.Name]);
        }

        foreach (var (path, xml) in content.Definition.CustomApis.SelectMany(CustomApiWriter.Files))
        {
            parts.Add(path, XmlParts.Packed(xml));
        }

        // Code components travel as pcf-scripts built them: the manifest and its resources, bytes unchanged.
        var manifests = new List<string>();
        foreach (var control in content.Controls)
        {
            var manifest = ComponentPaths.Control(control.Definition.Name, ControlContent.ManifestFile);
            parts.Add(manifest, control.Manifest);
            manifests.Add(manifest);
            foreach (var (path, bytes) in control.Resources)
            {
                parts.Add(ComponentPaths.Control(control.Definition.Name, path), bytes);
            }
        }

        // Real exports start [Content_Types].xml with a BOM, unlike the other parts.
        parts.Add(ContentTypesWriter.EntryName, XmlParts.Serialize(ContentTypesWriter.Write(parts.Keys, manifests), bom: true, declaration: true));
        return parts;
    }

    private static byte[] Zip(SolutionContent content, bool managed) => DeterministicZip.Create(Parts(content, managed));

    private static SolutionContent Load(PackRequest request)
    {
        var problems = new List<string>();
        var assemblies = new List<ScannedAssembly>();
        foreach (var path in request.AssemblyPaths)
        {
            if (!File.Exists(path))
            {
                problems.Add($"Assembly file '{path}' is missing: build the assemblies first (dotnet build Extension.sln -c <configuration>).");
                continue;
            }

            try
            {
                assemblies.Add(AssemblyScanner.Scan(path));
            }
            catch (BadImageFormatException error)
            {
                problems.Add($"Assembly file '{path}' is not a .NET assembly: {error.Message}");
            }
        }

        var declared = request.Definition.Assemblies.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var missingByFile = request.AssemblyPaths.Where(p => !File.Exists(p)).Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(DeclarationValidator.Validate(request.Definition, assemblies, request.StandardTables, request.WebResourceRoot)
            .Where(p => !missingByFile.Any(m => m is not null && declared.Contains(m) && p.StartsWith($"Assembly '{m}' is declared", StringComparison.Ordinal))));
        var controls = request.Definition.CodeComponents.Select(c => CodeComponentReader.Read(c, request.ControlsRoot, problems)).OfType<ControlContent>().ToList();
        if (problems.Count > 0)
        {
            throw new SolutionValidationException(problems);
        }

        var webResources = request.Definition.WebResources.ToDictionary(
            w => w.Name,
            w => File.ReadAllBytes(Path.Combine(request.WebResourceRoot!, w.SourcePath)),
            StringComparer.Ordinal);
        return new SolutionContent(request.Definition, assemblies.OrderBy(a => a.Name, StringComparer.Ordinal).ToList(), webResources) { Controls = controls };
    }
}
