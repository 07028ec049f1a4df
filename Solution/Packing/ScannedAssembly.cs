using System.Collections.Generic;

namespace Rapport.Solution.Packing;

/// <summary>An image declared by [Image] on a plugin class. Stage 0 means every declared stage of the message.</summary>
public sealed record ScannedImage(string Message, int Kind, string Alias, string Attributes, int Stage);

/// <summary>A step declared by [Step] on a plugin class, with the images that apply to it.</summary>
public sealed record ScannedStep(string Message, string PrimaryEntity, int Stage, int Mode)
{
    public int Rank { get; init; } = 1;
    public string FilteringAttributes { get; init; } = "";
    public string Id { get; init; } = "";
    public string Configuration { get; init; } = "";
    public bool AsyncAutoDelete { get; init; } = true;
    public IReadOnlyList<ScannedImage> Images { get; init; } = [];
}

/// <summary>A plugin or workflow activity class found in an assembly.</summary>
public sealed record ScannedType(string FullName, bool IsWorkflowActivity)
{
    public string FriendlyName { get; init; } = "";
    public string Group { get; init; } = "";
    public string Description { get; init; } = "";
    public IReadOnlyList<ScannedStep> Steps { get; init; } = [];

    /// <summary>[Image] attributes as declared (also those matching no step, so the validator can name them).</summary>
    public IReadOnlyList<ScannedImage> DeclaredImages { get; init; } = [];
}

/// <summary>What the packer needs of one built assembly: identity, bytes and the registrations its classes declare.</summary>
public sealed record ScannedAssembly(string Name, string FullName, string Version, string PublicKeyToken, byte[] Bytes)
{
    public IReadOnlyList<ScannedType> Types { get; init; } = [];
}
