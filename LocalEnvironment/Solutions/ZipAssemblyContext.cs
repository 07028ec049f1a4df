using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Rapport.LocalEnvironment.Solutions;

/// <summary>
/// The plugin assemblies of one imported solution, loaded from the zip's bytes. Assemblies of the same zip resolve
/// each other here; everything else (Microsoft.Xrm.Sdk 9.0.0.0, the framework) binds to the host's copies.
/// Collectible, so an upgrade can drop the previous version's context.
/// </summary>
internal sealed class ZipAssemblyContext : AssemblyLoadContext
{
    private readonly IReadOnlyDictionary<string, byte[]> _images;
    private readonly Dictionary<string, Assembly> _loaded = new(StringComparer.OrdinalIgnoreCase);

    public ZipAssemblyContext(string solution, IReadOnlyDictionary<string, byte[]> images)
        : base("solution:" + solution, isCollectible: true)
    {
        _images = images;
    }

    public Assembly LoadFromZip(string simpleName)
    {
        if (!_loaded.TryGetValue(simpleName, out var assembly))
        {
            using var stream = new MemoryStream(_images[simpleName], writable: false);
            assembly = LoadFromStream(stream);
            _loaded[simpleName] = assembly;
        }

        return assembly;
    }

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name is { } name && _images.ContainsKey(name) ? LoadFromZip(name) : null;
}
