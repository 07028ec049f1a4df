using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Rapport.Solution.Declarations.Security;
using Rapport.Solution.Declarations.Tables;
using Rapport.Solution.Model;

namespace Rapport.Solution.Declarations;

/// <summary>
/// The Rapport solution, declared once: publisher, tables, relationships, roles, Custom APIs, web resources and
/// assemblies. The packer and the emulator both start here. Features add one line per list below.
/// </summary>
public static class RapportSolution
{
    public const string UniqueName = "Rapport";
    public const string PluginsAssembly = "Rapport.Plugins";
    public const string WorkflowActivitiesAssembly = "Rapport.WorkflowActivities";

    public static PublisherDefinition Publisher { get; } =
        new("rapport", "Rapport", "rapport", 10785, "Publisher of Rapport, the open-source follow & feed, engagement and CLV extension.");

    public static SolutionDefinition Build(string version)
    {
        List<TableDefinition> tables =
        [
            .. ClvTables.Tables(),
            .. ClvHoldoutTables.Tables(),
            .. FeedTables.Tables(),
            .. EngagementTables.Tables(),
            .. Ui.CodeComponents.AnchorColumns(),
        ];
        List<OneToManyRelationship> relationships =
        [
            .. ClvTables.Relationships(),
            .. ClvHoldoutTables.Relationships(),
            .. FeedTables.Relationships(),
            .. EngagementTables.Relationships(),
        ];
        List<CustomApiDefinition> customApis = [.. Apis.FeedApis.Apis(), .. Apis.ClvApis.All(), .. Apis.EngagementApis.All()];
        List<WebResourceDefinition> webResources = [.. WebResources.RapportWebResources.All()];

        return new SolutionDefinition(UniqueName, "Rapport", version, Publisher)
        {
            Description = "Follow & feed, social engagement and customer lifetime value for Dynamics 365.",
            Tables = MergeStandardTables(tables),
            Relationships = relationships,
            Roles = RapportRoles.Build(tables),
            CustomApis = customApis,
            WebResources = webResources,
            Assemblies = [new AssemblyDefinition(PluginsAssembly), new AssemblyDefinition(WorkflowActivitiesAssembly)],
            Charts = [.. ClvTables.Charts(), .. ClvHoldoutTables.Charts()],
            Forms = [.. Ui.RapportForms.All(), Ui.ClvModelForms.Holdout()],
            Dashboards = [.. Ui.RapportDashboards.All()],
            Ribbons = [.. Ui.RapportCommands.All()],
            CodeComponents = [.. Ui.CodeComponents.All()],
        };
    }

    /// <summary>The solution at the repository's single version source (the VERSION file at the root).</summary>
    public static SolutionDefinition FromRepository(string repoRoot) => Build(ReadVersion(repoRoot));

    public static string ReadVersion(string repoRoot) => File.ReadAllText(Path.Combine(repoRoot, "VERSION")).Trim();

    /// <summary>Several features may add columns to the same standard table: one table entry with all of them.</summary>
    private static List<TableDefinition> MergeStandardTables(List<TableDefinition> tables) =>
        tables.GroupBy(t => t.LogicalName, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 || g.First().IsCustom
                ? g.First()
                : g.First() with
                {
                    Columns = g.SelectMany(t => t.Columns).ToList(),
                    AddedColumns = g.SelectMany(t => t.AddedColumns).ToList(),
                })
            .Concat(tables.GroupBy(t => t.LogicalName, StringComparer.Ordinal).Where(g => g.Count() > 1 && g.First().IsCustom).SelectMany(g => g.Skip(1)))
            .ToList();
}
