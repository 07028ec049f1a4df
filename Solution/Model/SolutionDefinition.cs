using System.Collections.Generic;

namespace Rapport.Solution.Model;

/// <summary>The publisher: its prefix goes on every name Rapport adds; the option value prefix on every choice value.</summary>
public sealed record PublisherDefinition(string UniqueName, string DisplayName, string Prefix, int OptionValuePrefix, string Description);

/// <summary>An assembly shipped in the solution: its project name; the packer finds the built net462 DLL.</summary>
public sealed record AssemblyDefinition(string Name);

/// <summary>Everything the solution declares. Built once in Declarations/ and read by the packer and the emulator.</summary>
public sealed record SolutionDefinition(string UniqueName, string DisplayName, string Version, PublisherDefinition Publisher)
{
    public string Description { get; init; } = "";
    public IReadOnlyList<TableDefinition> Tables { get; init; } = [];
    public IReadOnlyList<OneToManyRelationship> Relationships { get; init; } = [];
    public IReadOnlyList<ManyToManyRelationship> ManyToManyRelationships { get; init; } = [];
    public IReadOnlyList<RoleDefinition> Roles { get; init; } = [];
    public IReadOnlyList<CustomApiDefinition> CustomApis { get; init; } = [];
    public IReadOnlyList<WebResourceDefinition> WebResources { get; init; } = [];
    public IReadOnlyList<AssemblyDefinition> Assemblies { get; init; } = [];
    public IReadOnlyList<ChartDefinition> Charts { get; init; } = [];
    public IReadOnlyList<FormDefinition> Forms { get; init; } = [];
    public IReadOnlyList<DashboardDefinition> Dashboards { get; init; } = [];
    public IReadOnlyList<RibbonDefinition> Ribbons { get; init; } = [];
    public IReadOnlyList<CodeComponentDefinition> CodeComponents { get; init; } = [];
}
