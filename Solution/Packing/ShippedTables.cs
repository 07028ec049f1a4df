using System;
using System.Collections.Generic;
using System.Linq;
using Rapport.Solution.Model;

namespace Rapport.Solution.Packing;

/// <summary>
/// The tables customizations.xml carries: Rapport's own, the standard ones Rapport adds columns to, and the standard
/// ones that only carry Rapport's forms, charts or command bar buttons (as a shell: no columns of their own).
/// </summary>
internal static class ShippedTables
{
    public static IReadOnlyList<TableDefinition> Of(SolutionDefinition definition)
    {
        var shipped = definition.Tables.Where(t => t.IsCustom || t.AddedColumns.Count > 0).ToList();
        var carriers = definition.Charts.Select(c => c.Table)
            .Concat(definition.Forms.Select(f => f.Table))
            .Concat(definition.Ribbons.Select(r => r.Table))
            .Distinct(StringComparer.Ordinal)
            .Where(name => shipped.All(t => t.LogicalName != name));
        foreach (var name in carriers)
        {
            var table = definition.Tables.FirstOrDefault(t => t.LogicalName == name) ?? StandardTables.Find(name) ?? new TableDefinition(name, name, name);
            shipped.Add(table with { AddedColumns = [] });
        }

        return shipped.OrderBy(t => t.LogicalName, StringComparer.Ordinal).ToList();
    }
}
