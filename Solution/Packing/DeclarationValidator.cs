using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Solution.Model;

namespace Rapport.Solution.Packing;

/// <summary>
/// Refuses inconsistent declarations before anything is written, naming every problem at once: unknown tables or
/// messages, missing columns, names without the publisher prefix, duplicates, over-long names, bad Custom API types,
/// missing assemblies and files. Each check is what Dataverse would otherwise reject at import (or worse, accept).
/// </summary>
public sealed partial class DeclarationValidator
{
    /// <summary>Entity and attribute schema names are 1 to 50 characters (customizations schema, Entity/Name).</summary>
    public const int MaxSchemaNameLength = 50;

    /// <summary>Plugin assemblies above 16 MB are refused by Dataverse.</summary>
    public const int MaxAssemblyBytes = 16 * 1024 * 1024;

    private readonly SolutionDefinition definition;
    private readonly IReadOnlyList<ScannedAssembly> assemblies;
    private readonly ITableCatalog standardTables;
    private readonly string? webResourceRoot;
    private readonly List<string> problems = [];

    private DeclarationValidator(SolutionDefinition definition, IReadOnlyList<ScannedAssembly> assemblies, ITableCatalog standardTables, string? webResourceRoot)
    {
        this.definition = definition;
        this.assemblies = assemblies;
        this.standardTables = standardTables;
        this.webResourceRoot = webResourceRoot;
    }

    private string Prefix => definition.Publisher.Prefix + "_";

    /// <summary>Every problem found; empty when the solution can be packed.</summary>
    public static IReadOnlyList<string> Validate(SolutionDefinition definition, IReadOnlyList<ScannedAssembly> assemblies, ITableCatalog standardTables, string? webResourceRoot)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(assemblies);
        ArgumentNullException.ThrowIfNull(standardTables);
        var validator = new DeclarationValidator(definition, assemblies, standardTables, webResourceRoot);
        validator.CheckSolution();
        validator.CheckTables();
        validator.CheckRelationships();
        validator.CheckRoles();
        validator.CheckCustomApis();
        validator.CheckWebResources();
        validator.CheckAssemblies();
        validator.CheckSteps();
        validator.CheckCharts();
        validator.CheckForms();
        validator.CheckRibbons();
        validator.CheckCodeComponents();
        return validator.problems;
    }

    public static void ThrowIfInvalid(SolutionDefinition definition, IReadOnlyList<ScannedAssembly> assemblies, ITableCatalog standardTables, string? webResourceRoot)
    {
        var found = Validate(definition, assemblies, standardTables, webResourceRoot);
        if (found.Count > 0)
        {
            throw new SolutionValidationException(found);
        }
    }

    private void Problem(string text) => problems.Add(text);

    private void CheckSolution()
    {
        var publisher = definition.Publisher;
        if (!IsIdentifier(definition.UniqueName))
        {
            Problem($"Solution unique name '{definition.UniqueName}' must be letters, digits and underscores, starting with a letter.");
        }

        if (!IsIdentifier(publisher.Prefix) || publisher.Prefix.Length is < 2 or > 8 || publisher.Prefix.StartsWith("mscrm", StringComparison.OrdinalIgnoreCase))
        {
            Problem($"Publisher prefix '{publisher.Prefix}' must be 2 to 8 letters or digits, start with a letter and not start with 'mscrm'.");
        }

        if (publisher.OptionValuePrefix is < 10000 or > 99999)
        {
            Problem($"Publisher option value prefix {publisher.OptionValuePrefix} must be between 10000 and 99999.");
        }

        if (!System.Version.TryParse(definition.Version, out var version) || definition.Version.Split('.').Length != 4 || version.Revision < 0)
        {
            Problem($"Solution version '{definition.Version}' must be major.minor.build.revision.");
        }
    }

    /// <summary>A Rapport name: the publisher prefix, an underscore, then at least one character.</summary>
    private bool HasPrefix(string name) => name.Length > Prefix.Length && name.StartsWith(Prefix, StringComparison.Ordinal);

    private void RequirePrefix(string what, string name)
    {
        if (!HasPrefix(name))
        {
            Problem($"{what} '{name}' lacks the publisher prefix '{Prefix}'.");
        }
    }

    private void RequireLength(string what, string name, int max)
    {
        if (name.Length > max)
        {
            Problem($"{what} '{name}' is {name.Length} characters long; the limit is {max}.");
        }
    }

    private void RequireUnique(string what, IEnumerable<string> names, StringComparer? comparer = null)
    {
        foreach (var group in names.GroupBy(n => n, comparer ?? StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            Problem($"Duplicate {what} '{group.Key}' (declared {group.Count()} times).");
        }
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private TableDefinition? Declared(string logicalName) =>
        definition.Tables.FirstOrDefault(t => string.Equals(t.LogicalName, logicalName, StringComparison.Ordinal));

    private bool IsKnownTable(string logicalName) => Declared(logicalName) is not null || standardTables.Find(logicalName) is not null;

    /// <summary>Columns the platform gives every table; the standard-table catalogue leaves them out.</summary>
    private static readonly string[] PlatformColumns =
    [
        "createdon", "createdby", "createdonbehalfby", "modifiedon", "modifiedby", "modifiedonbehalfby", "overriddencreatedon",
        "ownerid", "owningbusinessunit", "owninguser", "owningteam", "statecode", "statuscode", "versionnumber",
        "importsequencenumber", "timezoneruleversionnumber", "utcconversiontimezonecode",
    ];

    /// <summary>The columns known for a table (declared ones plus the catalogue's and the platform's); null when nothing is known of them.</summary>
    private HashSet<string>? KnownColumns(string logicalName)
    {
        var columns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { Declared(logicalName), standardTables.Find(logicalName) })
        {
            if (table is not null)
            {
                columns.UnionWith(table.Columns.Select(c => c.LogicalName));
                columns.Add(table.PrimaryIdAttribute);
            }
        }

        if (columns.Count > 0)
        {
            columns.UnionWith(PlatformColumns);
        }

        return columns.Count == 0 ? null : columns;
    }
}
