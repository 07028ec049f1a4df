using System;
using System.Collections.Generic;
using Rapport.Solution.Model;

namespace Rapport.Solution.Packing;

/// <summary>An entity image of a packed step.</summary>
public sealed record PackedImage(string Alias, int ImageType, IReadOnlyList<string> Attributes, string MessagePropertyName);

/// <summary>A step registration read back from customizations.xml. Message is null when its sdkmessage id is not a known one.</summary>
public sealed record PackedStep(Guid Id, string Name, string PluginType, string? Message, Guid MessageId, string PrimaryEntity, int Stage, int Mode)
{
    public int Rank { get; init; } = 1;
    public IReadOnlyList<string> FilteringAttributes { get; init; } = [];
    public string Configuration { get; init; } = "";
    public bool AsyncAutoDelete { get; init; }
    public IReadOnlyList<PackedImage> Images { get; init; } = [];
}

/// <summary>A plugin or workflow activity type of a packed assembly. WorkflowActivityGroup is null for plugins.</summary>
public sealed record PackedPluginType(Guid Id, string TypeName, string AssemblyName, string FriendlyName, string? WorkflowActivityGroup);

/// <summary>A web resource with its content.</summary>
public sealed record PackedWebResource(string Name, string DisplayName, WebResourceType Type, byte[] Content);

/// <summary>
/// A code component with its files: the manifest and every other file of its Controls/&lt;name&gt;/ folder (path relative
/// to that folder → bytes). Namespace and Constructor come from the manifest.
/// </summary>
public sealed record PackedCustomControl(string Name, string Namespace, string Constructor, string Version, byte[] Manifest, IReadOnlyDictionary<string, byte[]> Files)
{
    /// <summary>The bound properties' of-type values, comma-separated (customcontrol.compatibledatatypes).</summary>
    public string CompatibleDataTypes { get; init; } = "";
}

/// <summary>A solution.xml root component: its type code and its id or schema name.</summary>
public sealed record PackedRootComponent(int Type, string? SchemaName, Guid? Id);

/// <summary>What an importer needs of a solution zip: identity, assemblies, registrations, Custom APIs, web resources, code components.</summary>
public sealed record PackedSolution(string UniqueName, string Version, bool Managed, string PublisherPrefix)
{
    public IReadOnlyList<PackedRootComponent> RootComponents { get; init; } = [];

    /// <summary>Assembly simple name → DLL bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Assemblies { get; init; } = new Dictionary<string, byte[]>();

    /// <summary>Assembly simple name → full name (with version and public key token).</summary>
    public IReadOnlyDictionary<string, string> AssemblyFullNames { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<PackedPluginType> PluginTypes { get; init; } = [];
    public IReadOnlyList<PackedStep> Steps { get; init; } = [];
    public IReadOnlyList<CustomApiDefinition> CustomApis { get; init; } = [];
    public IReadOnlyList<PackedWebResource> WebResources { get; init; } = [];
    public IReadOnlyList<PackedCustomControl> CustomControls { get; init; } = [];

    /// <summary>Role name → privilege names with their level (Basic, Local, Deep, Global).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Roles { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Schema names of the tables in customizations.xml.</summary>
    public IReadOnlyList<string> Entities { get; init; } = [];
}
